"use client";

import { useEffect } from "react";

/**
 * Marks the document once React has hydrated it (`<html data-hydrated>`), so end-to-end tests can
 * wait for forms to be interactive instead of racing the first click against hydration. It renders
 * nothing and changes nothing a person sees.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
