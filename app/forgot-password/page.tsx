import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PublicShell } from "@/components/shell/public-shell";
import { ForgotPasswordForm } from "./_forgot-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forgotPassword");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** "Forgot your password?" (issue 14 point 3, public): asks for an emailed one-time link. */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <PublicShell>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <section className="mt-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <ForgotPasswordForm />
      </section>
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="font-medium text-brand-700 underline hover:text-brand-900">
          {t("toSignIn")}
        </Link>
      </p>
    </PublicShell>
  );
}
