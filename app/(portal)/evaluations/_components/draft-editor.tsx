"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { errorClass, hintClass, inputClass, labelClass, textareaClass } from "@/components/ui/field-styles";
import { EVALUATION_POINT_MAX, EVALUATION_POINTS_MAX, TEXT_MAX } from "@/lib/core/limits";
import type { FrozenCriteria } from "@/lib/evaluations/criteria";
import { releaseEvaluationAction, requestSelfAssessmentAction, saveEvaluationDraftAction } from "../actions";
import { CriterionRating, type LevelOption, type RatingValue } from "./rating-field";

export type DraftState = {
  ratings: Record<string, RatingValue>;
  summary: string;
  strengths: string[];
  improvements: string[];
  privateNote: string;
};

type Message = { tone: "ok" | "error"; text: string } | null;

/** An editable list of short texts (strengths, things to improve): add and remove rows. */
function PointList({
  name,
  label,
  itemLabel,
  addLabel,
  items,
  onChange,
  errors,
}: {
  name: "strengths" | "improvements";
  label: string;
  itemLabel: (n: number) => string;
  addLabel: string;
  items: string[];
  onChange: (items: string[]) => void;
  errors: Record<string, string>;
}) {
  const t = useTranslations("evaluations.write");
  const listError = errors[name];
  return (
    <fieldset aria-describedby={listError ? `${name}-error` : undefined} aria-invalid={Boolean(listError) || undefined}>
      <legend className="text-base font-semibold text-slate-900">{label}</legend>
      <ul className="mt-2 space-y-2">
        {items.map((s, i) => (
          <li key={i} className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <label htmlFor={`${name}-${i}`} className="sr-only">
                {itemLabel(i + 1)}
              </label>
              <input
                id={`${name}-${i}`}
                value={s}
                maxLength={EVALUATION_POINT_MAX}
                onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
                aria-invalid={Boolean(errors[`${name}.${i}`])}
                aria-describedby={errors[`${name}.${i}`] ? `${name}-${i}-error` : undefined}
                className={inputClass}
              />
              {errors[`${name}.${i}`] ? (
                <p id={`${name}-${i}-error`} className={errorClass}>
                  {errors[`${name}.${i}`]}
                </p>
              ) : null}
            </div>
            <button type="button" className={buttonClass("ghost")} onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={t("removeItem", { item: itemLabel(i + 1) })}>
              {t("remove")}
            </button>
          </li>
        ))}
      </ul>
      {items.length < EVALUATION_POINTS_MAX ? (
        <button type="button" className={`${buttonClass("secondary")} mt-2`} onClick={() => onChange([...items, ""])}>
          {addLabel}
        </button>
      ) : null}
      {listError ? (
        <p id={`${name}-error`} className={errorClass}>
          {listError}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The author's draft: per responsibility each criterion with "what good looks like", a rating and a
 * comment (the employee's self-assessment beside it once submitted); the summary, strengths and
 * things to improve, the private note. Save draft, ask for a self-assessment, release (confirmed).
 */
export function DraftEditor({
  id,
  revision: initialRevision,
  personName,
  criteria,
  levels,
  initial,
  self,
  selfSummary,
  mayAskSelf,
  waitingForSelf,
}: {
  id: number;
  revision: number;
  personName: string;
  criteria: FrozenCriteria;
  levels: LevelOption[];
  initial: DraftState;
  /** The employee's submitted self-assessment by criterion key, or null. */
  self: Record<string, { level: string | null; comment: string }> | null;
  selfSummary: string;
  mayAskSelf: boolean;
  waitingForSelf: boolean;
}) {
  const t = useTranslations("evaluations.write");
  const router = useRouter();
  const [state, setState] = useState<DraftState>(() => ({ ...initial, strengths: initial.strengths.length ? initial.strengths : [""], improvements: initial.improvements.length ? initial.improvements : [""] }));
  const [revision, setRevision] = useState(initialRevision);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const [conflict, setConflict] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  const update = (patch: Partial<DraftState>) => {
    setState((s) => ({ ...s, ...patch }));
    setDirty(true);
  };

  /** Saves; returns the new revision, or null when refused or in conflict. */
  async function save(): Promise<number | null> {
    const res = await saveEvaluationDraftAction(null, { id, revision, draft: state });
    if (!res.ok) {
      setErrors(res.fieldErrors);
      setMessage({ tone: "error", text: res.error + (res.fieldErrors._form ? ` ${res.fieldErrors._form}` : "") });
      return null;
    }
    if (res.data.conflict) {
      setConflict(true);
      setMessage(null);
      return null;
    }
    setRevision(res.data.revision);
    setDirty(false);
    setErrors({});
    return res.data.revision;
  }

  const onSave = () =>
    startTransition(async () => {
      if ((await save()) !== null) setMessage({ tone: "ok", text: t("saved") });
    });

  const onRelease = () =>
    startTransition(async () => {
      const rev = dirty ? await save() : revision;
      if (rev === null) {
        setConfirming(false);
        return;
      }
      const res = await releaseEvaluationAction(null, { id, revision: rev });
      if (!res.ok) {
        setErrors(res.fieldErrors);
        setMessage({ tone: "error", text: t("releaseRefused") + (res.fieldErrors._form ? ` ${res.fieldErrors._form}` : "") });
        setConfirming(false);
        return;
      }
      router.refresh();
    });

  return (
    <div className="space-y-6">
      {conflict ? (
        <section aria-labelledby="ev-conflict-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="conflict-panel">
          <h2 id="ev-conflict-title" className="text-lg font-semibold">
            {t("conflictTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("conflictIntro")}</p>
          <dl className="mt-3 space-y-2 text-sm">
            {(
              [
                ["summary", state.summary],
                ["strengths", state.strengths.filter(Boolean).join("\n")],
                ["improvements", state.improvements.filter(Boolean).join("\n")],
                ["privateNote", state.privateNote],
              ] as const
            )
              .filter(([, v]) => v.trim())
              .map(([k, v]) => (
                <div key={k}>
                  <dt className="font-semibold">{t(k)}</dt>
                  <dd className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded border border-brand-100 bg-white p-2 [overflow-wrap:anywhere]">{v}</dd>
                </div>
              ))}
          </dl>
          <button type="button" className={`${buttonClass("primary")} mt-3`} onClick={() => window.location.reload()}>
            {t("reload")}
          </button>
        </section>
      ) : null}

      {waitingForSelf ? (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-900">
          {t("waitingForSelf", { name: personName })}
        </p>
      ) : null}

      {criteria.responsibilities.map((r) => (
        <section key={r.key} aria-labelledby={`resp-${r.key}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <h2 id={`resp-${r.key}`} className="text-lg font-semibold text-slate-900">
            {r.title}
          </h2>
          <ul className="mt-3 space-y-6">
            {r.criteria.map((c) => {
              const mine = self?.[c.key];
              return (
                <li key={c.key} className={self ? "grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]" : ""}>
                  <div className="min-w-0">
                    <CriterionRating
                      prefix="c"
                      criterion={c}
                      levels={levels}
                      value={state.ratings[c.key]}
                      onChange={(v) => update({ ratings: { ...state.ratings, [c.key]: v } })}
                      errors={errors}
                    />
                  </div>
                  {self ? (
                    <aside className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" aria-label={t("selfFor", { criterion: c.criterion })}>
                      <p className="rb-eyebrow">{t("selfAssessment", { name: personName })}</p>
                      <p className="mt-1 font-medium">{mine?.level ?? t("notRated")}</p>
                      {mine?.comment ? <p className="mt-1 whitespace-pre-wrap text-slate-700">{mine.comment}</p> : null}
                    </aside>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      {self && selfSummary ? (
        <section className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm" aria-labelledby="self-summary-title">
          <h2 id="self-summary-title" className="font-semibold">
            {t("selfSummaryOf", { name: personName })}
          </h2>
          <p className="mt-1 whitespace-pre-wrap">{selfSummary}</p>
        </section>
      ) : null}

      <section className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5" aria-labelledby="overall-title">
        <h2 id="overall-title" className="text-lg font-semibold">
          {t("overall")}
        </h2>
        <div>
          <label htmlFor="ev-summary" className={labelClass()}>
            {t("summary")}
          </label>
          <textarea
            id="ev-summary"
            rows={5}
            maxLength={TEXT_MAX}
            value={state.summary}
            onChange={(e) => update({ summary: e.target.value })}
            aria-invalid={Boolean(errors.summary)}
            aria-describedby={`ev-summary-hint${errors.summary ? " ev-summary-error" : ""}`}
            className={textareaClass}
          />
          <p id="ev-summary-hint" className={hintClass}>
            {t("markdownHint")}
          </p>
          {errors.summary ? (
            <p id="ev-summary-error" className={errorClass}>
              {errors.summary}
            </p>
          ) : null}
        </div>
        <PointList
          name="strengths"
          label={t("strengths")}
          itemLabel={(n) => t("strengthN", { n })}
          addLabel={t("addStrength")}
          items={state.strengths}
          onChange={(strengths) => update({ strengths })}
          errors={errors}
        />
        <PointList
          name="improvements"
          label={t("improvements")}
          itemLabel={(n) => t("improvementN", { n })}
          addLabel={t("addImprovement")}
          items={state.improvements}
          onChange={(improvements) => update({ improvements })}
          errors={errors}
        />
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <label htmlFor="ev-private" className={labelClass()}>
            {t("privateNote")}
          </label>
          <p id="ev-private-hint" className="mb-2 text-sm font-medium text-amber-900">
            {t("privateHint", { name: personName })}
          </p>
          <textarea
            id="ev-private"
            rows={3}
            maxLength={TEXT_MAX}
            value={state.privateNote}
            onChange={(e) => update({ privateNote: e.target.value })}
            aria-invalid={Boolean(errors.privateNote)}
            aria-describedby={`ev-private-hint${errors.privateNote ? " ev-private-error" : ""}`}
            className={textareaClass}
          />
          {errors.privateNote ? (
            <p id="ev-private-error" className={errorClass}>
              {errors.privateNote}
            </p>
          ) : null}
        </div>
      </section>

      <div className="sticky bottom-0 -mx-4 space-y-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur">
        {message ? (
          <p
            role={message.tone === "error" ? "alert" : "status"}
            className={`rounded-md px-3 py-1.5 text-sm ${message.tone === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}
          >
            {message.text}
          </p>
        ) : null}
        {confirming ? (
          <div className="rounded-md border border-amber-300 bg-white p-3" role="group" aria-labelledby="release-confirm-text">
            <p id="release-confirm-text" className="text-sm text-slate-800">
              {t("releaseConfirm", { name: personName })}
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              <button type="button" className={buttonClass("primary")} disabled={pending} onClick={onRelease}>
                {t("releaseNow")}
              </button>
              <button type="button" className={buttonClass("secondary")} disabled={pending} onClick={() => setConfirming(false)}>
                {t("cancel")}
              </button>
            </div>
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={buttonClass("primary")} disabled={pending} onClick={onSave}>
            {pending ? t("saving") : t("saveDraft")}
          </button>
          {mayAskSelf ? (
            <button
              type="button"
              className={buttonClass("secondary")}
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const rev = dirty ? await save() : revision;
                  if (rev === null) return;
                  const res = await requestSelfAssessmentAction(null, { id });
                  if (!res.ok) setMessage({ tone: "error", text: res.error + (res.fieldErrors._form ? ` ${res.fieldErrors._form}` : "") });
                  else {
                    setMessage({ tone: "ok", text: t("selfRequested", { name: personName }) });
                    router.refresh();
                  }
                })
              }
            >
              {t("askSelf")}
            </button>
          ) : null}
          {!confirming ? (
            <button type="button" className={buttonClass("secondary")} disabled={pending} onClick={() => setConfirming(true)}>
              {t("release")}
            </button>
          ) : null}
          <span className="text-sm text-slate-600" aria-live="polite">
            {dirty ? t("unsaved") : ""}
          </span>
        </div>
      </div>
    </div>
  );
}
