"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signIn");
  return (
    <ActionForm action={signInAction} className="space-y-4">
      <TextField name="email" label={t("email")} type="email" autoComplete="username" required autoFocus />
      <TextField name="password" label={t("password")} type="password" autoComplete="current-password" required />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
