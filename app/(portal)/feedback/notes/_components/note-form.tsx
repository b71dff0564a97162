"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton, TextAreaField, useFormStatusContext } from "@/components/ui/form";
import { errorClass, hintClass, labelClass, selectClass } from "@/components/ui/field-styles";
import { PersonSearch } from "@/components/ui/person-search";
import { NOTE_BODY_MAX, type NoteKind, type NoteVisibility } from "@/lib/feedback/vocabulary";
import { giveNoteAction, noteTiesAction, searchNoteRecipientsAction } from "../actions";

type Person = { id: number; name: string; roleTitle: string | null };
type Ties = { roleTitle: string | null; responsibilities: { key: string; title: string }[]; standards: string[] };

export type NoteFormTexts = {
  heading: string;
  recipient: string;
  recipientHint: string;
  kind: string;
  kinds: Record<NoteKind, string>;
  visibility: string;
  visibilities: Record<NoteVisibility, string>;
  tie: string;
  tieHint: string;
  tieNone: string;
  tieChooseFirst: string;
  responsibilities: string;
  standards: string;
  categories: Record<string, string>;
  body: string;
  bodyHint: string;
  send: string;
  sent: string;
};

const VISIBILITIES: Record<NoteKind, NoteVisibility[]> = { praise: ["recipient", "team"], suggestion: ["recipient", "manager"] };
const label = (p: Person) => (p.roleTitle ? `${p.name} — ${p.roleTitle}` : p.name);

function FieldError({ name, id }: { name: string; id: string }) {
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  return error ? (
    <p id={id} className={errorClass}>
      {error}
    </p>
  ) : null;
}

function Recipient({ texts, onPick }: { texts: NoteFormTexts; onPick: (p: Person | null) => void }) {
  const { state } = useFormStatusContext();
  const found = useRef<Person[]>([]);
  const last = useRef<number | null>(null);
  return (
    <div
      onInput={(e) => {
        const value = (e.target as HTMLInputElement).value;
        const picked = found.current.find((p) => label(p) === value) ?? null;
        if ((picked?.id ?? null) !== last.current) {
          last.current = picked?.id ?? null;
          onPick(picked);
        }
      }}
    >
      <PersonSearch<Person>
        label={texts.recipient}
        hint={texts.recipientHint}
        initial={null}
        optionLabel={label}
        search={async (q) => {
          const res = await searchNoteRecipientsAction(null, { q });
          if (!res.ok) return null;
          found.current = res.data;
          return res.data;
        }}
        name="toId"
        error={state && !state.ok ? state.fieldErrors.toId : undefined}
        testId="note-recipient"
      />
    </div>
  );
}

function Choice({ name, legend, options, value, onChange }: { name: string; legend: string; options: { value: string; label: string }[]; value: string; onChange: (v: string) => void }) {
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors[name] : undefined;
  return (
    <fieldset aria-describedby={error ? `note-${name}-error` : undefined}>
      <legend className={labelClass()}>{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-800 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError name={name} id={`note-${name}-error`} />
    </fieldset>
  );
}

/** Send praise or a suggestion: the colleague, the kind, who may read it, an optional tie to their role, the text. */
export function NoteForm({ texts }: { texts: NoteFormTexts }) {
  const router = useRouter();
  const [kind, setKind] = useState<NoteKind>("praise");
  const [visibility, setVisibility] = useState<NoteVisibility>("recipient");
  const [ties, setTies] = useState<Ties | null>(null);
  const [, startTransition] = useTransition();

  function pick(p: Person | null) {
    setTies(null);
    if (!p) return;
    startTransition(async () => {
      const res = await noteTiesAction(null, { toId: p.id });
      if (res.ok) setTies(res.data);
    });
  }

  return (
    <ActionForm
      action={giveNoteAction}
      successMessage={texts.sent}
      resetOnSuccess
      onSuccess={() => {
        setKind("praise");
        setVisibility("recipient");
        setTies(null);
        router.refresh();
      }}
      className="space-y-4"
      aria-label={texts.heading}
      data-testid="note-form"
    >
      <Recipient texts={texts} onPick={pick} />
      <Choice
        name="kind"
        legend={texts.kind}
        options={(["praise", "suggestion"] as const).map((k) => ({ value: k, label: texts.kinds[k] }))}
        value={kind}
        onChange={(v) => {
          setKind(v as NoteKind);
          setVisibility("recipient");
        }}
      />
      <Choice
        name="visibility"
        legend={texts.visibility}
        options={VISIBILITIES[kind].map((v) => ({ value: v, label: texts.visibilities[v] }))}
        value={visibility}
        onChange={(v) => setVisibility(v as NoteVisibility)}
      />
      <div>
        <label htmlFor="note-tie" className={labelClass()}>
          {texts.tie}
        </label>
        <select id="note-tie" name="tie" className={selectClass} aria-describedby="note-tie-hint note-tie-error" disabled={!ties}>
          <option value="">{ties ? texts.tieNone : texts.tieChooseFirst}</option>
          {ties?.responsibilities.length ? (
            <optgroup label={texts.responsibilities}>
              {ties.responsibilities.map((r) => (
                <option key={r.key} value={`r:${r.key}`}>
                  {r.title}
                </option>
              ))}
            </optgroup>
          ) : null}
          {ties?.standards.length ? (
            <optgroup label={texts.standards}>
              {ties.standards.map((c) => (
                <option key={c} value={`s:${c}`}>
                  {texts.categories[c] ?? c}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
        <p id="note-tie-hint" className={hintClass}>
          {texts.tieHint}
        </p>
        <FieldError name="tie" id="note-tie-error" />
      </div>
      <TextAreaField name="body" label={texts.body} hint={texts.bodyHint} rows={4} maxLength={NOTE_BODY_MAX} required />
      <SubmitButton>{texts.send}</SubmitButton>
    </ActionForm>
  );
}
