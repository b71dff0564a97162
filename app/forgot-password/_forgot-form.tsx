"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { requestPasswordResetAction } from "./actions";

/** The email field; after sending, the one answer that never says whether the address is known. */
export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  return (
    <ActionForm action={requestPasswordResetAction} className="space-y-4" method="post" successMessage={t("sent")}>
      <TextField name="email" label={t("email")} type="email" autoComplete="username" required />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
