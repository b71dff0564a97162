"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { hintClass, inputClass, labelClass } from "@/components/ui/field-styles";
import { searchAuditPeopleAction } from "../actions";

type Person = { id: number; name: string; email: string };
const optionLabel = (p: Person) => `${p.name} <${p.email}>`;

/**
 * Search-as-you-type for the audit log's Person filter: a text input with a list of at most 20
 * matching people, fetched as the reader types (never the whole directory). Picking one sends
 * their id (`person`); text that matches no suggestion is sent as `who` and the log shows entries by
 * anyone it matches, so the filter also works without JavaScript.
 */
export function PersonPicker({ label, hint, initial, initialText }: { label: string; hint: string; initial: Person | null; initialText: string }) {
  const id = useId();
  const listId = `${id}-people`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState(initial ? optionLabel(initial) : initialText);
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
        const res = await searchAuditPeopleAction(null, { q });
        if (res.ok) setOptions(res.data);
      });
    }, 200);
  }

  return (
    <div className="min-w-0 grow-[2] basis-64">
      <label htmlFor={id} className={labelClass()}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        list={listId}
        name={picked ? undefined : "who"}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        maxLength={100}
        aria-describedby={hintId}
        className={inputClass}
      />
      <datalist id={listId}>
        {options.map((p) => (
          <option key={p.id} value={optionLabel(p)} />
        ))}
      </datalist>
      {picked ? <input type="hidden" name="person" value={picked.id} /> : null}
      <p id={hintId} className={hintClass}>
        {hint}
      </p>
    </div>
  );
}
