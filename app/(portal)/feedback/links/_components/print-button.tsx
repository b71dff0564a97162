"use client";

import { buttonClass } from "@/components/ui/button";

/** The print page's "Print" button (left out of the printed page). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("primary")} data-print="hide">
      {label}
    </button>
  );
}
