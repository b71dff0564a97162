"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { clearBounceAction, retryAllEmailsAction, retryEmailAction } from "../actions";

/** Retry one failed or bounced email. `label` names the email for screen readers. */
export function RetryButton({ id, label }: { id: number; label: string }) {
  const t = useTranslations("emailAdmin");
  return (
    <ActionButton action={retryEmailAction} input={{ id }} variant="secondary" success={(d) => t("retried", { count: d.count })}>
      {t("retry")}
      <span className="sr-only"> {label}</span>
    </ActionButton>
  );
}

export function RetryAllButton() {
  const t = useTranslations("emailAdmin");
  return (
    <ActionButton action={retryAllEmailsAction} input={{}} success={(d) => t("retried", { count: d.count })}>
      {t("retryAll")}
    </ActionButton>
  );
}

/** Unblock a bounced address. */
export function ClearBounceButton({ personId, label }: { personId: number; label: string }) {
  const t = useTranslations("emailAdmin");
  return (
    <ActionButton action={clearBounceAction} input={{ personId }} variant="secondary" success={() => t("cleared")}>
      {t("clearBounce")}
      <span className="sr-only"> {label}</span>
    </ActionButton>
  );
}
