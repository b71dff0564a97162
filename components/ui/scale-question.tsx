"use client";

import { useFormStatusContext } from "@/components/ui/form";
import { errorClass } from "@/components/ui/field-styles";

export type ScaleOption = { value: number; label: string };

/**
 * One statement answered on a scale inside an ActionForm: a labelled group of radio buttons, its
 * error (if any) beside it. Used by the pulse and by upward feedback.
 */
export function ScaleQuestion({ name, label, scale, idPrefix }: { name: string; label: string; scale: ScaleOption[]; idPrefix: string }) {
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  const errorId = `${idPrefix}-${name}-error`;
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
