import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { ACCESS_VIEWS, accessTeam, accessTeams, openAccess, type AccessView } from "@/lib/capability/access";
import { teamFilterField, teamNameFilter } from "@/components/ui/team-filter-field";
import { requireActor } from "@/lib/auth/session";
import { found, optionalIdParam, pageParam, textParam } from "@/lib/core/page";
import { searchAccessTeamsAction, setAccessAction } from "./actions";

type Props = { searchParams: Promise<{ view?: string; team?: string; teamName?: string | string[]; q?: string | string[]; page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access");
  return { title: t("title") };
}

/** Pending grants and flagged revocations for the people whose access the actor manages. */
export default async function AccessPage({ searchParams }: Props) {
  const actor = await requireActor();
  const sp = await searchParams;
  const view: AccessView = (ACCESS_VIEWS as readonly string[]).includes(sp.view ?? "") ? (sp.view as AccessView) : "open";
  const teamId = sp.team ? (optionalIdParam(sp.team) ?? null) : null;
  const q = textParam(sp.q, 100);
  const teams = found(() => accessTeams(actor));
  const teamName = teamNameFilter(teams, teamId, textParam(sp.teamName, 100));
  const list = found(() => openAccess(actor, { view, teamId, teamName, q, page: pageParam(sp.page) }));
  const t = await getTranslations("access");
  const format = await getFormatter();
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("title")} description={t("intro")} />
      <FilterForm
        action="/access"
        search
        submitLabel={t("filter")}
        fields={[
          { name: "q", type: "search", label: t("search"), value: q, wide: true, maxLength: 100 },
          {
            name: "view",
            type: "select",
            label: t("show"),
            value: view,
            unset: "open",
            options: ACCESS_VIEWS.map((v) => ({ value: v, label: t(`view.${v}`) })),
          },
          teamFilterField({
            label: t("team"),
            allLabel: t("allTeams"),
            teams,
            teamId,
            teamName,
            current: (id) => accessTeam(actor, id),
            search: searchAccessTeamsAction,
          }),
        ]}
      />
      {list.rows.length === 0 ? (
        <EmptyState>{t("nothingOpen")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("count", { count: list.total })}</p>
          <DataTable columns={[t("col.person"), t("col.tool"), t("col.status"), t("col.since"), t("col.actions")]}>
            {list.rows.map((r) => (
              <tr key={r.id}>
                <td className="px-4 py-3">
                  <Link className="font-medium text-brand-700 underline" href={`/people/${r.personId}/access`}>
                    {r.personName}
                  </Link>
                  <span className="block text-xs text-slate-600">
                    {r.teamName ?? t("noTeam")}
                    {r.personActive ? "" : ` · ${t("inactive")}`}
                  </span>
                </td>
                <td className="px-4 py-3 text-slate-900">{r.tool}</td>
                <td className="px-4 py-3">
                  <Badge tone={r.status === "revoke" ? "red" : "amber"}>{t(`status.${r.status}`)}</Badge>
                  {r.status === "revoke" && r.flagReason ? <span className="block text-xs text-slate-600">{t(`reason.${r.flagReason}`)}</span> : null}
                </td>
                <td className="px-4 py-3 text-slate-700">{format.dateTime(new Date(r.since), { dateStyle: "medium" })}</td>
                <td className="px-4 py-3">
                  {/* Every row here is someone whose access the actor manages (openAccess is scoped by the same rule). */}
                  {r.status === "pending" && r.personActive ? (
                    <ActionButton action={setAccessAction} input={{ personId: r.personId, toolKey: r.toolKey, action: "grant", revision: String(r.revision) }}>
                      {t("grant")}
                      <span className="sr-only">
                        : {r.tool}, {r.personName}
                      </span>
                    </ActionButton>
                  ) : r.status === "revoke" ? (
                    <ActionButton action={setAccessAction} input={{ personId: r.personId, toolKey: r.toolKey, action: "revoke", revision: String(r.revision) }}>
                      {t("revoke")}
                      <span className="sr-only">
                        : {r.tool}, {r.personName}
                      </span>
                    </ActionButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={list.page} pageCount={list.pageCount} basePath="/access" params={{ view: view === "open" ? undefined : view, team: teamId ? String(teamId) : undefined, teamName, q: q || undefined }} />
        </>
      )}
    </div>
  );
}
