"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/** A new key or signing secret, shown once with a copy button. */
export function ShownOnce({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useTranslations("integrations");
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">{label}</p>
      <p className="mt-1 text-sm text-amber-900">{t("shownOnce")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code className="break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900" data-testid={testId}>
          {value}
        </code>
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
    </div>
  );
}
