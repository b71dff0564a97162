"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { resendInvitationAction } from "../actions";

/** "Resend invitation" for someone who has not chosen their password yet (issue 13). */
export function ResendInvitationButton({ id }: { id: number }) {
  const t = useTranslations("invite.person");
  return (
    <ActionButton action={resendInvitationAction} input={{ id }} variant="secondary" success={() => t("resent")} align="end">
      {t("resend")}
    </ActionButton>
  );
}
