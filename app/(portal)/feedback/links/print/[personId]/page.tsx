import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { found, idParam } from "@/lib/core/page";
import { firstNameOf, personalCode } from "@/lib/feedback/links";
import { PrintButton } from "../../_components/print-button";

type Props = { params: Promise<{ personId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ratingLinks.print");
  return { title: t("title") };
}

/**
 * The personal QR code as print-ready cards (issue 12): a desk card (A6, 105 × 148 mm) and a badge
 * (credit-card size, 54 × 86 mm), at their real size on paper. Only the cards print.
 */
export default async function PrintCodePage({ params }: Props) {
  const actor = await requireActor();
  const personId = idParam((await params).personId);
  const code = found(() => personalCode(actor, personId));
  const t = await getTranslations("ratingLinks.print");
  const src = `/feedback/links/qr/${personId}?format=svg&v=${encodeURIComponent(code.createdAt ?? "")}`;
  const name = firstNameOf(code.person.name);
  return (
    <div className="space-y-6" id="rating-card-print">
      <div className="flex flex-wrap items-center justify-between gap-3" data-print="hide">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("hint")}</p>
        </div>
        <div className="flex gap-2">
          <Link href="/feedback/links" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
            {t("back")}
          </Link>
          {code.code ? <PrintButton label={t("print")} /> : null}
        </div>
      </div>
      {!code.code ? (
        <p className="text-slate-600">{t("noCode")}</p>
      ) : (
        <div className="rating-cards flex flex-wrap items-start gap-8">
          <figure className="rating-card-desk flex flex-col items-center justify-between border border-slate-400 bg-white p-[8mm] text-center" style={{ width: "105mm", height: "148mm" }}>
            <figcaption className="sr-only">{t("desk")}</figcaption>
            <p className="text-[7mm] font-bold leading-tight text-slate-900">{t("scan")}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from our own route handler */}
            <img src={src} alt={t("qrAlt", { name })} style={{ width: "70mm", height: "70mm" }} />
            <div>
              <p className="text-[6mm] font-semibold text-slate-900">{name}</p>
              {code.person.roleTitle ? <p className="text-[4mm] text-slate-700">{code.person.roleTitle}</p> : null}
              <p className="mt-[2mm] text-[3.2mm] text-slate-600">{t("takes")}</p>
            </div>
          </figure>
          <figure className="rating-card-badge flex flex-col items-center justify-between border border-slate-400 bg-white p-[4mm] text-center" style={{ width: "54mm", height: "86mm" }}>
            <figcaption className="sr-only">{t("badge")}</figcaption>
            <p className="text-[4mm] font-bold leading-tight text-slate-900">{t("scan")}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from our own route handler */}
            <img src={src} alt={t("qrAlt", { name })} style={{ width: "40mm", height: "40mm" }} />
            <div>
              <p className="text-[4.5mm] font-semibold text-slate-900">{name}</p>
              {code.person.roleTitle ? <p className="text-[3mm] text-slate-700">{code.person.roleTitle}</p> : null}
            </div>
          </figure>
        </div>
      )}
    </div>
  );
}
