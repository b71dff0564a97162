"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useFormStatusContext } from "@/components/ui/form";
import { errorClass } from "@/components/ui/field-styles";
import { submitQuizAttemptAction } from "../actions";

export type QuestionToTake = { id: number; kind: "single" | "multiple"; text: string; options: { id: number; text: string }[] };

/** The questions of one attempt, in the order the server shuffled them; the server scores the answers. */
export function TakeQuizForm({ courseId, personId, revision, seed, questions }: { courseId: number; personId: number; revision: number; seed: number; questions: QuestionToTake[] }) {
  const t = useTranslations("quiz.take");
  return (
    <ActionForm action={submitQuizAttemptAction} className="space-y-5">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="seed" value={seed} />
      <ol className="space-y-5">
        {questions.map((q, i) => (
          <Question key={q.id} question={q} number={i + 1} />
        ))}
      </ol>
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

function Question({ question: q, number }: { question: QuestionToTake; number: number }) {
  const t = useTranslations("quiz.take");
  const { state } = useFormStatusContext();
  const error = state && !state.ok ? state.fieldErrors[`q${q.id}`] : undefined;
  const errorId = `q${q.id}-error`;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="quiz-question">
      <fieldset aria-describedby={error ? errorId : undefined}>
        <legend className="font-medium text-slate-900">
          <span className="mr-1 text-slate-600">{t("questionNumber", { number })}</span> {q.text}
        </legend>
        <p className="mt-1 text-xs text-slate-600">{q.kind === "single" ? t("chooseOne") : t("chooseAll")}</p>
        <div className="mt-3 space-y-2">
          {q.options.map((o) => (
            <label key={o.id} className="flex items-start gap-2 text-sm text-slate-800">
              <input type={q.kind === "single" ? "radio" : "checkbox"} name={`q${q.id}`} value={o.id} className="mt-0.5" />
              <span>{o.text}</span>
            </label>
          ))}
        </div>
        {error ? (
          <p id={errorId} className={errorClass}>
            {error}
          </p>
        ) : null}
      </fieldset>
    </li>
  );
}
