"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField, useFormStatusContext } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/button";
import { errorClass, inputClass, labelClass, textareaClass } from "@/components/ui/field-styles";
import { localeNames, locales, type AppLocale } from "@/i18n/config";
import { updateEvaluationScheduleAction, updateRatingScaleAction } from "../actions";
import { SuccessNote } from "@/components/ui/notice";

type Texts = Partial<Record<AppLocale, string>>;
export type EditableLevel = { id: number; code: string | null; labels: Texts; meanings: Texts; used: number };
/** A default level's name and meaning in every language (the placeholders of its empty fields). */
export type LevelDefaults = Record<string, Record<AppLocale, { name: string; meaning: string }>>;

type Row = { key: string; id: number | null; code: string | null; labels: Texts; meanings: Texts; used: number; remove: boolean };

const LEVEL_NAME_MAX = 80;
const LEVEL_MEANING_MAX = 300;

/**
 * HR's scale editor: the levels lowest first, each with a name and a short meaning in the language
 * chosen above (all six are kept and saved together). Add, move, remove (a removal stays listed,
 * struck through, until saved, so a refusal shows next to the level it is about).
 */
export function ScaleEditor({ revision, levels, defaults, locale }: { revision: number; levels: EditableLevel[]; defaults: LevelDefaults; locale: AppLocale }) {
  const t = useTranslations("evaluations.scale");
  const router = useRouter();
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
        action={updateRatingScaleAction}
        onSuccess={() => {
          setSaved(true);
          router.refresh();
        }}
      >
        <input type="hidden" name="revision" value={revision} />
        <Levels initial={levels} defaults={defaults} locale={locale} onEdit={() => setSaved(false)} />
      </ActionForm>
    </div>
  );
}

