import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DemoBanner } from "@/components/shell/demo-banner";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { getActor } from "@/lib/auth/session";
import { ssoEnabled, ssoName } from "@/lib/auth/sso";
import { needsSetup } from "@/lib/org/demo";
import { SignInForm } from "./_sign-in-form";
import { SsoButton } from "./_sso-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; expired?: string; error?: string; setup?: string }>;
}) {
  // An installation nobody has set up yet (ROLEBOOK_DEMO=false) starts on /setup.
  if (needsSetup()) redirect("/setup");
  if (await getActor()) redirect("/");
  const { callbackUrl, expired, error, setup } = await searchParams;
  const t = await getTranslations("signIn");
  const app = await getTranslations("app");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <DemoBanner boxed />
        <div className="mb-8 text-center">
          <p className="text-3xl font-bold tracking-tight text-brand-800">Rolebook</p>
          <p className="mt-1 text-sm text-slate-600">{app("tagline")}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">{t("title")}</h1>
          {setup ? (
            <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="setup-done">
              {(await getTranslations("setup"))("done")}
            </p>
          ) : null}
          {expired ? (
            <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("expired")}</p>
          ) : null}
          {/* Auth.js sends a refused or failed single sign-on back here with ?error= (AccessDenied: the signIn callback said no). */}
          {error ? (
            <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {error === "AccessDenied" ? t("ssoRefused") : t("ssoFailed")}
            </p>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} />
          <p className="mt-4 text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-700 underline hover:text-brand-900">
              {t("forgotPassword")}
            </Link>
          </p>
          {ssoEnabled() ? <SsoButton name={ssoName()} callbackUrl={callbackUrl} /> : null}
        </div>
        <div className="mt-6 flex justify-center">
          <LocaleSwitcher />
        </div>
      </div>
    </main>
  );
}
