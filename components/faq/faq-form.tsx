"use client";

import { useState, type ReactNode } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { Badge } from "@/components/ui/card";
import { FAQ_QUESTION_MAX, TEXT_MAX } from "@/lib/core/limits";
import type { ActionResult } from "@/lib/core/action-types";
import type { FaqStatus } from "@/lib/confidence/vocabulary";

/*
 * The Markdown renderer (its parser and HTML writer, components/markdown.tsx) loads only once the answer
 * is edited: until then the preview is the saved answer, rendered on the server (`answerPreview`).
 */
const LiveMarkdown = dynamic(() => import("@/components/markdown").then((m) => m.Markdown), { ssr: false });

type Act = (prev: unknown, input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;

export type FaqFormProps = {
  role: { id: number; slug: string; title: string };
  responsibilities: { key: string; title: string }[];
  concern: { id: string; anonymous: boolean } | null;
  entry: { id: number | null; revision: number; status: FaqStatus; responsibilityKey: string; question: string; answer: string };
  /** The saved answer rendered on the server (components/markdown), shown until the answer is edited. */
  answerPreview?: ReactNode;
  actions: { save: Act; publish: Act; unpublish: Act; remove: Act };
};

/**
 * Writes one FAQ entry: the responsibility it belongs under, the question and the answer (Markdown,
 * previewed as it will show), then publish, take back or delete it.
 */
export function FaqForm({ role, responsibilities, concern, entry, answerPreview, actions }: FaqFormProps) {
  const t = useTranslations("faq.form");
  const router = useRouter();
  const [question, setQuestion] = useState(entry.question);
  const [answer, setAnswer] = useState(entry.answer);
  const [edited, setEdited] = useState(false);
  const saved = entry.id !== null;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ActionForm action={actions.save} onSuccess={() => router.refresh()} successMessage={saved ? t("saved") : undefined} className="space-y-4" aria-label={t("formLabel")}>
        {concern?.anonymous ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="faq-neutral">
            {t("anonymousNote")}
          </p>
        ) : concern ? (
          <p className="text-sm text-slate-600">{t("namedNote")}</p>
        ) : null}
        {entry.id !== null ? <input type="hidden" name="id" value={entry.id} /> : null}
        <input type="hidden" name="revision" value={entry.revision} />
        {concern && entry.id === null ? <input type="hidden" name="concernId" value={concern.id} /> : null}
        {!concern && entry.id === null ? <input type="hidden" name="jobRoleId" value={role.id} /> : null}
        <SelectField
          name="responsibilityKey"
          label={t("responsibility")}
          defaultValue={entry.responsibilityKey}
          emptyLabel={t("chooseResponsibility")}
          options={responsibilities.map((r) => ({ value: r.key, label: r.title }))}
          required
        />
        <TextField name="question" label={t("question")} hint={t("questionHint")} defaultValue={entry.question} maxLength={FAQ_QUESTION_MAX} onChange={(e) => setQuestion(e.target.value)} required />
        <TextAreaField
          name="answer"
          label={t("answer")}
          hint={t("answerHint")}
          defaultValue={entry.answer}
          maxLength={TEXT_MAX}
          rows={8}
          onChange={(e) => {
            setAnswer(e.target.value);
            setEdited(true);
          }}
          required
        />
        <SubmitButton variant={saved ? "secondary" : "primary"}>{saved ? t("save") : t("saveDraft")}</SubmitButton>
      </ActionForm>
      <section aria-labelledby="faq-preview" className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex items-center justify-between gap-2">
          <h2 id="faq-preview" className="rb-section-title">
            {t("preview")}
          </h2>
          {saved ? <Badge tone={entry.status === "published" ? "green" : "amber"}>{t(`status.${entry.status}`)}</Badge> : null}
        </div>
        <p className="mt-3 font-medium text-slate-900">{question.trim() || t("previewEmptyQuestion")}</p>
        {!answer.trim() ? (
          <p className="mt-1 text-sm text-slate-500">{t("previewEmptyAnswer")}</p>
        ) : edited || !answerPreview ? (
          <LiveMarkdown className="mt-1 text-sm text-slate-700">{answer}</LiveMarkdown>
        ) : (
          answerPreview
        )}
        {saved ? (
          <div className="mt-6 flex flex-wrap gap-3 border-t border-slate-100 pt-4">
            {entry.status === "draft" ? (
              <ActionButton action={actions.publish} input={{ id: entry.id, revision: entry.revision }}>
                {t("publish")}
              </ActionButton>
            ) : (
              <ActionButton action={actions.unpublish} variant="secondary" input={{ id: entry.id, revision: entry.revision }}>
                {t("unpublish")}
              </ActionButton>
            )}
            <ActionButton action={actions.remove} variant="danger" input={{ id: entry.id, revision: entry.revision }}>
              {t("delete")}
            </ActionButton>
          </div>
        ) : (
          <p className="mt-6 border-t border-slate-100 pt-4 text-sm text-slate-600">{t("publishAfterSave")}</p>
        )}
      </section>
    </div>
  );
}
