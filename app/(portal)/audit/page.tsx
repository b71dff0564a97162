import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { auditFilterOptions, listAudit } from "@/lib/audit/log";
import { found, optionalIdParam, pageParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type Search = { person?: string; type?: string; record?: string; from?: string; to?: string; page?: string };
const isDate = (s?: string) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
const field = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const options = found(() => auditFilterOptions(actor));
  const filters = {
    personId: optionalIdParam(sp.person),
    entityType: sp.type || undefined,
    entityId: sp.record?.trim().slice(0, 100) || undefined,
    from: isDate(sp.from),
    to: isDate(sp.to),
    page: pageParam(sp.page),
  };
  const result = listAudit(actor, filters);
  const t = await getTranslations("audit");
  const format = await getFormatter();
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <form method="get" action="/audit" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <div className="lg:col-span-2">
          <label htmlFor="a-person" className="mb-1 block text-sm font-medium">
            {t("person")}
          </label>
          <select id="a-person" name="person" defaultValue={sp.person ?? ""} className={field}>
            <option value="">{t("anyone")}</option>
            {options.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="a-type" className="mb-1 block text-sm font-medium">
            {t("recordType")}
          </label>
          <select id="a-type" name="type" defaultValue={sp.type ?? ""} className={field}>
            <option value="">{t("any")}</option>
            {options.entityTypes.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="a-record" className="mb-1 block text-sm font-medium">
            {t("recordId")}
          </label>
          <input id="a-record" name="record" defaultValue={sp.record ?? ""} className={field} />
        </div>
        <div>
          <label htmlFor="a-from" className="mb-1 block text-sm font-medium">
            {t("from")}
          </label>
          <input id="a-from" name="from" type="date" defaultValue={filters.from ?? ""} className={field} />
        </div>
        <div>
          <label htmlFor="a-to" className="mb-1 block text-sm font-medium">
            {t("to")}
          </label>
          <input id="a-to" name="to" type="date" defaultValue={filters.to ?? ""} className={field} />
        </div>
        <div className="sm:col-span-3 lg:col-span-6">
          <button type="submit" className={buttonClass("secondary")}>
            {t("filter")}
          </button>
        </div>
      </form>
      <p className="mb-2 text-sm text-slate-600">{t("count", { count: result.total })}</p>
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <DataTable columns={[t("when"), t("who"), t("action"), t("record"), t("detail")]} dense>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap px-3 py-2">{format.dateTime(new Date(r.at), { dateStyle: "short", timeStyle: "medium", timeZone: "UTC" })} UTC</td>
                  <td className="px-3 py-2">{r.actorName ?? t("system")}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                  <td className="px-3 py-2 font-mono text-xs">
                    {r.entityType}
                    {r.entityId ? `#${r.entityId}` : ""}
                  </td>
                  <td className="max-w-md truncate px-3 py-2 font-mono text-xs text-slate-600" title={r.detail}>
                    {r.detail === "{}" ? "" : r.detail}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        basePath="/audit"
        params={{ person: sp.person, type: sp.type, record: sp.record, from: filters.from, to: filters.to }}
      />
    </div>
  );
}
