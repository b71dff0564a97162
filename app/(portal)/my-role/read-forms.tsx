"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextAreaField } from "@/components/ui/form";
import { askAboutMyRoleAction, confirmMyRoleAction } from "./actions";

/** Confirm the whole role ("I have read and understood my role"), or ask a question instead. */
export function ReadForms({ version, revision, canConfirm, asking }: { version: number; revision: number; canConfirm: boolean; asking: "first" | "again" }) {
  const t = useTranslations("roleReading");
  const c = useTranslations("changes");
  const router = useRouter();
  const [askOpen, setAskOpen] = useState(false);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        {canConfirm ? (
          <ActionForm action={confirmMyRoleAction} onSuccess={() => router.refresh()}>
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="revision" value={revision} />
            <SubmitButton>{t("confirm")}</SubmitButton>
          </ActionForm>
        ) : null}
        {!askOpen ? (
          <button
            type="button"
            onClick={() => setAskOpen(true)}
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            {asking === "first" ? c("needClarification") : c("askAgain")}
          </button>
        ) : null}
      </div>
      {askOpen ? (
        <ActionForm
          action={askAboutMyRoleAction}
          onSuccess={() => {
            setAskOpen(false);
            router.refresh();
          }}
          className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
        >
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="revision" value={revision} />
          <TextAreaField name="body" label={c("yourQuestion")} hint={c("questionHint")} rows={3} required autoFocus />
          <SubmitButton>{c("sendQuestion")}</SubmitButton>
        </ActionForm>
      ) : null}
    </div>
  );
}
