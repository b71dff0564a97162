import type { Metadata } from "next";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Card, PageHeader } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { found } from "@/lib/core/page";
import { organisationSettingsForEdit } from "@/lib/org/organisation";
import { timeZoneGroups } from "@/lib/org/zones";
import { OrganisationForm } from "./_components/organisation-form";
import { PulseMinGroupForm } from "./_components/pulse-min-group-form";
import { ReminderDaysForm } from "./_components/reminder-days-form";
import { SettingsTabs } from "./_components/settings-tabs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const actor = await requireActor();
  const settings = found(() => organisationSettingsForEdit(actor));
  const t = await getTranslations("settings");
  const tc = await getTranslations("clarity.setting");
  const te = await getTranslations("emailAdmin.settingsLink");
  const tr = await getTranslations("jobs.scheduled.reminders");
  const format = await getFormatter();
  const zone = await getTimeZone();
  const { serverTimeZone, updatedAt, updatedByName, ...values } = settings;
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <SettingsTabs current="organisation" />
      <Card>
        <OrganisationForm values={values} serverTimeZone={serverTimeZone} groups={timeZoneGroups()} />
        {updatedAt && updatedByName ? (
          <p className="mt-4 text-sm text-slate-600" data-testid="settings-updated">
            {t("lastChanged", { name: updatedByName, when: formatInstant(format, updatedAt, zone) })}
          </p>
        ) : null}
      </Card>
      <Card className="mt-6">
        <h2 className="mb-1 text-lg font-semibold">{tc("title")}</h2>
        <p className="mb-4 max-w-3xl text-sm text-slate-600">{tc("intro")}</p>
        <PulseMinGroupForm revision={settings.revision} value={settings.pulseMinGroup} />
      </Card>
      {can(actor, "email.oversee") ? (
        <Card className="mt-6">
          <h2 className="mb-1 text-lg font-semibold">{te("title")}</h2>
          <p className="mb-3 max-w-3xl text-sm text-slate-600">{te("body")}</p>
          <Link href="/settings/email" className="text-sm font-medium text-brand-700 underline">
            {te("open")}
          </Link>
        </Card>
      ) : null}
      <Card className="mt-6">
        <h2 className="mb-1 text-lg font-semibold">{tr("title")}</h2>
        <p className="mb-4 max-w-3xl text-sm text-slate-600">{tr("intro")}</p>
        <ReminderDaysForm revision={settings.revision} value={settings.reminderWorkingDays} />
      </Card>
    </div>
  );
}
