"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField, useFormStatusContext } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/button";
import { errorClass, inputClass, labelClass, selectClass, textareaClass } from "@/components/ui/field-styles";
import { saveQuizAction } from "../actions";
import { SuccessNote } from "@/components/ui/notice";

type Kind = "single" | "multiple";
export type EditorQuestion = { kind: Kind; text: string; options: { text: string; correct: boolean }[] };
type Row = Omit<EditorQuestion, "options"> & { key: string; options: { key: string; text: string; correct: boolean }[] };

let counter = 0;
const nextKey = () => `k${++counter}`;
const blankQuestion = (): Row => ({
  key: nextKey(),
  kind: "single",
  text: "",
  options: [
    { key: nextKey(), text: "", correct: false },
    { key: nextKey(), text: "", correct: false },
  ],
});

/** The quiz editor: pass mark, attempt limit, and the questions with their options and correct answers. */
export function QuizEditor({
  courseId,
  revision,
  passMark,
  maxAttempts,
  attemptsMax,
  questions,
}: {
  courseId: number;
  revision: number;
  passMark: number;
  maxAttempts: number;
  attemptsMax: number;
  questions: EditorQuestion[];
}) {
  const t = useTranslations("quiz.edit");
  const router = useRouter();
  // The form re-mounts with the new revision after a save: the confirmation lives outside it.
  const [saved, setSaved] = useState(false);
  return (
    <div>
      {saved ? (
        <SuccessNote>
          {t("saved")}
        </SuccessNote>
      ) : null}
    <ActionForm
      key={revision}
      action={saveQuizAction}
      onSuccess={() => {
        setSaved(true);
        router.refresh();
      }}
      className="space-y-6"
    >
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="revision" value={revision} />
      <div className="grid max-w-xl gap-4 sm:grid-cols-2">
        <TextField name="passMark" type="number" inputMode="numeric" min={1} max={100} label={t("passMark")} hint={t("passMarkHint")} defaultValue={passMark} required />
        <TextField
          name="maxAttempts"
          type="number"
          inputMode="numeric"
          min={0}
          max={attemptsMax}
          label={t("maxAttempts")}
          hint={t("maxAttemptsHint")}
          defaultValue={maxAttempts}
          required
        />
      </div>
      <Questions initial={questions} />
    </ActionForm>
    </div>
  );
}

