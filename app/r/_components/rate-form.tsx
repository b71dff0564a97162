"use client";

import { useActionState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { errorClass, hintClass, inputClass, labelClass, textareaClass } from "@/components/ui/field-styles";
import type { ActionResult } from "@/lib/core/action-types";

type State = ActionResult<unknown> | null;
type Action = (prev: State, data: FormData) => Promise<State>;

const STARS = [1, 2, 3, 4, 5] as const;
const COMMENT_MAX = 2000;

/**
 * The customer's rating form. A plain HTML form posting a Server Action: it works before (or
 * without) JavaScript; with JavaScript it keeps what was typed when the server refuses something.
 */
export function RateForm({ action, keyValue, firstName, tags }: { action: Action; keyValue: string; firstName: string; tags: string[] }) {
  const t = useTranslations("rate");
  const [state, formAction] = useActionState(action, null);
  const [pending, startTransition] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors : {};
  const described = (name: string, hint?: string) => [hint, errors[name] ? `rate-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <form
      action={formAction}
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <input type="hidden" name="key" value={keyValue} />
      {state && !state.ok ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}

      <fieldset aria-describedby={described("stars")}>
        <legend className="text-base font-semibold text-slate-900">{t("starsLegend", { name: firstName })}</legend>
        <div className="mt-3 grid grid-cols-5 gap-1.5 sm:gap-2">
          {STARS.map((n) => (
            <div key={n}>
              <input id={`stars-${n}`} type="radio" name="stars" value={n} className="peer sr-only" />
              <label
                htmlFor={`stars-${n}`}
                className="flex h-full cursor-pointer flex-col items-center rounded-lg border border-slate-300 bg-white px-1 py-2 text-center text-slate-700 peer-checked:border-amber-500 peer-checked:bg-amber-50 peer-checked:text-amber-900 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600"
              >
                <span aria-hidden="true" className="text-sm leading-none tracking-tighter text-amber-500 sm:text-lg">
                  {"★".repeat(n)}
                </span>
                <span className="mt-1 text-[11px] leading-tight sm:text-xs">{t(`starWords.s${n}`)}</span>
                <span className="sr-only">{t("stars", { count: n })}</span>
              </label>
            </div>
          ))}
        </div>
        {errors.stars ? (
          <p id="rate-stars-error" className={errorClass}>
            {errors.stars}
          </p>
        ) : null}
      </fieldset>

      {tags.length ? (
        <fieldset aria-describedby={described("tags")}>
          <legend className="text-base font-semibold text-slate-900">{t("tagsLegend")}</legend>
          <div className="mt-3 flex flex-wrap gap-2">
            {tags.map((tag) => (
              <div key={tag}>
                <input id={`tag-${tag}`} type="checkbox" name="tags" value={tag} className="peer sr-only" />
                <label
                  htmlFor={`tag-${tag}`}
                  className="inline-block cursor-pointer rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 peer-checked:border-brand-600 peer-checked:bg-brand-50 peer-checked:text-brand-900 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600"
                >
                  {t(`tags.${tag}`)}
                </label>
              </div>
            ))}
          </div>
          {errors.tags ? (
            <p id="rate-tags-error" className={errorClass}>
              {errors.tags}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <div>
        <label htmlFor="rate-comment" className={labelClass()}>
          {t("comment")}
        </label>
        <textarea
          id="rate-comment"
          name="comment"
          rows={4}
          maxLength={COMMENT_MAX}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={described("comment", "rate-comment-hint")}
          className={textareaClass}
        />
        <p id="rate-comment-hint" className={hintClass}>
          {t("commentHint")}
        </p>
        {errors.comment ? (
          <p id="rate-comment-error" className={errorClass}>
            {errors.comment}
          </p>
        ) : null}
      </div>

      <fieldset className="rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("contactLegend")}</legend>
        <div className="flex items-start gap-2">
          <input id="rate-contact-me" type="checkbox" name="contactMe" className="mt-1 h-4 w-4" aria-describedby="rate-contact-hint" />
          <label htmlFor="rate-contact-me" className="text-sm text-slate-800">
            {t("contactMe")}
          </label>
        </div>
        <p id="rate-contact-hint" className={hintClass}>
          {t("contactHint")}
        </p>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          {(
            [
              ["contactName", "text", "name"],
              ["contactPhone", "tel", "tel"],
              ["contactEmail", "email", "email"],
            ] as const
          ).map(([name, type, autoComplete]) => (
            <div key={name}>
              <label htmlFor={`rate-${name}`} className={labelClass()}>
                {t(name)}
              </label>
              <input
                id={`rate-${name}`}
                name={name}
                type={type}
                autoComplete={autoComplete}
                maxLength={name === "contactEmail" ? 200 : name === "contactPhone" ? 40 : 100}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={described(name)}
                className={inputClass}
              />
              {errors[name] ? (
                <p id={`rate-${name}-error`} className={errorClass}>
                  {errors[name]}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>

      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-700 px-4 py-3 text-base font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60 sm:w-auto"
      >
        {t("submit")}
      </button>
      <p className="text-xs text-slate-500">{t("privacy")}</p>
    </form>
  );
}
