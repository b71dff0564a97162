"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/button";
import { resetSecondFactorAction } from "../second-factor-actions";

/** HR resets a person's second factor (a lost phone), after a confirmation dialog. */
export function ResetSecondFactorButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("security.twoFactor.reset");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.showModal()}>
        {t("button")}
      </button>
      <dialog ref={dialog} aria-labelledby={`reset-2fa-${id}`} className="m-auto w-full max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 id={`reset-2fa-${id}`} className="text-lg font-semibold">
          {t("title", { name })}
        </h2>
        <p className="mt-2 mb-4 text-sm text-slate-600">{t("body")}</p>
        <ActionForm
          action={resetSecondFactorAction}
          onSuccess={() => {
            dialog.current?.close();
            router.refresh();
          }}
          className="flex flex-wrap gap-2"
        >
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="danger">{t("confirm")}</SubmitButton>
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </button>
        </ActionForm>
      </dialog>
    </>
  );
}
