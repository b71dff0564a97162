"use client";

import { useRouter } from "next/navigation";
import { ActionForm, SelectField, SubmitButton, useFormStatusContext } from "@/components/ui/form";
import { errorClass } from "@/components/ui/field-styles";
import { giveUpwardAction } from "../actions";

type Option = { value: number; label: string };

/** One item: a labelled group of radio buttons, its error (if any) beside it. */
function Item({ name, label, scale }: { name: string; label: string; scale: Option[] }) {
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  const errorId = `upward-${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined} className="rounded-lg border border-slate-200 p-4">
      <legend className="px-1 font-medium text-slate-900">{label}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-5">
        {scale.map((o) => (
          <label key={o.value} className="flex items-start gap-2 rounded-md border border-slate-200 px-2 py-1.5 text-sm text-slate-800 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name={name} value={o.value} className="mt-0.5" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className={errorClass}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Upward feedback: which leader (when there are several), then every item on the agree scale. */
export function UpwardForm({
  leaders,
  leaderLabel,
  intro,
  groups,
  scale,
  submitLabel,
  sentLabel,
}: {
  leaders: { id: number; label: string }[];
  leaderLabel: string;
  intro: string;
  groups: { heading: string; items: { key: string; label: string }[] }[];
  scale: Option[];
  submitLabel: string;
  sentLabel: string;
}) {
  const router = useRouter();
  return (
    <ActionForm action={giveUpwardAction} successMessage={sentLabel} resetOnSuccess onSuccess={() => router.refresh()} className="space-y-4" data-testid="upward-form">
      <p className="text-slate-700">{intro}</p>
      {leaders.length === 1 ? (
        <input type="hidden" name="leaderId" value={leaders[0]!.id} />
      ) : (
        <SelectField name="leaderId" label={leaderLabel} options={leaders.map((l) => ({ value: l.id, label: l.label }))} />
      )}
      {groups.map((g) => (
        <div key={g.heading} className="space-y-3">
          <h3 className="font-semibold text-slate-900">{g.heading}</h3>
          {g.items.map((i) => (
            <Item key={i.key} name={i.key} label={i.label} scale={scale} />
          ))}
        </div>
      ))}
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
