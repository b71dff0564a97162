"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

export const LIVE_POLL_MS = 5_000;

/**
 * The live notification centre (issue 12, point 4): while the tab is visible, asks
 * /api/notifications/live every 5 seconds whether the person's notifications changed; if so,
 * refreshes the page's server components (the bell's count, the /notifications list) without a
 * reload, and announces a new notification politely to screen readers. The count is capped like
 * the bell's badge (lib/core/capped-count.ts): past 99 it says "more than 99".
 */
export function LiveNotifications({ unread, latestId }: { unread: number; latestId: number }) {
  const t = useTranslations("liveNotifications");
  const router = useRouter();
  const [message, setMessage] = useState("");
  const known = useRef({ unread, latestId });

  // After a refresh the server sends the new state: that is what the next poll compares with.
  useEffect(() => {
    known.current = { unread, latestId };
  }, [unread, latestId]);

  useEffect(() => {
    let busy = false;
    const poll = async () => {
      if (busy || document.visibilityState !== "visible") return;
      busy = true;
      try {
        const response = await fetch("/api/notifications/live", { cache: "no-store", headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const now = (await response.json()) as { unread: number; latestId: number };
        const before = known.current;
        if (now.latestId === before.latestId && now.unread === before.unread) return;
        known.current = now;
        if (now.latestId > before.latestId) setMessage(now.unread > 99 ? t("arrivedCapped") : t("arrived", { count: now.unread }));
        router.refresh();
      } catch {
        // Offline or signed out: try again at the next tick.
      } finally {
        busy = false;
      }
    };
    const timer = window.setInterval(() => void poll(), LIVE_POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void poll();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router, t]);

  return (
    <span aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-notifications">
      {message}
    </span>
  );
}
