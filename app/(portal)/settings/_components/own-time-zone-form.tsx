"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import type { ZoneGroup } from "@/lib/org/zones";
import { setOwnTimeZoneAction } from "../actions";
import { TimeZoneField } from "./time-zone-field";

export function OwnTimeZoneForm({ value, organisationZone, groups }: { value: string; organisationZone: string; groups: ZoneGroup[] }) {
  const t = useTranslations("preferences");
  const router = useRouter();
  return (
    <ActionForm action={setOwnTimeZoneAction} successMessage={t("saved")} onSuccess={() => router.refresh()} className="grid max-w-xl gap-4">
      <TimeZoneField
        name="timeZone"
        label={t("timeZone")}
        hint={t("timeZoneHint")}
        emptyLabel={t("organisationZone", { zone: organisationZone })}
        defaultValue={value}
        groups={groups}
      />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
