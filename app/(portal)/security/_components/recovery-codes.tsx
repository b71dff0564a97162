"use client";

import { useState } from "react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/** The ten recovery codes, shown once: copy or download them, then continue. */
export function RecoveryCodes({ codes, done = false }: { codes: string[]; done?: boolean }) {
  const t = useTranslations("security.twoFactor");
  const [copied, setCopied] = useState(false);
  const text = `${t("codesFileTitle")}\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-4" data-testid="recovery-codes">
      <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
        {done ? t("enabled") : t("regenerated")}
      </p>
      <h3 className="font-medium">{t("codesHeading")}</h3>
      <p className="max-w-3xl text-sm text-slate-700">{t("codesIntro")}</p>
      <ul className="grid max-w-md grid-cols-2 gap-2 rounded-md border border-slate-200 bg-slate-50 p-4 font-mono text-sm" aria-label={t("codesHeading")}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {t("copy")}
        </button>
        <a className={buttonClass("secondary")} href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="rolebook-recovery-codes.txt">
          {t("download")}
        </a>
        {done ? (
          <Link className={buttonClass("primary")} href="/security#two-factor">
            {t("continue")}
          </Link>
        ) : null}
        {copied ? (
          <span role="status" className="text-sm text-slate-700">
            {t("copied")}
          </span>
        ) : null}
      </div>
    </div>
  );
}
