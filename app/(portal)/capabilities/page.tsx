import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { listCapabilities, type CapabilityStatusFilter } from "@/lib/capability/directory";
import { CAPABILITY_KINDS, type CapabilityKind } from "@/lib/capability/vocabulary";
import { SEARCH_MAX } from "@/lib/core/limits";
import { found, pageParam, textParam } from "@/lib/core/page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("capabilities");
  return { title: t("title") };
}

type Search = { q?: string | string[]; kind?: string; status?: string; page?: string };
const STATUSES: CapabilityStatusFilter[] = ["current", "merged", "all"];

/** HR's capability records: search, kind and status filters, one page at a time. */
export default async function CapabilitiesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const q = textParam(sp.q, SEARCH_MAX);
  const kind = (CAPABILITY_KINDS as readonly string[]).includes(sp.kind ?? "") ? (sp.kind as CapabilityKind) : undefined;
  const status = STATUSES.includes(sp.status as CapabilityStatusFilter) ? (sp.status as CapabilityStatusFilter) : "current";
  const result = found(() => listCapabilities(actor, { q, kind, status, page: pageParam(sp.page) }));
  const t = await getTranslations("capabilities");
  const d = await getTranslations("roleDoc");
  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />
      <FilterForm
        action="/capabilities"
        search
        submitLabel={t("filter")}
        fields={[
          { type: "search", name: "q", label: t("searchLabel"), value: q, maxLength: SEARCH_MAX, wide: true },
          {
            type: "select",
            name: "kind",
            label: t("fields.kind"),
            value: kind ?? "",
            options: [{ value: "", label: t("anyKind") }, ...CAPABILITY_KINDS.map((k) => ({ value: k, label: d(`kind.${k}`) }))],
          },
          {
            type: "select",
            name: "status",
            label: t("statusLabel"),
            value: status,
            unset: "current",
            options: STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          },
        ]}
      />
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {t("count", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <DataTable columns={[t("columns.name"), t("columns.kind"), t("columns.validity"), t("columns.status")]}>
          {result.rows.map((c) => (
            <tr key={c.key} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/capabilities/${encodeURIComponent(c.key)}`} className="font-medium text-brand-800 hover:underline">
                  {c.name}
                </Link>
              </td>
              <td className="px-4 py-3">{d(`kind.${c.kind}`)}</td>
              <td className="px-4 py-3">{c.validityMonths ? t("validityMonths", { count: c.validityMonths }) : t("noExpiry")}</td>
              <td className="px-4 py-3">
                {c.mergedIntoKey ? (
                  <Badge>
                    {t("mergedInto", { name: c.mergedIntoName ?? "…" })}
                  </Badge>
                ) : (
                  <Badge tone="green">{t("status.current")}</Badge>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        basePath="/capabilities"
        params={{ q: q || undefined, kind, status: status === "current" ? undefined : status }}
      />
    </div>
  );
}
