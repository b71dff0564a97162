import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { PublicNotice, PublicShell } from "@/components/shell/public-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("done.title"), robots: { index: false, follow: false } };
}

/** After the password was set through an invitation: sign in with it. */
export default async function InvitationDonePage() {
  const t = await getTranslations("invite");
  return (
    <PublicShell>
      <PublicNotice title={t("done.title")} body={t("done.body")} testId="invite-done">
        <p className="mt-4">
          <ButtonLink href="/sign-in">{t("toSignIn")}</ButtonLink>
        </p>
      </PublicNotice>
    </PublicShell>
  );
}
