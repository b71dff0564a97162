import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { locales, type AppLocale } from "@/i18n/config";
import { requireActor } from "@/lib/auth/session";
import { found } from "@/lib/core/page";
import { ratingScaleForEdit } from "@/lib/evaluations/scale";
import { DEFAULT_LEVEL_CODES } from "@/lib/evaluations/vocabulary";
import { organisationSettingsForEdit } from "@/lib/org/organisation";
import { ScaleEditor, ScheduleForm, type LevelDefaults } from "../_components/scale-editor";
import { SettingsTabs } from "../_components/settings-tabs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.scale");
  return { title: t("title") };
}

/** HR: the organisation's rating scale, and when evaluations are due. */
export default async function RatingScalePage() {
  const actor = await requireActor();
  const scale = found(() => ratingScaleForEdit(actor));
  const settings = found(() => organisationSettingsForEdit(actor));
  const t = await getTranslations("evaluations.scale");
  const locale = (await getLocale()) as AppLocale;
  const defaults: LevelDefaults = {};
  // The default levels' wording in every language (the request's messages hold only the reader's).
  for (const l of locales) {
    const messages = (await import(`@/i18n/messages/${l}.json`)).default as { evaluations: { level: Record<string, { name: string; meaning: string }> } };
    for (const code of DEFAULT_LEVEL_CODES) (defaults[code] ??= {} as LevelDefaults[string])[l] = messages.evaluations.level[code];
  }
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <SettingsTabs current="ratingScale" />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t("levelsTitle")}</h2>
          <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("levelsIntro")}</p>
          <ScaleEditor
            revision={scale.revision}
            levels={scale.levels.map((l) => ({ id: l.id, code: l.code, labels: l.labels, meanings: l.meanings, used: l.used }))}
            defaults={defaults}
            locale={locale}
          />
        </Card>
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t("scheduleTitle")}</h2>
          <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("scheduleIntro")}</p>
          <ScheduleForm revision={settings.revision} probationDays={settings.probationDays} intervalMonths={settings.evaluationIntervalMonths} />
        </Card>
      </div>
    </div>
  );
}
