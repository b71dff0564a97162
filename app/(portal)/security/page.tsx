import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { PasswordSection } from "./_components/password-section";
import { SessionsSection } from "./_components/sessions-section";
import { TwoFactorSection } from "./_components/two-factor-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("title") };
}

/**
 * "Sign-in and security" (issue 14): each person's own sessions, password and second factor. Each
 * section is a server component owned by its part; each checks `security.self` itself.
 */
export default async function SecurityPage() {
  const actor = await requireActor();
  const t = await getTranslations("security");
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="space-y-6">
        <SessionsSection actor={actor} />
        <PasswordSection actor={actor} />
        <TwoFactorSection actor={actor} />
      </div>
    </div>
  );
}
