"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { errorClass, hintClass, inputClass, labelClass } from "@/components/ui/field-styles";
import { useFormStatusContext } from "@/components/ui/form";
import { searchEvaluablePeopleAction } from "../actions";

type Person = { id: number; name: string; roleTitle: string | null };
const optionLabel = (p: Person) => (p.roleTitle ? `${p.name} — ${p.roleTitle}` : p.name);

/**
 * Search-as-you-type for whom to evaluate (after the audit log's picker): a text input with a list
 * of at most 20 people the reader may evaluate, fetched as they type (never the whole directory).
 * Picking one sends their id as `personId`; a refusal about the person shows under the field.
 */
export function EvaluablePersonPicker({ label, hint, initial }: { label: string; hint: string; initial: Person | null }) {
  const id = useId();
  const listId = `${id}-people`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors.personId : undefined;
  const [text, setText] = useState(initial ? optionLabel(initial) : "");
  const [options, setOptions] = useState<Person[]>(initial ? [initial] : []);
  const [, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);
  const picked = options.find((p) => optionLabel(p) === text) ?? null;

  function onChange(value: string) {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    const q = value.trim();
    if (!q || options.some((p) => optionLabel(p) === value)) return;
    timer.current = setTimeout(() => {
      startTransition(async () => {
        const res = await searchEvaluablePeopleAction(null, { q });
        if (res.ok) setOptions(res.data);
      });
    }, 200);
  }

  return (
    <div>
      <label htmlFor={id} className={labelClass()}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        list={listId}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        maxLength={100}
        aria-invalid={Boolean(error)}
        aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
        className={inputClass}
        data-testid="person-picker"
      />
      <datalist id={listId}>
        {options.map((p) => (
          <option key={p.id} value={optionLabel(p)} />
        ))}
      </datalist>
      <input type="hidden" name="personId" value={picked?.id ?? ""} />
      <p id={hintId} className={hintClass}>
        {hint}
      </p>
      {error ? (
        <p id={errorId} className={errorClass}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
