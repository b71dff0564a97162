"use client";

import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { openNotificationAction } from "./actions";

/**
 * A notification's link: opening it marks the notification read, then goes to its item. A click
 * that opens a new tab (modifier keys, middle button) marks it read too and leaves the browser to it.
 */
export function OpenNotificationLink({ id, href, children, className }: { id: number; href: string; children: ReactNode; className?: string }) {
  const router = useRouter();
  return (
    <Link
      href={href}
      prefetch={false}
      className={className}
      onClick={(e) => {
        const newTab = e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0;
        if (newTab) {
          void openNotificationAction(null, { id }).then(() => router.refresh());
          return;
        }
        e.preventDefault();
        void openNotificationAction(null, { id }).then((result) => {
          router.push(result.ok && result.data.link.startsWith("/") ? result.data.link : href);
        });
      }}
      onAuxClick={(e) => {
        if (e.button === 1) void openNotificationAction(null, { id });
      }}
    >
      {children}
    </Link>
  );
}
