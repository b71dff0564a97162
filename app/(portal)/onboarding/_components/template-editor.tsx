"use client";

import { useState } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { NAME_MAX } from "@/lib/core/limits";
import { regenerateTemplateAction, removeTemplateItemAction, saveTemplateItemAction } from "../actions";
import { PlainText } from "@/components/ui/plain-text";

type Item = {
  id: number;
  title: string;
  description: string;
  assignee: "hire" | "manager" | "buddy" | "hr";
  dueDay: number;
  linkKind: "responsibility" | "task" | null;
  linkKey: string | null;
  source: "generated" | "manual";
};

function ItemForm({ slug, revision, item, links, onDone }: { slug: string; revision: number; item?: Item; links: { value: string; label: string }[]; onDone: () => void }) {
  const t = useTranslations("onboarding.plan");
  const tt = useTranslations("onboarding.template");
  const router = useRouter();
  return (
    <ActionForm
      action={saveTemplateItemAction}
      onSuccess={() => {
        onDone();
        router.refresh();
      }}
      resetOnSuccess={!item}
      className="grid gap-3 sm:grid-cols-2"
    >
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="revision" value={revision} />
      {item ? <input type="hidden" name="itemId" value={item.id} /> : null}
      <TextField name="title" label={t("itemTitle")} defaultValue={item?.title} required maxLength={NAME_MAX} className="sm:col-span-2" />
      <TextAreaField name="description" label={t("itemDescription")} defaultValue={item?.description} rows={2} className="sm:col-span-2" />
      <SelectField
        name="assignee"
        label={t("itemAssignee")}
        defaultValue={item?.assignee ?? "hire"}
        options={(["hire", "buddy", "manager", "hr"] as const).map((a) => ({ value: a, label: t(`assigneeOther.${a}`) }))}
      />
      <TextField name="dueDay" label={t("itemDueDay")} hint={t("itemDueDayHint")} type="number" defaultValue={item?.dueDay ?? 5} required />
      <SelectField
        name="link"
        label={t("itemLink")}
        emptyLabel={t("noLink")}
        defaultValue={item?.linkKey ? `${item.linkKind}:${item.linkKey}` : ""}
        options={links}
        className="sm:col-span-2"
      />
      <div className="flex gap-2 sm:col-span-2">
        <SubmitButton>{item ? tt("save") : t("add")}</SubmitButton>
        {item ? (
          <button type="button" onClick={onDone} className={buttonClass("ghost")}>
            {tt("cancel")}
          </button>
        ) : null}
      </div>
    </ActionForm>
  );
}

export function TemplateEditor({
  slug,
  revision,
  items,
  links,
  canRegenerate,
}: {
  slug: string;
  revision: number;
  items: Item[];
  links: { value: string; label: string }[];
  /** A stored template (one not stored yet is generated from the current version already). */
  canRegenerate: boolean;
}) {
  const t = useTranslations("onboarding.plan");
  const tt = useTranslations("onboarding.template");
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <div className="space-y-6">
      {canRegenerate ? (
        <Link href={`/roles/${slug}/onboarding?preview=1`} className={buttonClass("secondary")}>
          {tt("regenerate")}
        </Link>
      ) : null}
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label={tt("title")}>
        {items.map((i) => (
          <li key={i.id} className="p-3">
            {editing === i.id ? (
              <ItemForm slug={slug} revision={revision} item={i} links={links} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{i.title}</p>
                  {i.description ? <PlainText className="text-sm text-slate-600">{i.description}</PlainText> : null}
                  <p className="mt-1 flex flex-wrap gap-2 text-xs text-slate-600">
                    <span>{t(`assigneeOther.${i.assignee}`)}</span>
                    <span>· {t("itemDueDay")}: {i.dueDay}</span>
                    <Badge tone={i.source === "generated" ? "brand" : "slate"}>{i.source === "generated" ? tt("generated") : tt("manual")}</Badge>
                  </p>
                </div>
                <div className="flex gap-1">
                  <button type="button" className="rounded px-2 py-1 text-sm text-brand-700 hover:bg-brand-50" onClick={() => setEditing(i.id)}>
                    {tt("edit")}
                    <span className="sr-only">: {i.title}</span>
                  </button>
                  <ActionButton
                    action={removeTemplateItemAction}
                    input={{ slug, revision, itemId: i.id }}
                    align="end"
                    className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50"
                  >
                    {t("remove")}
                    <span className="sr-only">: {i.title}</span>
                  </ActionButton>
                </div>
              </div>
            )}
          </li>
        ))}
      </ol>
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="add-template-item">
        <h2 id="add-template-item" className="mb-3 font-semibold">
          {tt("addItem")}
        </h2>
        <ItemForm slug={slug} revision={revision} links={links} onDone={() => undefined} />
      </section>
    </div>
  );
}

/** The second step of regenerating: after the preview, confirm. */
export function ConfirmRegenerate({ slug, revision }: { slug: string; revision: number }) {
  const tt = useTranslations("onboarding.template");
  return (
    <ActionButton action={regenerateTemplateAction} input={{ slug, revision }}>
      {tt("confirmRegenerate")}
    </ActionButton>
  );
}
