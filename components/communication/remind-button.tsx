"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import type { ActionResult } from "@/lib/core/action-types";

/** Sends a reminder to everyone who has not answered yet. */
export function RemindButton({
  action,
  input,
}: {
  action: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<{ reminded: number }>>;
  input: Record<string, unknown>;
}) {
  const t = useTranslations("tracking");
  return (
    <ActionButton action={action} input={input} variant="secondary" success={(d) => t("remindersSent", { count: d.reminded })}>
      {t("remind")}
    </ActionButton>
  );
}
