"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { NAME_MAX, TEXT_MAX } from "@/lib/core/limits";
import { postReplyAction, startThreadAction } from "../actions";

/** Opening a thread on a task of the person's own role. */
export function StartThreadForm({ jobRoleId, tasks, taskKey }: { jobRoleId: number; tasks: { key: string; title: string; responsibility: string }[]; taskKey?: string }) {
  const t = useTranslations("threads.form");
  return (
    <ActionForm action={startThreadAction} className="space-y-4">
      <input type="hidden" name="jobRoleId" value={jobRoleId} />
      <SelectField
        name="taskKey"
        label={t("task")}
        defaultValue={taskKey ?? ""}
        emptyLabel={t("chooseTask")}
        options={tasks.map((k) => ({ value: k.key, label: `${k.responsibility}: ${k.title}` }))}
      />
      <TextField name="title" label={t("title")} hint={t("titleHint")} maxLength={NAME_MAX} required />
      <TextAreaField name="body" label={t("body")} rows={6} maxLength={TEXT_MAX} required />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

/** A reply to a thread. */
export function ReplyForm({ threadId }: { threadId: number }) {
  const t = useTranslations("threads.thread");
  return (
    <ActionForm action={postReplyAction} className="space-y-3" resetOnSuccess>
      <input type="hidden" name="threadId" value={threadId} />
      <TextAreaField name="body" label={t("reply")} rows={4} maxLength={TEXT_MAX} required />
      <SubmitButton>{t("send")}</SubmitButton>
    </ActionForm>
  );
}
