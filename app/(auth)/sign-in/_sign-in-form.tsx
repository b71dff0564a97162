"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField, useFormStatusContext } from "@/components/ui/form";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signIn");
  return (
    <ActionForm action={signInAction} className="space-y-4">
      <TextField name="email" label={t("email")} type="email" autoComplete="username" required autoFocus />
      <TextField name="password" label={t("password")} type="password" autoComplete="current-password" required />
      <CodeStep />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

/**
 * The second-factor step (issue 14 point 4): once the server answers that a code is required (or
 * that the one given was wrong), the form also asks for it, keeping the email and password.
 */
function CodeStep() {
  const t = useTranslations("signIn");
  const errors = useTranslations("errors");
  const { state } = useFormStatusContext();
  const [shown, setShown] = useState(false);
  const asked = Boolean(state && !state.ok && (state.error === errors("signInCodeRequired") || state.error === errors("signInCodeInvalid")));
  if (asked && !shown) setShown(true);
  if (!asked && !shown) return null;
  return (
    <TextField
      name="code"
      label={t("code")}
      hint={t("codeHint")}
      autoComplete="one-time-code"
      inputMode="numeric"
      autoFocus
      required
      maxLength={64}
      spellCheck={false}
      autoCapitalize="off"
    />
  );
}
