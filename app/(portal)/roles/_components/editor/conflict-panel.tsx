"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import type { Conflict } from "./use-role-draft";

/**
 * After someone else saved first: this person's changed fields, their text beside the saved text,
 * each with "use mine" to put it back into the editor.
 */
export function ConflictPanel({ conflict, onUseMine, onDismiss }: { conflict: Conflict; onUseMine: (ids: string[]) => void; onDismiss: () => void }) {
  const t = useTranslations("editor");
  if (!conflict.fields.length) return null;
  const box = "mt-1 max-h-60 overflow-auto whitespace-pre-wrap rounded border p-2 text-sm [overflow-wrap:anywhere]";
  return (
    <section aria-labelledby="conflict-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="conflict-panel">
      <h2 id="conflict-title" className="text-lg font-semibold">
        {t("conflictTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("conflictIntro", { name: conflict.by ?? t("someoneElse") })}</p>
      <ul className="mt-3 space-y-3">
        {conflict.fields.map((f) => (
          <li key={f.id} className="rounded-md border border-amber-200 bg-white p-3">
            <p className="text-sm font-semibold">
              {t(`conflictField.${f.kind}`)}
              {f.context ? <span className="font-normal text-slate-600"> · {f.context}</span> : null}
            </p>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              <div className="min-w-0">
                <p className="rb-eyebrow">{t("yourText")}</p>
                <div className={`${box} border-brand-100 bg-brand-50`}>{f.mine ?? <em>{t("removedByYou")}</em>}</div>
              </div>
              <div className="min-w-0">
                <p className="rb-eyebrow">{t("savedText")}</p>
                <div className={`${box} border-slate-200 bg-slate-50`}>{f.theirs ?? <em>{t("notInSaved")}</em>}</div>
              </div>
            </div>
            <button type="button" className={`${buttonClass("secondary")} mt-2`} onClick={() => onUseMine([f.id])}>
              {t("useMine")}
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={buttonClass("primary")} onClick={() => onUseMine(conflict.fields.map((f) => f.id))}>
          {t("useAllMine")}
        </button>
        <button type="button" className={buttonClass("secondary")} onClick={onDismiss}>
          {t("dismiss")}
        </button>
      </div>
    </section>
  );
}
