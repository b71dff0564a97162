import type { Metadata } from "next";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Card, PageHeader } from "@/components/ui/card";
import { securitySettingsForEdit } from "@/lib/auth/security-settings";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";
import { found } from "@/lib/core/page";
import { SettingsTabs } from "../_components/settings-tabs";
import { SecuritySettingsForm } from "./_components/security-settings-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("securitySettings");
  return { title: t("title") };
}

/** HR: session timeouts, the second factor for HR admins, and what single sign-on may do (issue 14). */
export default async function SecuritySettingsPage() {
  const actor = await requireActor();
  const { updatedAt, updatedByName, ...values } = found(() => securitySettingsForEdit(actor));
  const t = await getTranslations("securitySettings");
  const format = await getFormatter();
  const zone = await getTimeZone();
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <SettingsTabs current="security" />
      <Card>
        <SecuritySettingsForm values={values} />
        {updatedAt && updatedByName ? (
          <p className="mt-4 text-sm text-slate-600" data-testid="security-settings-updated">
            {t("lastChanged", { name: updatedByName, when: formatInstant(format, new Date(updatedAt), zone) })}
          </p>
        ) : null}
      </Card>
    </div>
  );
}
