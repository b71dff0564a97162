import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { OneTimeLinkPage, PublicNotice, PublicShell } from "@/components/shell/public-shell";
import { ButtonLink } from "@/components/ui/button-link";
import { openPasswordReset } from "@/lib/auth/passwords";
import { formatInstant } from "@/lib/core/format-dates";
import { organisationTimeZone } from "@/lib/org/settings";
import { NewPasswordForm } from "@/components/ui/new-password-form";
import { resetPasswordAction } from "../actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resetPassword");
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The one-time link of a password-reset email (issue 14 point 3): public. Opening it writes nothing;
 * the form sets the new password and uses the link up. A used, expired or unknown link says so and
 * offers to ask for a new one.
 */
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const page = openPasswordReset(token);
  const t = await getTranslations("resetPassword");
  if (page.state !== "open") {
    return (
      <PublicShell>
        <PublicNotice title={t(`${page.state}.title`)} body={t(`${page.state}.body`)} testId={`reset-${page.state}`}>
          <p className="mt-4 flex flex-wrap gap-3">
            <ButtonLink href="/forgot-password">{t("askAgain")}</ButtonLink>
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
      intro={t("intro")}
      validUntil={t("validUntil", { until: formatInstant(format, new Date(page.expiresAt), organisationTimeZone()) })}
    >
      <NewPasswordForm
        token={token}
        action={resetPasswordAction}
        labels={{ password: t("password"), passwordHint: t("passwordHint"), repeat: t("repeat"), submit: t("submit") }}
      />
    </OneTimeLinkPage>
  );
}
