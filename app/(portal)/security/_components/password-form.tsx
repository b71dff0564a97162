"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { changePasswordAction } from "../password-actions";

/** Current password, new password twice. Emptied after a change (the browser may offer to save it). */
export function ChangePasswordForm() {
  const t = useTranslations("security.password");
  return (
    <ActionForm action={changePasswordAction} className="max-w-md space-y-4" method="post" successMessage={t("changed")} resetOnSuccess>
      <TextField name="current" label={t("current")} type="password" autoComplete="current-password" required />
      <TextField name="password" label={t("new")} hint={t("newHint")} type="password" autoComplete="new-password" required />
      <TextField name="repeat" label={t("repeat")} type="password" autoComplete="new-password" required />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
