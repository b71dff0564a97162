"use client";

import { useId } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField, useFormStatusContext } from "@/components/ui/form";
import { errorClass, hintClass } from "@/components/ui/field-styles";
import { ABSOLUTE_HOURS_RANGE, IDLE_MINUTES_RANGE } from "@/lib/auth/security-vocabulary";
import { updateSecuritySettingsAction } from "../actions";

export type SecuritySettingsValues = {
  revision: number;
  idleMinutes: number;
  absoluteHours: number;
  requireSecondFactorForHr: boolean;
  ssoCreatesPeople: boolean;
};

/**
 * HR: the session timeouts and the sign-in switches of issue 14. No min/max attributes on the
 * numbers: lib/auth/security-settings.ts refuses a value outside its range next to the field, in the
 * person's language (the browser's own bubble would not be).
 */
export function SecuritySettingsForm({ values }: { values: SecuritySettingsValues }) {
  const t = useTranslations("securitySettings");
  const router = useRouter();
  return (
    <ActionForm action={updateSecuritySettingsAction} successMessage={t("saved")} onSuccess={() => router.refresh()} className="grid max-w-xl gap-4">
      <input type="hidden" name="revision" value={values.revision} />
      <TextField
        name="idleMinutes"
        type="number"
        inputMode="numeric"
        label={t("idleMinutes")}
        hint={t("idleMinutesHint", { min: IDLE_MINUTES_RANGE[0], max: IDLE_MINUTES_RANGE[1] })}
        defaultValue={values.idleMinutes}
        required
      />
      <TextField
        name="absoluteHours"
        type="number"
        inputMode="numeric"
        label={t("absoluteHours")}
        hint={t("absoluteHoursHint", { min: ABSOLUTE_HOURS_RANGE[0], max: ABSOLUTE_HOURS_RANGE[1] })}
        defaultValue={values.absoluteHours}
        required
      />
      <Checkbox name="requireSecondFactorForHr" label={t("requireSecondFactorForHr")} hint={t("requireSecondFactorForHrHint")} defaultChecked={values.requireSecondFactorForHr} />
      <Checkbox name="ssoCreatesPeople" label={t("ssoCreatesPeople")} hint={t("ssoCreatesPeopleHint")} defaultChecked={values.ssoCreatesPeople} />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** A labelled checkbox with its help text and the server's refusal, if any. */
function Checkbox({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  const id = useId();
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name={name}
          value="true"
          defaultChecked={defaultChecked}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={Boolean(error)}
          className="mt-1 h-4 w-4"
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          {label}
        </label>
      </div>
      <p id={`${id}-hint`} className={`${hintClass} ml-6`}>
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className={`${errorClass} ml-6`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
