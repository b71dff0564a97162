"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { NAME_MAX } from "@/lib/core/limits";
import { addHolidayAction } from "../actions";

export function HolidayForm() {
  const t = useTranslations("settings");
  const router = useRouter();
  return (
    <ActionForm action={addHolidayAction} resetOnSuccess successMessage={t("holidayAdded")} onSuccess={() => router.refresh()} className="flex flex-wrap items-end gap-3">
      <TextField name="date" type="date" label={t("holidayDate")} required />
      <TextField name="name" label={t("holidayName")} maxLength={NAME_MAX} required className="min-w-64 flex-1" />
      <div>
        <SubmitButton>{t("addHoliday")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
