"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton, TextField, useFormStatusContext } from "@/components/ui/form";
import { errorClass, inputClass, labelClass, selectClass } from "@/components/ui/field-styles";
import { startOnboardingAction } from "../actions";

type Option = { id: number; name: string };

function BuddySelect({ suggested, others, defaultValue }: { suggested: Option[]; others: Option[]; defaultValue: number | "" }) {
  const t = useTranslations("onboarding.new");
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors.buddyId : undefined;
  return (
    <div>
      <label htmlFor="buddy" className={labelClass()}>
        {t("buddy")}
      </label>
      <select
        id="buddy"
        name="buddyId"
        defaultValue={defaultValue}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? "buddy-error" : undefined}
        className={selectClass}
      >
        <option value="">—</option>
        {suggested.length ? (
          <optgroup label={t("suggested")}>
            {suggested.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label={t("otherBuddy")}>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </optgroup>
      </select>
      {error ? (
        <p id="buddy-error" className={errorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

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
  suggested,
  others,
  roles,
  fromRoleId,
}: {
  personId: number;
  personName: string;
  startDate: string;
  managers: Option[];
  managerId: number | "";
  suggested: Option[];
  others: Option[];
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
        <BuddySelect suggested={suggested} others={others} defaultValue={suggested[0]?.id ?? ""} />
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
