import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { formatDay } from "@/lib/core/format-dates";
import type { RoleHolder } from "@/lib/roles/catalog";

/**
 * People holding a role, each with team and start date; a name links to the person when the reader
 * may open people (or it is the reader). The role page shows the first few, the holders page a page.
 */
export async function HolderList({ holders, canOpenPeople, actorId, boxed = false }: { holders: RoleHolder[]; canOpenPeople: boolean; actorId: number; boxed?: boolean }) {
  const t = await getTranslations("roles");
  const format = await getFormatter();
  return (
    <ul
      className={boxed ? "divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" : "mt-3 space-y-2 text-sm"}
      aria-label={t("holdersList")}
    >
      {holders.map((h) => (
        <li key={h.id} className={boxed ? "p-3" : undefined}>
          {canOpenPeople || h.id === actorId ? (
            <Link href={`/people/${h.id}`} className="font-medium text-brand-800 hover:underline">
              {h.name}
            </Link>
          ) : (
            <span className="font-medium">{h.name}</span>
          )}
          <span className="block text-xs text-slate-500">
            {[h.teamName, t("since", { date: formatDay(format, h.startDate, { dateStyle: "medium" }) })].filter(Boolean).join(" · ")}
          </span>
        </li>
      ))}
    </ul>
  );
}
