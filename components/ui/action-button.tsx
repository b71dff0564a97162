"use client";

import { useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { useStatusRegion } from "@/components/ui/status-region";
import type { ActionResult } from "@/lib/core/action-types";

type Variant = Parameters<typeof buttonClass>[0];

/**
 * The one button-style action: calls a Server Action built with createAction, refreshes the page on
 * success, and shows a refusal in place (as ActionForm does), so no click silently does nothing.
 */
export function ActionButton<T>({
  action,
  input,
  children,
  variant = "primary",
  className = "",
  pressed,
  success,
  align = "start",
}: {
  action: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<T>>;
  input: Record<string, unknown>;
  children: ReactNode;
  variant?: Variant;
  className?: string;
  /** For toggles (done / not done): exposed as aria-pressed. */
  pressed?: boolean;
  /** A message to show after success (e.g. how many reminders went out). */
  success?: (data: T) => string;
  align?: "start" | "end";
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const announce = useStatusRegion();
  return (
    <div className={`flex flex-col gap-1 ${align === "end" ? "items-end" : "items-start"}`}>
      <button
        type="button"
        disabled={pending}
        aria-pressed={pressed}
        aria-busy={pending || undefined}
        className={className || buttonClass(variant)}
        onClick={() =>
          startTransition(async () => {
            const result = await action(null, input);
            if (result.ok) {
              const text = success ? success(result.data) : null;
              if (text && announce) {
                announce(text);
                setMessage(null);
              } else setMessage(text ? { ok: true, text } : null);
              router.refresh();
            } else {
              setMessage({ ok: false, text: result.error + (result.fieldErrors._form ? ` ${result.fieldErrors._form}` : "") });
            }
          })
        }
      >
        {children}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-slate-700" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
