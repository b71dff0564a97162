"use client";

import { useTransition, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setItemDoneAction } from "../actions";

/** Ticks an item the person owes (or undoes it). */
export function TickButton({ itemId, planId, done, title }: { itemId: number; planId: number; done: boolean; title: string }) {
  const t = useTranslations("onboarding.plan");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end">
      <button
        type="button"
        disabled={pending}
        aria-pressed={done}
        onClick={() =>
          startTransition(async () => {
            const result = await setItemDoneAction(null, { itemId, planId, done: !done });
            setError(result.ok ? null : result.error + (result.fieldErrors._form ? ` ${result.fieldErrors._form}` : ""));
            router.refresh();
          })
        }
        className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${
          done ? "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50" : "bg-brand-700 text-white hover:bg-brand-800"
        }`}
      >
        {done ? t("markNotDone") : t("markDone")}
        <span className="sr-only">: {title}</span>
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
