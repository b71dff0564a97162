import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ButtonLink } from "@/components/ui/button-link";
import { formatInstant } from "@/lib/core/format-dates";
import { openInvitation } from "@/lib/email/invitations";
import { organisationTimeZone } from "@/lib/org/settings";
import { OneTimeLinkPage, PublicNotice, PublicShell } from "@/components/shell/public-shell";
import { NewPasswordForm } from "@/components/ui/new-password-form";
import { acceptInvitationAction } from "../actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The one-time link of an invitation email (issue 13, point 6): public. Opening it writes nothing;
 * the form sets the person's first password and uses the link up.
 */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const page = openInvitation(token);
  const t = await getTranslations("invite");
  if (page.state !== "open") {
    return (
      <PublicShell>
        <PublicNotice title={t(`${page.state}.title`)} body={t(`${page.state}.body`)} testId={`invite-${page.state}`}>
          <p className="mt-4">
            <ButtonLink variant="secondary" href="/sign-in">
              {t("toSignIn")}
            </ButtonLink>
          </p>
        </PublicNotice>
      </PublicShell>
    );
  }
  const format = await getFormatter();
  return (
    <OneTimeLinkPage
      heading={t("heading", { name: page.firstName })}
      intro={page.organisation ? t("intro", { organisation: page.organisation }) : t("introNoOrganisation")}
      validUntil={t("validUntil", { until: formatInstant(format, page.expiresAt, organisationTimeZone()) })}
    >
      <NewPasswordForm
        token={token}
        action={acceptInvitationAction}
        labels={{ password: t("password"), passwordHint: t("passwordHint"), repeat: t("repeat"), submit: t("submit") }}
      />
    </OneTimeLinkPage>
  );
}
