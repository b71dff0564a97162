"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ThreadView, type ThreadViewData } from "@/components/concerns/thread-view";
import { ActionForm, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { TEXT_MAX } from "@/lib/core/limits";
import { readReceiptAction, replyReceiptAction, resolveReceiptAction } from "../actions";

type Thread = ThreadViewData & { mayReply: boolean; mayResolve: boolean };

/**
 * The receipt page's client part. The code lives only in this component's state once it opened a
 * concern, and is re-posted as a hidden field with each action: nothing is kept in the URL, in a
 * cookie or in storage, so leaving the page (or pressing "Use another code") forgets it.
 */
export function ReceiptClient() {
  const t = useTranslations("concerns.receipt");
  const [code, setCode] = useState<string | null>(null);
  const [thread, setThread] = useState<Thread | null>(null);

  if (!code || !thread) {
    return (
      <ActionForm
        action={readReceiptAction}
        className="space-y-4"
        onSuccess={(data) => {
          const form = document.getElementById("receipt-code-form") as HTMLFormElement | null;
          const typed = form ? String(new FormData(form).get("code") ?? "") : "";
          setCode(typed);
          setThread(data as Thread);
        }}
        id="receipt-code-form"
      >
        <TextField
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={100}
          className="font-mono"
        />
        <SubmitButton>{t("open")}</SubmitButton>
      </ActionForm>
    );
  }

  const forget = () => {
    setCode(null);
    setThread(null);
  };

  return (
    <div className="space-y-6">
      <ThreadView data={thread} authorLabel={t("you")} />
      {thread.mayReply ? (
        <ActionForm action={replyReceiptAction} className="space-y-3" resetOnSuccess onSuccess={(data) => setThread(data as Thread)}>
          <input type="hidden" name="code" value={code} />
          <TextAreaField name="body" label={t("reply")} hint={t("replyHint")} rows={4} required maxLength={TEXT_MAX} />
          <SubmitButton>{t("send")}</SubmitButton>
        </ActionForm>
      ) : (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("finalNote")}</p>
      )}
      {thread.mayResolve ? (
        <ActionForm action={resolveReceiptAction} className="space-y-2 border-t border-slate-200 pt-4" onSuccess={(data) => setThread(data as Thread)}>
          <input type="hidden" name="code" value={code} />
          <p className="text-sm text-slate-600">{t("resolveHint")}</p>
          <SubmitButton variant="secondary">{t("resolve")}</SubmitButton>
        </ActionForm>
      ) : null}
      <button type="button" onClick={forget} className="text-sm text-brand-700 underline">
        {t("another")}
      </button>
    </div>
  );
}
