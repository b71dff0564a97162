import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Organisation / public holidays: the two settings pages. */
export async function SettingsTabs({ current }: { current: "organisation" | "holidays" }) {
  const t = await getTranslations("settings");
  const tabs = [
    { key: "organisation", href: "/settings", label: t("organisationTab") },
    { key: "holidays", href: "/settings/holidays", label: t("holidaysTab") },
  ] as const;
  return (
    <nav aria-label={t("sections")} className="mb-6 flex gap-1 border-b border-slate-200 pb-2">
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