function Levels({ initial, defaults, locale, onEdit }: { initial: EditableLevel[]; defaults: LevelDefaults; locale: AppLocale; onEdit: () => void }) {
  const t = useTranslations("evaluations.scale");
  const { state } = useFormStatusContext();
  // A refusal names levels by their place when it was sent: once the list is edited, those places are stale.
  const [editedAfter, setEditedAfter] = useState<unknown>(null);
  const errors = state && !state.ok && editedAfter !== state ? state.fieldErrors : {};
  const [rows, setRows] = useState<Row[]>(() => initial.map((l) => ({ ...l, key: `l${l.id}`, remove: false })));
  const [lang, setLang] = useState<AppLocale>(locale);
  const [added, setAdded] = useState(0);
  const langId = useId();
  const change = (next: Row[]) => {
    setRows(next);
    setEditedAfter(state);
    onEdit();
  };
  const update = (i: number, patch: Partial<Row>) => change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    change(next);
  };
  const payload = JSON.stringify(rows.map((r) => ({ id: r.id, labels: r.labels, meanings: r.meanings, ...(r.remove ? { remove: true } : {}) })));
  let position = 0;
  return (
    <div className="space-y-4">
      <input type="hidden" name="levels" value={payload} />
      <div className="max-w-xs">
        <label htmlFor={langId} className={labelClass()}>
          {t("language")}
        </label>
        <select id={langId} value={lang} onChange={(e) => setLang(e.target.value as AppLocale)} className={inputClass}>
          {locales.map((l) => (
            <option key={l} value={l}>
              {localeNames[l]}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-500">{t("languageHint")}</p>
      </div>
      {errors.levels ? (
        <p className={errorClass} data-testid="scale-error">
          {errors.levels}
        </p>
      ) : null}
      <ol className="space-y-3" aria-label={t("levels")}>
        {rows.map((r, i) => {
          if (!r.remove) position++;
          const fallback = r.code ? defaults[r.code]?.[lang] : undefined;
          const title = r.labels[lang] || fallback?.name || r.labels.en || Object.values(r.labels).find(Boolean) || t("newLevel");
          const error = errors[`levels.${i}`];
          const errorId = `${r.key}-error`;
          return (
            <li
              key={r.key}
              className={`rounded-lg border p-4 ${r.remove ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200 bg-white"}`}
              data-testid="scale-level"
            >
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <h3 className={`font-semibold ${r.remove ? "text-slate-500 line-through" : "text-slate-900"}`}>
                  {r.remove ? t("removedLevel", { name: title }) : t("levelHeading", { position, name: title })}
                </h3>
                <div className="flex flex-wrap gap-1">
                  <button type="button" className={buttonClass("ghost", "px-2 py-1")} disabled={i === 0} onClick={() => move(i, -1)}>
                    {t("moveUp")}
                    <span className="sr-only">: {title}</span>
                  </button>
                  <button type="button" className={buttonClass("ghost", "px-2 py-1")} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
                    {t("moveDown")}
                    <span className="sr-only">: {title}</span>
                  </button>
                  <button type="button" className={buttonClass("secondary", "px-2 py-1")} onClick={() => update(i, { remove: !r.remove })}>
                    {r.remove ? t("undoRemove") : t("remove")}
                    <span className="sr-only">: {title}</span>
                  </button>
                </div>
              </div>
              {r.used ? <p className="mb-2 text-xs text-slate-600">{t("usedBy", { count: r.used })}</p> : null}
              {error ? (
                <p id={errorId} className={`${errorClass} mb-2`} role="alert">
                  {error}
                </p>
              ) : null}
              {r.remove ? null : (
                <div className="grid gap-3 md:grid-cols-[16rem_1fr]">
                  <LevelField
                    label={t("name", { language: localeNames[lang] })}
                    value={r.labels[lang] ?? ""}
                    placeholder={fallback?.name}
                    max={LEVEL_NAME_MAX}
                    describedBy={error ? errorId : undefined}
                    onChange={(v) => update(i, { labels: { ...r.labels, [lang]: v } })}
                  />
                  <LevelField
                    label={t("meaning", { language: localeNames[lang] })}
                    value={r.meanings[lang] ?? ""}
                    placeholder={fallback?.meaning}
                    max={LEVEL_MEANING_MAX}
                    multiline
                    describedBy={error ? errorId : undefined}
                    onChange={(v) => update(i, { meanings: { ...r.meanings, [lang]: v } })}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => {
            setAdded(added + 1);
            change([...rows, { key: `new${added}`, id: null, code: null, labels: {}, meanings: {}, used: 0, remove: false }]);
          }}
        >
          {t("addLevel")}
        </button>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </div>
  );
}

function LevelField({
  label,
  value,
  placeholder,
  max,
  multiline,
  describedBy,
  onChange,
}: {
  label: string;
  value: string;
  placeholder?: string;
  max: number;
  multiline?: boolean;
  describedBy?: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClass("sm")}>
        {label}
      </label>
      {multiline ? (
        <textarea id={id} rows={2} value={value} placeholder={placeholder} maxLength={max} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} className={textareaClass} />
      ) : (
        <input id={id} value={value} placeholder={placeholder} maxLength={max} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} className={inputClass} />
      )}
    </div>
  );
}

/** When evaluations are due: probation after N days, then every N months. */
export function ScheduleForm({ revision, probationDays, intervalMonths }: { revision: number; probationDays: number; intervalMonths: number }) {
  const t = useTranslations("evaluations.scale");
  const router = useRouter();
  return (
    <ActionForm action={updateEvaluationScheduleAction} successMessage={t("scheduleSaved")} onSuccess={() => router.refresh()} className="grid max-w-xl gap-4 sm:grid-cols-2">
      <input type="hidden" name="revision" value={revision} />
      <TextField name="probationDays" type="number" inputMode="numeric" min={1} max={365} label={t("probationDays")} hint={t("probationDaysHint")} defaultValue={probationDays} required />
      <TextField
        name="evaluationIntervalMonths"
        type="number"
        inputMode="numeric"
        min={1}
        max={36}
        label={t("intervalMonths")}
        hint={t("intervalMonthsHint")}
        defaultValue={intervalMonths}
        required
      />
      <div className="sm:col-span-2">
        <SubmitButton>{t("saveSchedule")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
