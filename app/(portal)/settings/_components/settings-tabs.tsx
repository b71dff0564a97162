import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Organisation / public holidays / rating scale: the settings pages. */
export async function SettingsTabs({ current }: { current: "organisation" | "holidays" | "ratingScale" }) {
  const t = await getTranslations("settings");
  const tabs = [
    { key: "organisation", href: "/settings", label: t("organisationTab") },
    { key: "holidays", href: "/settings/holidays", label: t("holidaysTab") },
    { key: "ratingScale", href: "/settings/rating-scale", label: t("ratingScaleTab") },
  ] as const;
  return (
    <nav aria-label={t("sections")} className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-2">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`rounded-md px-3 py-2 text-sm font-medium ${
            tab.key === current ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
