"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { hintClass, inputClass, labelClass } from "@/components/ui/field-styles";
import type { CapabilityKind } from "@/lib/capability/vocabulary";
import { searchCapabilitiesAction } from "../actions";

export type CapabilitySuggestion = { key: string; name: string; kind: CapabilityKind };

const small = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * Search-as-you-type over current capability records: at most ten matches, fetched as the person
 * types (never the whole table), each a button that picks it. With `onCreate`, a last button
 * creates a new capability with the typed name instead.
 */
export function CapabilitySearch({
  label,
  hint,
  exclude = [],
  onPick,
  onCreate,
  error,
  autoFocus,
}: {
  label: string;
  hint?: string;
  exclude?: string[];
  onPick: (c: CapabilitySuggestion) => void;
  onCreate?: (name: string) => void;
  error?: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations("capabilities.search");
  const d = useTranslations("roleDoc");
  const id = useId();
  const [text, setText] = useState("");
  const [results, setResults] = useState<CapabilitySuggestion[] | null>(null);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  function onChange(value: string) {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    const q = value.trim();
    if (!q) {
      setResults(null);
      return;
    }
    timer.current = setTimeout(() => {
      startTransition(async () => {
        const res = await searchCapabilitiesAction(null, { q, exclude });
        setResults(res.ok ? res.data : []);
      });
    }, 200);
  }

  const q = text.trim();
  const exact = results?.some((r) => r.name.trim().toLowerCase() === q.toLowerCase()) ?? false;
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <label htmlFor={id} className={labelClass()}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") e.preventDefault();
        }}
        autoComplete="off"
        autoFocus={autoFocus}
        maxLength={100}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        className={inputClass}
        data-testid="capability-search"
      />
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {q && results && !pending ? t("found", { count: results.length }) : ""}
      </p>
      {q && results ? (
        <ul className="mt-2 space-y-1" aria-label={t("matches")}>
          {results.map((r) => (
            <li key={r.key}>
              <button type="button" className={`${small} w-full text-left`} onClick={() => onPick(r)}>
                {r.name} <span className="text-slate-600">· {d(`kind.${r.kind}`)}</span>
              </button>
            </li>
          ))}
          {results.length === 0 && !onCreate ? <li className="text-sm text-slate-600">{t("none")}</li> : null}
          {onCreate && !exact ? (
            <li>
              <button
                type="button"
                className={`${small} w-full text-left font-medium text-brand-800`}
                onClick={() => {
                  onCreate(q);
                  setText("");
                  setResults(null);
                }}
              >
                {t("create", { name: q })}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
