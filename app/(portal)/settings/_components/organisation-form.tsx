"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { NAME_MAX, POSTING_LOCATION_MAX } from "@/lib/core/limits";
import type { OrganisationSettings } from "@/lib/org/settings";
import type { ZoneGroup } from "@/lib/org/zones";
import { updateOrganisationAction } from "../actions";
import { TimeZoneField } from "./time-zone-field";

export function OrganisationForm({ values, serverTimeZone, groups }: { values: OrganisationSettings; serverTimeZone: string; groups: ZoneGroup[] }) {
  const t = useTranslations("settings");
  const router = useRouter();
  return (
    <ActionForm action={updateOrganisationAction} successMessage={t("saved")} onSuccess={() => router.refresh()} className="grid max-w-2xl gap-4">
      <input type="hidden" name="revision" value={values.revision} />
      <TextField name="name" label={t("name")} defaultValue={values.name} maxLength={NAME_MAX} required />
      <TimeZoneField
        name="timeZone"
        label={t("timeZone")}
        hint={t("timeZoneHint")}
        emptyLabel={t("serverZone", { zone: serverTimeZone })}
        defaultValue={values.timeZone}
        groups={groups}
      />
      <TextField name="applyEmail" type="email" label={t("applyEmail")} hint={t("applyEmailHint")} defaultValue={values.applyEmail} maxLength={320} />
      <TextField name="applyUrl" type="url" label={t("applyUrl")} hint={t("applyUrlHint")} defaultValue={values.applyUrl} maxLength={500} />
      <TextField name="location" label={t("location")} hint={t("locationHint")} defaultValue={values.location} maxLength={POSTING_LOCATION_MAX} />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
