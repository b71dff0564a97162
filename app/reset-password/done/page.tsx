import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { PublicNotice, PublicShell } from "@/components/shell/public-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resetPassword");
  return { title: t("done.title"), robots: { index: false, follow: false } };
}

/** After a new password was set through a reset link: every session ended; sign in with it. */
export default async function ResetPasswordDonePage() {
  const t = await getTranslations("resetPassword");
  return (
    <PublicShell>
      <PublicNotice title={t("done.title")} body={t("done.body")} testId="reset-done">
        <p className="mt-4">
          <ButtonLink href="/sign-in">{t("toSignIn")}</ButtonLink>
        </p>
      </PublicNotice>
    </PublicShell>
  );
}
