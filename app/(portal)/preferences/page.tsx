import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { found } from "@/lib/core/page";
import { can } from "@/lib/auth/policy";
import { ownEmailPreferences } from "@/lib/email/preferences";
import { DIGEST_TIMES } from "@/lib/email/vocabulary";
import { ownTimeZone } from "@/lib/org/preferences";
import { organisationTimeZone } from "@/lib/org/settings";
import { timeZoneGroups } from "@/lib/org/zones";
import { OwnTimeZoneForm } from "../settings/_components/own-time-zone-form";
import { EmailPreferencesForm } from "./_components/email-preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("preferences");
  return { title: t("title") };
}

export default async function PreferencesPage() {
  const actor = await requireActor();
  const own = found(() => ownTimeZone(actor));
  const t = await getTranslations("preferences");
  const format = await getFormatter();
  const zone = await getTimeZone();
  const email = can(actor, "email.preferences") ? found(() => ownEmailPreferences(actor)) : null;
  const te = await getTranslations("emailPreferences");
  const ts = await getTranslations("security");
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <OwnTimeZoneForm value={own} organisationZone={organisationTimeZone()} groups={timeZoneGroups()} />
        <p className="mt-4 text-sm text-slate-600" data-testid="time-now">
          {t("now", { time: formatInstant(format, new Date(), zone, { dateStyle: "full", timeStyle: "short" }) })}
        </p>
      </Card>
      <p className="mt-6 text-sm">
        <Link href="/security" className="font-medium text-brand-800 underline underline-offset-2">
          {ts("title")}
        </Link>
        <span className="text-slate-600"> · {ts("intro")}</span>
      </p>
      {email ? (
        <section id="email" aria-labelledby="email-heading" className="mt-6 scroll-mt-20">
          <Card>
            <h2 id="email-heading" className="text-lg font-semibold text-slate-900">
              {te("title")}
            </h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">{te("intro")}</p>
            <EmailPreferencesForm
              groups={email.groups}
              digestTime={email.digestTime}
              digestTimes={DIGEST_TIMES}
              revision={email.revision}
              organisationZone={organisationTimeZone()}
            />
          </Card>
        </section>
      ) : null}
    </div>
  );
}
