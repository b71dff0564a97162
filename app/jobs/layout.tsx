import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { organisationSettings } from "@/lib/org/settings";

/**
 * The public job pages' frame (no sign-in): the employer's name and a way back to the list of open
 * jobs, nothing that leads into the staff portal.
 */
export default async function JobsLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("jobs");
  const employer = organisationSettings().name;
  return (
    <div className="min-h-screen bg-white">
      <header className="border-b border-slate-200">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <Link
            href="/jobs"
            className="rounded text-lg font-bold text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            {employer || t("listTitle")}
          </Link>
          <LocaleSwitcher />
        </div>
      </header>
      {children}
    </div>
  );
}
