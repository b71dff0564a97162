"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { REMINDER_WORKING_DAYS_MAX, REMINDER_WORKING_DAYS_MIN } from "@/lib/email/vocabulary";
import { updateReminderWorkingDaysAction } from "../actions";

/**
 * HR: after how many working days unanswered changes and questions are reminded automatically
 * (1–20). No min/max attributes: lib/org/organisation.ts refuses a value outside the range next to
 * the field, in the person's language.
 */
export function ReminderDaysForm({ revision, value }: { revision: number; value: number }) {
  const t = useTranslations("jobs.scheduled.reminders");
  const router = useRouter();
  return (
    <ActionForm action={updateReminderWorkingDaysAction} successMessage={t("saved")} onSuccess={() => router.refresh()} className="grid max-w-xl gap-4">
      <input type="hidden" name="revision" value={revision} />
      <TextField
        name="reminderWorkingDays"
        type="number"
        inputMode="numeric"
        label={t("label")}
        hint={t("hint", { min: REMINDER_WORKING_DAYS_MIN, max: REMINDER_WORKING_DAYS_MAX })}
        defaultValue={value}
        required
      />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
