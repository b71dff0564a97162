"use client";

import { useRouter } from "next/navigation";
import { ActionForm, SelectField, SubmitButton, useFormStatusContext } from "@/components/ui/form";
import { errorClass } from "@/components/ui/field-styles";
import { answerPulseAction } from "../actions";

type Option = { value: number; label: string };

/** One statement: a labelled group of radio buttons, its error (if any) beside it. */
function Statement({ name, label, scale }: { name: string; label: string; scale: Option[] }) {
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  const errorId = `pulse-${name}-error`;
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

export function PulseForm({
  sendId,
  intro,
  items,
  scale,
  responsibilities,
  leastClear,
  submitLabel,
}: {
  sendId: number;
  intro: string;
  items: { key: string; label: string }[];
  scale: Option[];
  responsibilities: { key: string; title: string }[];
  leastClear: { label: string; hint: string; none: string };
  submitLabel: string;
}) {
  const router = useRouter();
  return (
    <ActionForm action={answerPulseAction} onSuccess={() => router.push("/pulse?answered=1")} className="space-y-4">
      <input type="hidden" name="sendId" value={sendId} />
      <p className="text-slate-700">{intro}</p>
      {items.map((i) => (
        <Statement key={i.key} name={i.key} label={i.label} scale={scale} />
      ))}
      {responsibilities.length ? (
        <SelectField
          name="leastClearKey"
          label={leastClear.label}
          hint={leastClear.hint}
          emptyLabel={leastClear.none}
          options={responsibilities.map((r) => ({ value: r.key, label: r.title }))}
        />
      ) : null}
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
