"use client";

import { useState, useTransition } from "react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { errorClass, labelClass, textareaClass } from "@/components/ui/field-styles";
import { TEXT_MAX } from "@/lib/core/limits";
import type { FrozenCriteria } from "@/lib/evaluations/criteria";
import { submitSelfAssessmentAction } from "../actions";
import { CriterionRating, type LevelOption, type RatingValue } from "./rating-field";

/**
 * The employee's self-assessment: the same criteria, a rating and comment on each, and an overall
 * comment. Once sent, the evaluation goes back to its author (the employee sees it again on release).
 */
export function SelfAssessmentForm({
  id,
  authorName,
  criteria,
  levels,
  initial,
  initialSummary,
}: {
  id: number;
  authorName: string;
  criteria: FrozenCriteria;
  levels: LevelOption[];
  initial: Record<string, RatingValue>;
  initialSummary: string;
}) {
  const t = useTranslations("evaluations.write");
  const [ratings, setRatings] = useState(initial);
  const [summary, setSummary] = useState(initialSummary);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, startTransition] = useTransition();

  if (sent)
    return (
      <div role="status" className="rounded-lg border border-green-200 bg-green-50 p-4 text-green-900">
        <p>{t("selfSent", { name: authorName })}</p>
        <Link href="/evaluations" className="mt-2 inline-block font-medium underline">
          {t("backToList")}
        </Link>
      </div>
    );

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const res = await submitSelfAssessmentAction(null, { id, self: { ratings, summary } });
          if (res.ok) setSent(true);
          else {
            setErrors(res.fieldErrors);
            setError(res.error + (res.fieldErrors._form ? ` ${res.fieldErrors._form}` : ""));
          }
        });
      }}
    >
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {criteria.responsibilities.map((r) => (
        <section key={r.key} aria-labelledby={`resp-${r.key}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <h2 id={`resp-${r.key}`} className="text-lg font-semibold text-slate-900">
            {r.title}
          </h2>
          <ul className="mt-3 space-y-6">
            {r.criteria.map((c) => (
              <li key={c.key}>
                <CriterionRating
                  prefix="s"
                  criterion={c}
                  levels={levels}
                  value={ratings[c.key]}
                  onChange={(v) => setRatings((x) => ({ ...x, [c.key]: v }))}
                  errors={errors}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <label htmlFor="self-summary" className={labelClass()}>
          {t("selfSummary")}
        </label>
        <textarea
          id="self-summary"
          rows={4}
          maxLength={TEXT_MAX}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          aria-invalid={Boolean(errors.summary)}
          aria-describedby={errors.summary ? "self-summary-error" : undefined}
          className={textareaClass}
        />
        {errors.summary ? (
          <p id="self-summary-error" className={errorClass}>
            {errors.summary}
          </p>
        ) : null}
      </div>
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {pending ? t("saving") : t("submitSelf", { name: authorName })}
      </button>
    </form>
  );
}
