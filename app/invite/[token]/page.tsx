import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { formatInstant } from "@/lib/core/format-dates";
import { openInvitation } from "@/lib/email/invitations";
import { organisationTimeZone } from "@/lib/org/settings";
import { PublicNotice, PublicShell } from "@/components/shell/public-shell";
import { SetPasswordForm } from "../_components/set-password-form";

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
    <PublicShell>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("heading", { name: page.firstName })}</h1>
      <p className="mt-2 text-slate-700">{page.organisation ? t("intro", { organisation: page.organisation }) : t("introNoOrganisation")}</p>
      <p className="mt-1 text-sm text-slate-600">{t("validUntil", { until: formatInstant(format, page.expiresAt, organisationTimeZone()) })}</p>
      <section className="mt-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <SetPasswordForm token={token} />
      </section>
    </PublicShell>
  );
}
