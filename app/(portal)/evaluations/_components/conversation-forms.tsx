"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton, TextAreaField, useFormStatusContext } from "@/components/ui/form";
import { errorClass, hintClass } from "@/components/ui/field-styles";
import { PanelForm } from "@/components/ui/panel-form";
import { TEXT_MAX } from "@/lib/core/limits";
import { addendumAction, replyAction, respondAction, reviewAction } from "../conversation-actions";

/** The texts of the employee's answer form, in the reader's language (from the server component). */
export type AnswerTexts = {
  heading: string;
  legend: string;
  options: { value: "understood" | "question" | "disagree"; label: string; hint: string }[];
  note: string;
  noteHint: string;
  send: string;
  sent: string;
};

/** The radio group, with the field error for `answer` under it. */
function AnswerOptions({ texts, value, onChange }: { texts: AnswerTexts; value: string; onChange: (v: string) => void }) {
  const id = useId();
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors.answer : undefined;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} className="space-y-2">
      <legend className="mb-2 text-sm font-medium text-slate-900">{texts.legend}</legend>
      {texts.options.map((o) => (
        <div key={o.value} className="flex items-start gap-2">
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name="answer"
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            aria-describedby={`${id}-${o.value}-hint`}
            className="mt-1 h-4 w-4 accent-brand-700"
          />
          <div>
            <label htmlFor={`${id}-${o.value}`} className="text-sm font-medium text-slate-900">
              {o.label}
            </label>
            <p id={`${id}-${o.value}-hint`} className={hintClass}>
              {o.hint}
            </p>
          </div>
        </div>
      ))}
      {error ? (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The employee's answer: Understood, I have a question, I disagree (or: still disagree), with a note. */
export function AnswerForm({ id, revision, texts }: { id: number; revision: number; texts: AnswerTexts }) {
  const router = useRouter();
  const [answer, setAnswer] = useState("");
  return (
    <ActionForm action={respondAction} onSuccess={() => router.refresh()} successMessage={texts.sent} className="space-y-4" aria-label={texts.heading}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="revision" value={revision} />
      <AnswerOptions texts={texts} value={answer} onChange={setAnswer} />
      <TextAreaField
        name="note"
        label={texts.note}
        hint={texts.noteHint}
        rows={4}
        maxLength={TEXT_MAX}
        required={answer === "question" || answer === "disagree"}
        aria-required={answer === "question" || answer === "disagree"}
      />
      <SubmitButton>{texts.send}</SubmitButton>
    </ActionForm>
  );
}

export type NoteFormKind = "reply" | "addendum" | "review";
const ACTIONS = { reply: replyAction, addendum: addendumAction, review: reviewAction } as const;

/** The author's reply, the author's correction, or the reviewer's review: one note and a button. */
export function NoteForm({
  kind,
  id,
  revision,
  texts,
}: {
  kind: NoteFormKind;
  id: number;
  revision?: number;
  texts: { heading: string; intro?: string; note: string; send: string; sent: string };
}) {
  return (
    <PanelForm action={ACTIONS[kind]} level={3} heading={texts.heading} intro={texts.intro} hidden={{ id, revision }} testId={`evaluation-${kind}-form`} successMessage={texts.sent} resetOnSuccess>
      <TextAreaField name="note" label={texts.note} rows={4} maxLength={TEXT_MAX} required />
      <SubmitButton>{texts.send}</SubmitButton>
    </PanelForm>
  );
}
