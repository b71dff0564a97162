"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton } from "@/components/ui/form";
import { modeField } from "@/lib/email/vocabulary";
import { EMAIL_MODES, type EmailGroup, type EmailMode } from "@/lib/email/vocabulary";
import { saveEmailPreferencesAction } from "../actions";

/** The person's own email choices: per kind group immediately / daily digest / not by email, and the digest time. */
export function EmailPreferencesForm({
  groups,
  digestTime,
  digestTimes,
  revision,
  organisationZone,
}: {
  groups: { group: EmailGroup; mode: EmailMode }[];
  digestTime: string;
  digestTimes: string[];
  revision: number;
  organisationZone: string;
}) {
  const t = useTranslations("emailPreferences");
  const [rev, setRev] = useState(revision);
  const modes = EMAIL_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }));
  return (
    <ActionForm
      action={saveEmailPreferencesAction}
      successMessage={t("saved")}
      onSuccess={(data) => setRev((data as { revision: number }).revision)}
      className="grid gap-4"
      data-testid="email-preferences"
    >
      <input type="hidden" name="revision" value={rev} />
      <div className="grid gap-4 sm:grid-cols-2">
        {groups.map(({ group, mode }) => (
          <SelectField
            key={group}
            name={modeField(group)}
            label={t(`groups.${group}.name`)}
            hint={t(`groups.${group}.description`)}
            options={modes}
            defaultValue={mode}
          />
        ))}
      </div>
      <SelectField
        name="digestTime"
        label={t("digestTime")}
        hint={t("digestTimeHint", { zone: organisationZone })}
        options={digestTimes.map((time) => ({ value: time, label: time }))}
        defaultValue={digestTime}
        className="max-w-xs"
      />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
