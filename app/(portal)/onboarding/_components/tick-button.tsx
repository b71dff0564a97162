"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { setItemDoneAction } from "../actions";

/** Ticks an item the person owes (or undoes it). */
export function TickButton({ itemId, planId, done, title }: { itemId: number; planId: number; done: boolean; title: string }) {
  const t = useTranslations("onboarding.plan");
  return (
    <ActionButton
      action={setItemDoneAction}
      input={{ itemId, planId, done: !done }}
      pressed={done}
      align="end"
      className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${
        done ? "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50" : "bg-brand-700 text-white hover:bg-brand-800"
      }`}
    >
      {done ? t("markNotDone") : t("markDone")}
      <span className="sr-only">: {title}</span>
    </ActionButton>
  );
}
