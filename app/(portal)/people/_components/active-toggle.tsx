"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/button";
import { setActiveAction } from "../actions";

/** Deactivate (with a confirmation dialog) or reactivate a person. */
export function ActiveToggle({ id, revision, active, name }: { id: number; revision: number; active: boolean; name: string }) {
  const t = useTranslations("people.status");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const form = (
    <ActionForm
      action={setActiveAction}
      onSuccess={() => {
        dialog.current?.close();
        router.refresh();
      }}
      className="flex flex-wrap gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      {active ? (
        <>
          <SubmitButton variant="danger">{t("confirmDeactivate")}</SubmitButton>
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </button>
        </>
      ) : (
        <SubmitButton>{t("reactivate")}</SubmitButton>
      )}
    </ActionForm>
  );
  if (!active) return form;
  return (
    <>
      <button type="button" className={buttonClass("danger")} onClick={() => dialog.current?.showModal()}>
        {t("deactivate")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`deactivate-${id}`}
        className="m-auto w-full max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`deactivate-${id}`} className="text-lg font-semibold">
          {t("deactivateTitle", { name })}
        </h2>
        <p className="mt-2 mb-4 text-sm text-slate-600">{t("deactivateBody")}</p>
        {form}
      </dialog>
    </>
  );
}
