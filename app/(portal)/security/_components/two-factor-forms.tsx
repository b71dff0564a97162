"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction } from "@/app/(enrol)/security/two-factor/actions";
import { RecoveryCodes } from "./recovery-codes";

function CodeField({ hint }: { hint?: string }) {
  const t = useTranslations("security.twoFactor");
  return (
    <TextField
      name="code"
      label={t("codeLabel")}
      hint={hint}
      autoComplete="one-time-code"
      inputMode="numeric"
      maxLength={64}
      required
      spellCheck={false}
      className="max-w-xs"
    />
  );
}

/** Enrolment's last step: a current code confirms the app has the secret; then the recovery codes, once. */
export function ConfirmEnrolmentForm() {
  const t = useTranslations("security.twoFactor");
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodes codes={codes} done />;
  return (
    <ActionForm action={confirmTwoFactorAction} onSuccess={(d) => setCodes((d as { codes: string[] }).codes)} className="space-y-4">
      <CodeField hint={t("confirmHint")} />
      <SubmitButton>{t("confirm")}</SubmitButton>
    </ActionForm>
  );
}

/** New recovery codes (needs a current code). */
export function RegenerateCodesForm() {
  const t = useTranslations("security.twoFactor");
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodes codes={codes} />;
  return (
    <ActionForm action={regenerateRecoveryCodesAction} onSuccess={(d) => setCodes((d as { codes: string[] }).codes)} className="space-y-3">
      <CodeField />
      <SubmitButton variant="secondary">{t("regenerate")}</SubmitButton>
    </ActionForm>
  );
}

/** Turns the second factor off (needs a current code). */
export function DisableTwoFactorForm() {
  const t = useTranslations("security.twoFactor");
  const router = useRouter();
  return (
    <ActionForm action={disableTwoFactorAction} onSuccess={() => router.refresh()} className="space-y-3">
      <CodeField />
      <SubmitButton variant="danger">{t("disable")}</SubmitButton>
    </ActionForm>
  );
}
