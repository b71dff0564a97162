import { getTranslations } from "next-intl/server";
import { demoInProduction, isDemoOrganisation } from "@/lib/org/demo";

/**
 * Issue 14, point 2: every page of the demo organisation says that its accounts have public
 * passwords (portal, sign-in and public pages). Nothing for a real organisation. `boxed`: a card
 * inside a narrow column (the sign-in page) instead of a full-width strip. A labelled section, so
 * it is a landmark of its own: above the header, it would otherwise be the one text outside every
 * landmark (axe's "region").
 */
export async function DemoBanner({ boxed = false }: { boxed?: boolean }) {
  let demo = false;
  try {
    demo = isDemoOrganisation();
  } catch {
    // No database to ask (e.g. while building): no banner.
    return null;
  }
  if (!demo) return null;
  const t = await getTranslations("demo");
  return (
    <section aria-label={t("label")} data-testid="demo-banner" data-print="hide" className={`${boxed ? "mb-6 rounded-md border" : "border-b"} border-amber-300 bg-amber-100 px-4 py-2 text-center text-sm text-amber-950`}>
      <strong className="font-semibold">{t("banner")}</strong> <span>{t("bannerDetail")}</span>
    </section>
  );
}

/**
 * HR's home page (issue 14, point 2): a production server behind https that still has the demo
 * accounts says so, with what to do. The caller shows it only to whoever may manage the organisation.
 */
export async function DemoInProductionWarning() {
  if (!(await demoInProduction())) return null;
  const t = await getTranslations("demo");
  return (
    <section aria-labelledby="demo-production-heading" data-testid="demo-production-warning" className="mb-8 rounded-xl border border-red-300 bg-red-50 p-5 text-red-950">
      <h2 id="demo-production-heading" className="text-lg font-semibold">
        {t("productionTitle")}
      </h2>
      <p className="mt-1 text-sm">{t("productionBody")}</p>
    </section>
  );
}
