"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/core/action-types";
import { VERSION_SUMMARY_MAX } from "@/lib/core/limits";
import { Field, input } from "./controls";
import type { PublishKind } from "./use-role-draft";

/** Publishing the saved draft as a new version, or discarding it. */
export function PublishPanel({
  summary,
  setSummary,
  kind,
  setKind,
  errors,
  canPublish,
  saved,
  pending,
  onPublish,
  onDiscard,
}: {
  summary: string;
  setSummary: (value: string) => void;
  kind: PublishKind;
  setKind: (kind: PublishKind) => void;
  errors: FieldErrors;
  /** The draft is saved and has no unsaved changes. */
  canPublish: boolean;
  saved: boolean;
  pending: boolean;
  onPublish: () => void;
  onDiscard: () => void;
}) {
  const t = useTranslations("editor");
  return (
    <section className="rounded-lg border border-brand-100 bg-brand-50 p-5" aria-labelledby="publish-heading">
      <h2 id="publish-heading" className="text-lg font-semibold">
        {t("publishTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{canPublish ? t("publishIntro") : t("saveBeforePublish")}</p>
      <div className="mt-3 grid gap-3">
        <Field label={t("summary")} error={errors.summary}>
          {(p) => <input {...p} className={input} value={summary} maxLength={VERSION_SUMMARY_MAX} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-slate-700">{t("kind")}</legend>
          {(["material", "editorial"] as const).map((k, i) => (
            <label key={k} className={`${i ? "mt-1 " : ""}flex items-start gap-2 text-sm`}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-1" />
              <span>
                <span className="font-medium">{t(k)}</span> — {t(`${k}Hint`)}
              </span>
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={onPublish} disabled={pending || !canPublish} className={buttonClass("primary")}>
            {t("publish")}
          </button>
          {saved ? (
            <button type="button" onClick={onDiscard} disabled={pending} className={buttonClass("ghost")}>
              {t("discard")}
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
