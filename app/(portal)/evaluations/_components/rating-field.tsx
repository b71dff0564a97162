"use client";

import { useTranslations } from "next-intl";
import { errorClass, labelClass, textareaClass } from "@/components/ui/field-styles";
import { TEXT_MAX } from "@/lib/core/limits";

export type LevelOption = { id: number; name: string; meaning: string };
export type RatingValue = { levelId: number | null; comment: string };

/**
 * One criterion's rating as labelled radio buttons (each level with its meaning) and a comment,
 * with the errors the server returns next to them (`rating.<key>`, `comment.<key>`).
 */
export function RatingField({
  idBase,
  criterion,
  levels,
  value,
  onChange,
  ratingError,
  commentError,
}: {
  idBase: string;
  criterion: string;
  levels: LevelOption[];
  value: RatingValue;
  onChange: (v: RatingValue) => void;
  ratingError?: string;
  commentError?: string;
}) {
  const t = useTranslations("evaluations.write");
  const ratingErrorId = `${idBase}-rating-error`;
  const commentId = `${idBase}-comment`;
  const commentErrorId = `${idBase}-comment-error`;
  return (
    <div className="space-y-3">
      <fieldset aria-describedby={ratingError ? ratingErrorId : undefined} aria-invalid={Boolean(ratingError) || undefined}>
        <legend className={labelClass()}>{t("ratingFor", { criterion })}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {levels.map((l) => (
            <label
              key={l.id}
              className={`flex cursor-pointer gap-2 rounded-md border p-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 ${ratingError ? "border-red-300" : "border-slate-200"}`}
            >
              <input
                type="radio"
                name={`${idBase}-rating`}
                value={l.id}
                checked={value.levelId === l.id}
                onChange={() => onChange({ ...value, levelId: l.id })}
                className="mt-0.5 accent-brand-700"
              />
              <span>
                <span className="block font-medium text-slate-900">{l.name}</span>
                <span className="block text-xs text-slate-600">{l.meaning}</span>
              </span>
            </label>
          ))}
        </div>
        {ratingError ? (
          <p id={ratingErrorId} className={errorClass}>
            {ratingError}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor={commentId} className={labelClass()}>
          {t("commentFor", { criterion })}
        </label>
        <textarea
          id={commentId}
          rows={2}
          maxLength={TEXT_MAX}
          value={value.comment}
          onChange={(e) => onChange({ ...value, comment: e.target.value })}
          aria-invalid={Boolean(commentError)}
          aria-describedby={commentError ? commentErrorId : undefined}
          className={textareaClass}
        />
        {commentError ? (
          <p id={commentErrorId} className={errorClass}>
            {commentError}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * One frozen criterion as both forms show it (the author's draft and the employee's
 * self-assessment): its name, what good looks like, then its rating and comment.
 */
export function CriterionRating({
  prefix,
  criterion,
  levels,
  value,
  onChange,
  errors,
}: {
  /** Keeps the ids of the two forms apart ("c" draft, "s" self-assessment). */
  prefix: string;
  criterion: { key: string; criterion: string; good: string };
  levels: LevelOption[];
  value: RatingValue | undefined;
  onChange: (v: RatingValue) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations("evaluations.write");
  return (
    <>
      <h3 className="font-medium text-slate-900">{criterion.criterion}</h3>
      {criterion.good ? (
        <p className="mb-3 mt-1 text-sm text-slate-700">
          <span className="font-medium">{t("whatGoodLooksLike")}</span> {criterion.good}
        </p>
      ) : null}
      <RatingField
        idBase={`${prefix}-${criterion.key}`}
        criterion={criterion.criterion}
        levels={levels}
        value={value ?? { levelId: null, comment: "" }}
        onChange={onChange}
        ratingError={errors[`rating.${criterion.key}`]}
        commentError={errors[`comment.${criterion.key}`]}
      />
    </>
  );
}
