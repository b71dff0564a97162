"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * next/link that prefetches once the reader shows intent (the pointer over it, a touch, keyboard
 * focus) instead of as soon as it scrolls into view (issue 15). Our pages are dynamic with a
 * loading.tsx, so every visible link's prefetch renders the portal layout again on the server and is
 * not kept by the client: a view of the home page asked for 39 prefetches (the navigation, the
 * header, each task's "Discuss"), several times the cost of the page itself. This is the
 * hover-triggered pattern of Next's prefetching guide; `prefetch={false}` still turns it off.
 * Use it instead of next/link everywhere (an ESLint rule says so).
 */
export default function Link({ prefetch, onMouseEnter, onTouchStart, onFocus, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={prefetch === false || !intent ? false : (prefetch ?? null)}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
    />
  );
}
