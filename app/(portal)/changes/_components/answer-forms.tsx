"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextAreaField } from "@/components/ui/form";
import { askAction, replyAction, understoodAction } from "../actions";

type FormAction = React.ComponentProps<typeof ActionForm>["action"];

/** The holder's answer to an item: Understood, or Need clarification with a question. */
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
  return (
    <AnswerChoice
      hidden={{ id, revision }}
      understood={understoodAction}
      ask={askAction}
      canUnderstand={canUnderstand}
      asking={asking}
      understoodLabel={understoodLabel ?? t("understood")}
    />
  );
}

/**
 * Understood (with its own label), or a question instead: the choice both a change and a whole role
 * read for the first time (app/(portal)/my-role) offer. `hidden` names the item the actions act on.
 */
export function AnswerChoice({
  hidden,
  understood,
  ask,
  canUnderstand,
  asking,
  understoodLabel,
}: {
  hidden: Record<string, number>;
  understood: FormAction;
  ask: FormAction;
  canUnderstand: boolean;
  asking: "first" | "again";
  understoodLabel: string;
}) {
  const t = useTranslations("changes");
  const router = useRouter();
  const [askOpen, setAskOpen] = useState(false);
  const fields = Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        {canUnderstand ? (
          <ActionForm action={understood} onSuccess={() => router.refresh()}>
            {fields}
            <SubmitButton>{understoodLabel}</SubmitButton>
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
          action={ask}
          onSuccess={() => {
            setAskOpen(false);
            router.refresh();
          }}
          className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
        >
          {fields}
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
