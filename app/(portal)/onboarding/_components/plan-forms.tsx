"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { CHECKIN_NOTE_MAX, CLOSE_REASON_MAX, NAME_MAX } from "@/lib/core/limits";
import { addPlanItemAction, closePlanAction, remindItemAction, removePlanItemAction, saveCheckinAction } from "../actions";

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

/** Removing an item asks first: the confirmation takes the focus, and Cancel gives it back. */
export function RemoveItemButton({ itemId, planId, title }: { itemId: number; planId: number; title: string }) {
  const t = useTranslations("onboarding.plan");
  const [asking, setAsking] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const group = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) group.current?.querySelector("button")?.focus();
    else if (returnFocus) opener.current?.focus();
  }, [asking, returnFocus]);
  if (!asking)
    return (
      <button ref={opener} type="button" onClick={() => setAsking(true)} className="rounded-md px-2 py-1.5 text-sm text-red-700 hover:bg-red-50">
        {t("remove")}
        <span className="sr-only">: {title}</span>
      </button>
    );
  return (
    <div ref={group} role="group" aria-labelledby={`remove-q-${itemId}`} className="flex flex-col items-end gap-1 rounded-md border border-red-200 bg-red-50 p-2">
      <p id={`remove-q-${itemId}`} className="text-sm text-red-900">
        {t("removeConfirm", { title })}
      </p>
      <div className="flex items-start gap-2">
        <ActionButton action={removePlanItemAction} input={{ itemId, planId }} variant="danger" align="end">
          {t("removeYes")}
        </ActionButton>
        <button
          type="button"
          onClick={() => {
            setReturnFocus(true);
            setAsking(false);
          }}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
        >
          {t("removeCancel")}
        </button>
      </div>
    </div>
  );
}

/** Reminds whoever owes the item; when a reminder went out in the last 24 hours, says when the next may. */
export function RemindButton({ itemId, planId, title, nextAt }: { itemId: number; planId: number; title: string; nextAt: string | null }) {
  const t = useTranslations("onboarding.plan");
  if (nextAt)
    return (
      <div className="flex flex-col items-end gap-1">
        <button type="button" disabled aria-describedby={`remind-next-${itemId}`} className="rounded-md px-2 py-1.5 text-sm text-slate-500">
          {t("remind")}
          <span className="sr-only">: {title}</span>
        </button>
        <p id={`remind-next-${itemId}`} className="text-xs text-slate-600">
          {t("nextRemindAt", { time: nextAt })}
        </p>
      </div>
    );
  return (
    <ActionButton
      action={remindItemAction}
      input={{ itemId, planId }}
      align="end"
      success={() => t("reminded")}
      className="rounded-md px-2 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
    >
      {t("remind")}
      <span className="sr-only">: {title}</span>
    </ActionButton>
  );
}

export function ClosePlanForm({ planId, revision }: { planId: number; revision: number }) {
  const t = useTranslations("onboarding.plan");
  const router = useRouter();
  return (
    <ActionForm
      action={closePlanAction}
      onSuccess={() => {
        router.refresh();
        // The page's top then says the plan is closed (and may offer the probation evaluation).
        window.scrollTo({ top: 0 });
      }}
      className="space-y-3"
    >
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
    <ActionForm action={saveCheckinAction} onSuccess={() => router.refresh()} successMessage={t("checkinSaved")} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="milestone" value={milestone} />
      <TextAreaField name="note" label={t("checkinNote", { milestone: label })} rows={2} defaultValue={note} required maxLength={CHECKIN_NOTE_MAX} />
      <SubmitButton variant="secondary">{t("saveCheckin")}</SubmitButton>
    </ActionForm>
  );
}
