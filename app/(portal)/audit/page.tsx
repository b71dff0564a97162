import type { Metadata } from "next";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { auditFilterOptions, listAudit } from "@/lib/audit/browse";
import { found, optionalIdParam, pageParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/core/format-dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type Search = { person?: string; type?: string; record?: string; from?: string; to?: string; page?: string };
const isDate = (s?: string) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

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
  const [format, zone] = await Promise.all([getFormatter(), getTimeZone()]);
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <FilterForm
        action="/audit"
        submitLabel={t("filter")}
        fields={[
          {
            type: "select",
            name: "person",
            label: t("person"),
            value: sp.person,
            options: [{ value: "", label: t("anyone") }, ...options.people.map((p) => ({ value: p.id, label: p.name }))],
          },
          {
            type: "select",
            name: "type",
            label: t("recordType"),
            value: sp.type,
            options: [{ value: "", label: t("any") }, ...options.entityTypes.map((x) => ({ value: x, label: x }))],
          },
          { type: "text", name: "record", label: t("recordId"), value: sp.record },
          { type: "date", name: "from", label: t("from"), value: filters.from },
          { type: "date", name: "to", label: t("to"), value: filters.to },
        ]}
      />
      <p className="mb-2 text-sm text-slate-600">{t("count", { count: result.total })}</p>
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <DataTable columns={[t("when"), t("who"), t("action"), t("record"), t("detail")]} dense>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap px-3 py-2">{formatInstant(format, r.at, zone, { dateStyle: "short", timeStyle: "medium" })}</td>
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
