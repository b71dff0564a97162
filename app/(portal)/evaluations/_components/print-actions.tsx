"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/**
 * "Download PDF" and "Print" for one evaluation, left out of the printed page itself. For the
 * evaluation view: place it next to (or inside) the element with id="evaluation-print-root".
 */
export function PrintActions({ id }: { id: number }) {
  const t = useTranslations("evaluations.print");
  return (
    <div className="flex flex-wrap gap-2" data-print="hide">
      {/* A plain link: the route answers with the file (Content-Disposition: attachment). */}
      <a href={`/evaluations/${id}/pdf`} download className={buttonClass("secondary")}>
        {t("download")}
      </a>
      <button type="button" onClick={() => window.print()} className={buttonClass("secondary")}>
        {t("print")}
      </button>
    </div>
  );
}
