"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { ssoSignInAction } from "./sso-actions";

/** The single sign-on button, shown only when SSO is configured (lib/auth/sso.ts). */
export function SsoButton({ name, callbackUrl }: { name: string; callbackUrl?: string }) {
  const t = useTranslations("signIn");
  return (
    <div className="mt-6">
      <p className="mb-4 flex items-center gap-3 text-xs uppercase text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        {t("ssoDivider")}
        <span className="h-px flex-1 bg-slate-200" />
      </p>
      <ActionForm action={ssoSignInAction} method="post">
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <SubmitButton variant="secondary">{t("ssoButton", { name })}</SubmitButton>
      </ActionForm>
    </div>
  );
}
