"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton, TextField, useFormStatusContext } from "@/components/ui/form";
import { errorClass, inputClass, labelClass } from "@/components/ui/field-styles";
import { BuddyPicker, type OnboardingPerson } from "./onboarding-person-picker";
import { startOnboardingAction } from "../actions";

type Option = { id: number; name: string };

/** The chosen person, shown (read-only) so a refusal about them appears next to a visible field. */
function PersonField({ personId, name }: { personId: number; name: string }) {
  const t = useTranslations("onboarding.new");
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors.personId : undefined;
  return (
    <div className="sm:col-span-2">
      <input type="hidden" name="personId" value={personId} />
      <label htmlFor="ob-start-person" className={labelClass()}>
        {t("planFor")}
      </label>
      <input
        id="ob-start-person"
        readOnly
        value={name}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? "ob-start-person-error" : undefined}
        className={`${inputClass} bg-slate-50`}
      />
      {error ? (
        <p id="ob-start-person-error" className={errorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function StartForm({
  personId,
  personName,
  startDate,
  managers,
  managerId,
  buddy,
  roles,
  fromRoleId,
}: {
  personId: number;
  personName: string;
  startDate: string;
  managers: Option[];
  managerId: number | "";
  buddy: OnboardingPerson | null;
  roles: { id: number; title: string }[];
  fromRoleId: number | "";
}) {
  const t = useTranslations("onboarding.new");
  return (
    <ActionForm action={startOnboardingAction} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <PersonField personId={personId} name={personName} />
        <TextField name="startDate" label={t("startDate")} hint={t("startDateHint")} type="date" defaultValue={startDate} required />
        <SelectField name="managerId" label={t("manager")} defaultValue={managerId} emptyLabel="—" options={managers.map((m) => ({ value: m.id, label: m.name }))} />
        <BuddyPicker label={t("buddy")} hint={t("buddyHint")} initial={buddy} hireId={personId} />
        <SelectField
          name="fromJobRoleId"
          label={t("roleChange")}
          hint={t("roleChangeHint")}
          defaultValue={fromRoleId}
          emptyLabel={t("noRoleChange")}
          options={roles.map((r) => ({ value: r.id, label: r.title }))}
        />
      </div>
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
