"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { resetPasswordAction } from "../actions";

/** The reset link's form: the new password twice. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("resetPassword");
  return (
    <ActionForm action={resetPasswordAction} className="space-y-4" method="post">
      <input type="hidden" name="token" value={token} />
      <TextField name="password" label={t("password")} hint={t("passwordHint")} type="password" autoComplete="new-password" required />
      <TextField name="repeat" label={t("repeat")} type="password" autoComplete="new-password" required />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
