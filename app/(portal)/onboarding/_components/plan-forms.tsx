"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { CHECKIN_NOTE_MAX, CLOSE_REASON_MAX, NAME_MAX } from "@/lib/core/limits";
import { addPlanItemAction, closePlanAction, removePlanItemAction, saveCheckinAction } from "../actions";

type LinkOption = { value: string; label: string };

export function AddItemForm({ planId, links }: { planId: number; links: LinkOption[] }) {
  const t = useTranslations("onboarding.plan");
  const router = useRouter();
  return (
    <ActionForm action={addPlanItemAction} onSuccess={() => router.refresh()} resetOnSuccess className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="planId" value={planId} />
      <TextField name="title" label={t("itemTitle")} required maxLength={NAME_MAX} className="sm:col-span-2" />
      <TextAreaField name="description" label={t("itemDescription")} rows={2} className="sm:col-span-2" />
      <SelectField
        name="assignee"
        label={t("itemAssignee")}
        defaultValue="hire"
        options={(["hire", "buddy", "manager", "hr"] as const).map((a) => ({ value: a, label: t(`assigneeOther.${a}`) }))}
      />
      <TextField name="dueDay" label={t("itemDueDay")} hint={t("itemDueDayHint")} type="number" defaultValue={5} required />
      <SelectField name="link" label={t("itemLink")} emptyLabel={t("noLink")} options={links} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <SubmitButton>{t("add")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function RemoveItemButton({ itemId, planId, title }: { itemId: number; planId: number; title: string }) {
  const t = useTranslations("onboarding.plan");
  return (
    <ActionButton action={removePlanItemAction} input={{ itemId, planId }} align="end" className="rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50">
      {t("remove")}
      <span className="sr-only">: {title}</span>
    </ActionButton>
  );
}

export function ClosePlanForm({ planId, revision }: { planId: number; revision: number }) {
  const t = useTranslations("onboarding.plan");
  const router = useRouter();
  return (
    <ActionForm action={closePlanAction} onSuccess={() => router.refresh()} className="space-y-3">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="revision" value={revision} />
      <TextAreaField name="reason" label={t("closeReason")} rows={2} required maxLength={CLOSE_REASON_MAX} />
      <SubmitButton variant="danger">{t("closeSubmit")}</SubmitButton>
    </ActionForm>
  );
}

export function CheckinForm({ planId, milestone, label, note }: { planId: number; milestone: string; label: string; note: string }) {
  const t = useTranslations("onboarding.plan");
  const router = useRouter();
  return (
    <ActionForm action={saveCheckinAction} onSuccess={() => router.refresh()} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="milestone" value={milestone} />
      <TextAreaField name="note" label={t("checkinNote", { milestone: label })} rows={2} defaultValue={note} required maxLength={CHECKIN_NOTE_MAX} />
      <SubmitButton variant="secondary">{t("saveCheckin")}</SubmitButton>
    </ActionForm>
  );
}
