"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextAreaField } from "@/components/ui/form";
import { askAction, replyAction, understoodAction } from "../actions";

/** The holder's answer: Understood, or Need clarification with a question. */
export function AnswerForms({
  id,
  revision,
  canUnderstand,
  asking,
  understoodLabel,
}: {
  id: number;
  revision: number;
  canUnderstand: boolean;
  asking: "first" | "again";
  /** For a whole role read for the first time: "I have read and understood my role". */
  understoodLabel?: string;
}) {
  const t = useTranslations("changes");
  const router = useRouter();
  const [askOpen, setAskOpen] = useState(false);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        {canUnderstand ? (
          <ActionForm action={understoodAction} onSuccess={() => router.refresh()}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="revision" value={revision} />
            <SubmitButton>{understoodLabel ?? t("understood")}</SubmitButton>
          </ActionForm>
        ) : null}
        {!askOpen ? (
          <button
            type="button"
            onClick={() => setAskOpen(true)}
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            {asking === "first" ? t("needClarification") : t("askAgain")}
          </button>
        ) : null}
      </div>
      {askOpen ? (
        <ActionForm
          action={askAction}
          onSuccess={() => {
            setAskOpen(false);
            router.refresh();
          }}
          className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
        >
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="revision" value={revision} />
          <TextAreaField name="body" label={t("yourQuestion")} hint={t("questionHint")} rows={3} required autoFocus />
          <SubmitButton>{t("sendQuestion")}</SubmitButton>
        </ActionForm>
      ) : null}
    </div>
  );
}

/** The owner's reply to a question. */
export function ReplyForm({ id, revision }: { id: number; revision: number }) {
  const t = useTranslations("changes");
  const router = useRouter();
  return (
    <ActionForm action={replyAction} onSuccess={() => router.refresh()} resetOnSuccess className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="revision" value={revision} />
      <TextAreaField name="body" label={t("yourReply")} rows={3} required />
      <SubmitButton>{t("sendReply")}</SubmitButton>
    </ActionForm>
  );
}
