import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PublicShell } from "@/components/shell/public-shell";
import { localeNames, locales } from "@/i18n/config";
import { needsSetup } from "@/lib/org/demo";
import { serverTimeZone } from "@/lib/org/settings";
import { isTimeZone, timeZoneGroups } from "@/lib/org/zones";
import { SetupForm } from "./_components/setup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("setup");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The one-time setup of an installation without the demo (issue 14, point 2): public while nobody
 * exists (every other page sends visitors here), not found once anybody does.
 */
export default async function SetupPage() {
  if (!needsSetup()) notFound();
  const t = await getTranslations("setup");
  const zone = serverTimeZone();
  return (
    <PublicShell>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <section className="mt-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <SetupForm
          groups={timeZoneGroups()}
          defaultZone={isTimeZone(zone) ? zone : "UTC"}
          locales={locales.map((l) => ({ value: l, label: localeNames[l] }))}
          defaultLocale={await getLocale()}
        />
      </section>
    </PublicShell>
  );
}
