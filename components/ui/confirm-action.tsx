"use client";

import { useId, useRef } from "react";
import { useRouter } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/core/action-types";

/**
 * A button that asks first: a dialog names what is about to happen, and only its confirm button
 * posts the action (with the record's id). Revoking a key, removing a webhook, resetting a second factor.
 */
export function ConfirmAction({
  action,
  id,
  label,
  srName,
  title,
  body,
  confirmLabel,
  cancelLabel,
  variant = "danger",
}: {
  action: (prev: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown>>;
  id: number;
  label: string;
  /** Added to the button's accessible name when a list shows many such buttons. */
  srName?: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  variant?: "danger" | "secondary";
}) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  return (
    <>
      <button type="button" className={buttonClass(variant)} aria-label={srName ? `${label}: ${srName}` : undefined} onClick={() => dialog.current?.showModal()}>
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
            {cancelLabel}
          </button>
        </ActionForm>
      </dialog>
    </>
  );
}
