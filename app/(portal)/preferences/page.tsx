import type { Metadata } from "next";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { found } from "@/lib/core/page";
import { ownTimeZone } from "@/lib/org/preferences";
import { organisationTimeZone } from "@/lib/org/settings";
import { timeZoneGroups } from "@/lib/org/zones";
import { OwnTimeZoneForm } from "../settings/_components/own-time-zone-form";

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
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <OwnTimeZoneForm value={own} organisationZone={organisationTimeZone()} groups={timeZoneGroups()} />
        <p className="mt-4 text-sm text-slate-600" data-testid="time-now">
          {t("now", { time: formatInstant(format, new Date(), zone, { dateStyle: "full", timeStyle: "short" }) })}
        </p>
      </Card>
    </div>
  );
}
