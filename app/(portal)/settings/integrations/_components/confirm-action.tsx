"use client";

import { useId, useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/core/action-types";

/** A danger button that asks first (a dialog naming what is about to happen). */
export function ConfirmAction({
  action,
  id,
  label,
  srName,
  title,
  body,
  confirmLabel,
}: {
  action: (prev: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown>>;
  id: number;
  label: string;
  srName: string;
  title: string;
  body: string;
  confirmLabel: string;
}) {
  const t = useTranslations("integrations");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  return (
    <>
      <button type="button" className={buttonClass("danger")} aria-label={`${label}: ${srName}`} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={headingId} className="m-auto w-full max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="mt-2 mb-4 text-sm text-slate-600">{body}</p>
        <ActionForm
          action={action}
          onSuccess={() => {
            dialog.current?.close();
            router.refresh();
          }}
          className="flex flex-wrap gap-2"
        >
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="danger">{confirmLabel}</SubmitButton>
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </button>
        </ActionForm>
      </dialog>
    </>
  );
}
