import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button-link";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { SEARCH_MAX } from "@/lib/core/limits";
import { found, pageParam, textParam } from "@/lib/core/page";
import { listPeople } from "@/lib/people/directory";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("title") };
}

type Search = { q?: string | string[]; page?: string; status?: string };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const status = sp.status === "inactive" || sp.status === "all" ? sp.status : "active";
  const q = textParam(sp.q, SEARCH_MAX);
  const result = found(() => listPeople(actor, { q, page: pageParam(sp.page), status }));
  const t = await getTranslations("people");
  const roles = await getTranslations("appRoles");
  const isHr = can(actor, "people.create");
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={isHr ? t("introHr") : t("introScoped")}
        actions={isHr ? <ButtonLink href="/people/new">{t("new")}</ButtonLink> : null}
      />
      <FilterForm
        action="/people"
        search
        submitLabel={t("searchButton")}
        fields={[
          { type: "search", name: "q", label: t("search"), value: q, placeholder: t("searchPlaceholder"), maxLength: SEARCH_MAX, wide: true },
          {
            type: "select",
            name: "status",
            label: t("statusFilter"),
            value: status,
            unset: "active",
            options: [
              { value: "active", label: t("statusActive") },
              { value: "inactive", label: t("statusInactive") },
              { value: "all", label: t("statusAll") },
            ],
          },
        ]}
      />
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {t("count", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <DataTable columns={[t("columns.name"), t("columns.jobRole"), t("columns.team"), t("columns.reportsTo"), t("columns.appRole")]}>
              {result.rows.map((p) => (
                <tr key={p.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`/people/${p.id}`} className="font-medium text-brand-800 hover:underline">
                      {p.name}
                    </Link>
                    <span className="block text-xs text-slate-500">{p.email}</span>
                    {!p.active ? <Badge tone="red">{t("inactive")}</Badge> : null}
                  </td>
                  <td className="px-4 py-3">{p.jobRoleTitle ?? "—"}</td>
                  <td className="px-4 py-3">{p.teamName ?? "—"}</td>
                  <td className="px-4 py-3">{p.reportsToName ?? "—"}</td>
                  <td className="px-4 py-3">{roles(p.appRole)}</td>
                </tr>
              ))}
        </DataTable>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        basePath="/people"
        params={{ q: q || undefined, status: status === "active" ? undefined : status }}
      />
    </div>
  );
}
