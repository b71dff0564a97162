"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/lib/core/action-types";

/** Sends a reminder to everyone who has not answered yet. */
export function RemindButton({
  action,
  input,
  disabled,
}: {
  action: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<{ reminded: number }>>;
  input: Record<string, unknown>;
  disabled?: boolean;
}) {
  const t = useTranslations("tracking");
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={buttonClass("secondary")}
        disabled={pending || disabled}
        onClick={() =>
          startTransition(async () => {
            const result = await action(null, input);
            setMessage(result.ok ? t("remindersSent", { count: result.data.reminded }) : result.error);
            router.refresh();
          })
        }
      >
        {t("remind")}
      </button>
      {message ? (
        <p role="status" className="text-sm text-slate-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
