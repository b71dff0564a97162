"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { EVALUATION_KINDS, type EvaluationKind } from "@/lib/evaluations/vocabulary";
import { startEvaluationAction } from "../actions";
import { EvaluablePersonPicker } from "./person-picker";

/** Starting an evaluation: whom, which kind, and the period it covers. */
export function StartEvaluationForm({
  person,
  kind,
  periodStart,
  periodEnd,
}: {
  person: { id: number; name: string; roleTitle: string | null } | null;
  kind: EvaluationKind;
  periodStart: string;
  periodEnd: string;
}) {
  const t = useTranslations("evaluations.write");
  return (
    <ActionForm action={startEvaluationAction} className="space-y-4">
      <EvaluablePersonPicker label={t("person")} hint={t("personHint")} initial={person} />
      <SelectField name="kind" label={t("kindLabel")} defaultValue={kind} options={EVALUATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="periodStart" label={t("periodStart")} type="date" defaultValue={periodStart} required />
        <TextField name="periodEnd" label={t("periodEnd")} type="date" defaultValue={periodEnd} required />
      </div>
      <p className="text-sm text-slate-600">{t("startHint")}</p>
      <SubmitButton>{t("start")}</SubmitButton>
    </ActionForm>
  );
}
