"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { errorClass, hintClass, inputClass, labelClass } from "@/components/ui/field-styles";

/**
 * Search-as-you-type for choosing a person: a text input with a list of the matches the `search`
 * action returns as the reader types (never the whole directory). Picking one sends their id in a
 * hidden input named `name`; `textName`, when given, sends text that matches no suggestion (so a
 * filter still works without JavaScript). Each picker wraps it with its own server action.
 */
export function PersonSearch<P extends { id: number }>({
  label,
  hint,
  initial,
  initialText = "",
  optionLabel,
  search,
  name,
  textName,
  error,
  testId,
  className,
  onPick,
  placeholder,
}: {
  label: string;
  hint: string;
  initial: P | null;
  initialText?: string;
  optionLabel: (p: P) => string;
  search: (q: string) => Promise<P[] | null>;
  name: string;
  textName?: string;
  error?: string;
  testId?: string;
  className?: string;
  /** Told what the text now picks (null: no suggestion), for a form that shows more about the choice. */
  onPick?: (p: P | null) => void;
  /** Shown in the empty input; the hint is then read by screen readers only (a filter row keeps its fields level). */
  placeholder?: string;
}) {
  const id = useId();
  const listId = `${id}-people`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [text, setText] = useState(initial ? optionLabel(initial) : initialText);
  const [options, setOptions] = useState<P[]>(initial ? [initial] : []);
  const [, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);
  const picked = options.find((p) => optionLabel(p) === text) ?? null;

  function onChange(value: string) {
    setText(value);
    onPick?.(options.find((p) => optionLabel(p) === value) ?? null);
    if (timer.current) clearTimeout(timer.current);
    const q = value.trim();
    if (!q || options.some((p) => optionLabel(p) === value)) return;
    timer.current = setTimeout(() => {
      startTransition(async () => {
        const found = await search(q);
        if (!found) return;
        setOptions(found);
        const match = found.find((p) => optionLabel(p) === value);
        if (match) onPick?.(match);
      });
    }, 200);
  }

  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass()}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        list={listId}
        name={picked || !textName ? undefined : textName}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        placeholder={placeholder}
        maxLength={100}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
        className={inputClass}
        data-testid={testId}
      />
      <datalist id={listId}>
        {options.map((p) => (
          <option key={p.id} value={optionLabel(p)} />
        ))}
      </datalist>
      {picked || !textName ? <input type="hidden" name={name} value={picked?.id ?? ""} /> : null}
      <p id={hintId} className={placeholder ? "sr-only" : hintClass}>
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