function Questions({ initial }: { initial: EditorQuestion[] }) {
  const t = useTranslations("quiz.edit");
  const { state } = useFormStatusContext();
  // A refusal names questions by their place when it was sent: once the list changes shape, those places are stale.
  const [editedAfter, setEditedAfter] = useState<unknown>(null);
  const errors = state && !state.ok && editedAfter !== state ? state.fieldErrors : {};
  const [rows, setRows] = useState<Row[]>(() =>
    initial.length ? initial.map((q) => ({ ...q, key: nextKey(), options: q.options.map((o) => ({ ...o, key: nextKey() })) })) : [blankQuestion()],
  );
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const reshape = (next: Row[]) => {
    setRows(next);
    setEditedAfter(state);
  };
  const payload = JSON.stringify(rows.map((r) => ({ kind: r.kind, text: r.text, options: r.options.map((o) => ({ text: o.text, correct: o.correct })) })));
  return (
    <div className="space-y-4">
      <input type="hidden" name="questions" value={payload} />
      {errors.questions ? <p className={errorClass}>{errors.questions}</p> : null}
      <ol className="space-y-4" aria-label={t("questions")}>
        {rows.map((q, i) => (
          <QuestionEditor
            key={q.key}
            number={i + 1}
            question={q}
            error={errors[`questions.${i}`]}
            onChange={(patch) => update(i, patch)}
            onRemove={rows.length > 1 ? () => reshape(rows.filter((_, j) => j !== i)) : undefined}
            onReshape={(patch) => {
              update(i, patch);
              setEditedAfter(state);
            }}
          />
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass("secondary")} onClick={() => reshape([...rows, blankQuestion()])}>
          {t("addQuestion")}
        </button>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </div>
  );
}

function QuestionEditor({
  number,
  question: q,
  error,
  onChange,
  onRemove,
  onReshape,
}: {
  number: number;
  question: Row;
  error?: string;
  onChange: (patch: Partial<Row>) => void;
  onRemove?: () => void;
  onReshape: (patch: Partial<Row>) => void;
}) {
  const t = useTranslations("quiz.edit");
  const id = useId();
  const errorId = `${id}-error`;
  const heading = t("questionHeading", { number });
  const setOption = (j: number, patch: Partial<Row["options"][number]>) => {
    const options = q.options.map((o, k) => {
      if (k === j) return { ...o, ...patch };
      // A single-choice question has one correct answer: ticking one unticks the others.
      if (patch.correct && q.kind === "single") return { ...o, correct: false };
      return o;
    });
    onChange({ options });
  };
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="quiz-question-editor">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold text-slate-900">{heading}</h3>
        {onRemove ? (
          <button type="button" className={buttonClass("ghost", "px-2 py-1")} onClick={onRemove}>
            {t("removeQuestion")}
            <span className="sr-only">: {heading}</span>
          </button>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className={`${errorClass} mb-2`}>
          {error}
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-[1fr_14rem]">
        <div>
          <label htmlFor={`${id}-text`} className={labelClass("sm")}>
            {t("questionText", { number })}
          </label>
          <textarea
            id={`${id}-text`}
            rows={2}
            value={q.text}
            maxLength={500}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={Boolean(error)}
            onChange={(e) => onChange({ text: e.target.value })}
            className={textareaClass}
          />
        </div>
        <div>
          <label htmlFor={`${id}-kind`} className={labelClass("sm")}>
            {t("kind", { number })}
          </label>
          <select id={`${id}-kind`} value={q.kind} onChange={(e) => onChange({ kind: e.target.value as Kind })} className={selectClass}>
            <option value="single">{t("single")}</option>
            <option value="multiple">{t("multiple")}</option>
          </select>
        </div>
      </div>
      <fieldset className="mt-3" aria-describedby={error ? errorId : undefined}>
        <legend className={labelClass("sm")}>{t("options", { number })}</legend>
        <ul className="space-y-2">
          {q.options.map((o, j) => (
            <li key={o.key} className="flex flex-wrap items-center gap-2">
              <label htmlFor={`${id}-o${o.key}`} className="sr-only">
                {t("optionText", { number, option: j + 1 })}
              </label>
              <input
                id={`${id}-o${o.key}`}
                value={o.text}
                maxLength={300}
                onChange={(e) => setOption(j, { text: e.target.value })}
                className={`${inputClass} max-w-md flex-1`}
                placeholder={t("optionPlaceholder", { option: j + 1 })}
              />
              <label className="flex items-center gap-1 text-sm text-slate-800">
                <input type="checkbox" checked={o.correct} onChange={(e) => setOption(j, { correct: e.target.checked })} />
                {t("correct")}
                <span className="sr-only">: {t("optionText", { number, option: j + 1 })}</span>
              </label>
              {q.options.length > 2 ? (
                <button type="button" className={buttonClass("ghost", "px-2 py-1")} onClick={() => onReshape({ options: q.options.filter((_, k) => k !== j) })}>
                  {t("removeOption")}
                  <span className="sr-only">: {t("optionText", { number, option: j + 1 })}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {q.options.length < 8 ? (
          <button
            type="button"
            className={buttonClass("secondary", "mt-2 px-2 py-1")}
            onClick={() => onReshape({ options: [...q.options, { key: nextKey(), text: "", correct: false }] })}
          >
            {t("addOption")}
            <span className="sr-only">: {heading}</span>
          </button>
        ) : null}
      </fieldset>
    </li>
  );
}
