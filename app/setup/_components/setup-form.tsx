"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { hintClass } from "@/components/ui/field-styles";
import { NAME_MAX } from "@/lib/core/limits";
import type { ZoneGroup } from "@/lib/org/zones";
import { TimeZoneField } from "@/app/(portal)/settings/_components/time-zone-field";
import { completeSetupAction } from "../actions";

/** The one-time setup: the organisation, then its first HR admin. */
export function SetupForm({ groups, defaultZone, locales, defaultLocale }: { groups: ZoneGroup[]; defaultZone: string; locales: { value: string; label: string }[]; defaultLocale: string }) {
  const t = useTranslations("setup");
  return (
    <ActionForm action={completeSetupAction} className="space-y-6" method="post">
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">{t("organisationHeading")}</legend>
        <TextField name="organisationName" label={t("organisationName")} maxLength={NAME_MAX} required autoComplete="organization" />
        <TimeZoneField name="timeZone" label={t("timeZone")} hint={t("timeZoneHint")} emptyLabel={t("chooseZone")} defaultValue={defaultZone} groups={groups} />
        <SelectField name="locale" label={t("language")} hint={t("languageHint")} options={locales} defaultValue={defaultLocale} />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">{t("adminHeading")}</legend>
        <p className="text-sm text-slate-600">{t("adminIntro")}</p>
        <TextField name="name" label={t("name")} maxLength={NAME_MAX} required autoComplete="name" />
        <TextField name="email" type="email" label={t("email")} maxLength={320} required autoComplete="email" />
        <TextField name="password" type="password" label={t("password")} hint={t("passwordHint")} required autoComplete="new-password" />
        <TextField name="repeat" type="password" label={t("repeat")} required autoComplete="new-password" />
        <div className="flex items-start gap-2">
          <input id="setup-second-factor" name="requireSecondFactorForHr" type="checkbox" value="true" defaultChecked aria-describedby="setup-second-factor-hint" className="mt-0.5 size-4 rounded border-slate-300" />
          <div>
            <label htmlFor="setup-second-factor" className="text-sm font-medium text-slate-800">
              {t("requireSecondFactor")}
            </label>
            <p id="setup-second-factor-hint" className={hintClass}>
              {t("requireSecondFactorHint")}
            </p>
          </div>
        </div>
      </fieldset>
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
