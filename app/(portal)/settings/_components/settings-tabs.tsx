import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { mayManageIntegrations } from "@/lib/auth/feedback-policy";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";

/** Organisation / public holidays / rating scale / integrations / email / scheduled jobs / sign-in security: the settings pages. */
export async function SettingsTabs({ current }: { current: "organisation" | "holidays" | "ratingScale" | "integrations" | "email" | "jobs" | "security" }) {
  const t = await getTranslations("settings");
  const ti = await getTranslations("integrations");
  const tj = await getTranslations("jobs.scheduled");
  const te = await getTranslations("emailAdmin");
  const ts = await getTranslations("securitySettings");
  const actor = await requireActor();
  const integrations = mayManageIntegrations(actor);
  const tabs = [
    { key: "organisation", href: "/settings", label: t("organisationTab") },
    { key: "holidays", href: "/settings/holidays", label: t("holidaysTab") },
    { key: "ratingScale", href: "/settings/rating-scale", label: t("ratingScaleTab") },
    ...(integrations ? [{ key: "integrations", href: "/settings/integrations", label: ti("tab") }] : []),
    ...(can(actor, "email.oversee") ? [{ key: "email", href: "/settings/email", label: te("title") }] : []),
    ...(can(actor, "jobs.read") ? [{ key: "jobs", href: "/settings/jobs", label: tj("title") }] : []),
    ...(can(actor, "organisation.manage") ? [{ key: "security", href: "/settings/security", label: ts("tab") }] : []),
  ];
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
