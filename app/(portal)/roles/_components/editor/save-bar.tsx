"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/** The sticky bar: save the draft, and what state it is in. */
export function SaveBar({
  onSave,
  pending,
  dirty,
  saved,
  message,
}: {
  onSave: () => void;
  pending: boolean;
  dirty: boolean;
  saved: boolean;
  message: { tone: "ok" | "error"; text: string } | null;
}) {
  const t = useTranslations("editor");
  return (
    <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur">
      <button type="button" onClick={onSave} disabled={pending} className={buttonClass("primary")}>
        {pending ? t("saving") : t("saveDraft")}
      </button>
      <span className="text-sm text-slate-600" aria-live="polite">
        {dirty ? t("unsaved") : saved ? t("draftSaved") : t("noDraft")}
      </span>
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`rounded-md px-3 py-1.5 text-sm ${message.tone === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
