import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { onboardingOverview, teamOptions } from "@/lib/onboarding/lists";
import { found, optionalIdParam, pageParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/core/format-dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding");
  return { title: t("title") };
}

type Search = { team?: string; teamName?: string; status?: string; page?: string };

/** Up to this many teams the filter is a list; beyond it, the team's name is typed (the page never lists every team). */
const TEAM_LIST_MAX = 30;

export default async function OnboardingOverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const status = sp.status === "closed" || sp.status === "all" ? sp.status : "open";
  const teams = found(() => teamOptions(actor, TEAM_LIST_MAX + 1));
  const teamList = teams.length <= TEAM_LIST_MAX;
  const teamName = teamList ? undefined : sp.teamName?.trim().slice(0, 100) || undefined;
  const result = onboardingOverview(actor, { teamId: optionalIdParam(sp.team), teamName, status, page: pageParam(sp.page) });
  const t = await getTranslations("onboarding");
  const format = await getFormatter();
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <>
            <ButtonLink variant="secondary" href="/onboarding/tasks">
              {t("myTasks")}
            </ButtonLink>
            <ButtonLink href="/onboarding/new">{t("start")}</ButtonLink>
          </>
        }
      />
      <FilterForm
        action="/onboarding"
        submitLabel={t("filter")}
        fields={[
          teamList
            ? {
                type: "select",
                name: "team",
                label: t("filterTeam"),
                value: sp.team,
                options: [{ value: "", label: t("allTeams") }, ...teams.map((x) => ({ value: x.id, label: x.name }))],
              }
            : { type: "search", name: "teamName", label: t("filterTeam"), value: teamName, maxLength: 100 },
          {
            type: "select",
            name: "status",
            label: t("filterStatus"),
            value: status,
            unset: "open",
            options: [
              { value: "open", label: t("statusOpen") },
              { value: "closed", label: t("statusClosed") },
              { value: "all", label: t("statusAll") },
            ],
          },
        ]}
      />
      <p className="mb-2 text-sm text-slate-600">{t("count", { count: result.total })}</p>
      {result.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <DataTable columns={(["person", "role", "team", "start", "buddy", "progress", "overdue"] as const).map((c) => t(`columns.${c}`))}>
              {result.rows.map((r) => {
                const pct = r.total ? Math.round((r.done / r.total) * 100) : 0;
                return (
                  <tr key={r.id}>
                    <td className="px-4 py-3">
                      <Link href={`/onboarding/${r.id}`} className="font-medium text-brand-800 hover:underline">
                        {r.personName}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {t(`kind.${r.kind}`)}
                        {r.status === "closed" ? ` · ${t("statusClosed")}` : ""}
                      </span>
                    </td>
                    <td className="px-4 py-3">{r.roleTitle ?? "—"}</td>
                    <td className="px-4 py-3">{r.teamName ?? "—"}</td>
                    <td className="px-4 py-3">{formatDay(format, r.startDate, { dateStyle: "medium" })}</td>
                    <td className="px-4 py-3">{r.buddyName ?? "—"}</td>
                    <td className="px-4 py-3">
                      <div className="flex items-center gap-2">
                        <div className="h-2 w-24 overflow-hidden rounded-full bg-slate-200" aria-hidden>
                          <div className="h-full bg-brand-700" style={{ width: `${pct}%` }} />
                        </div>
                        <span>{t("percentDone", { percent: pct })}</span>
                      </div>
                    </td>
                    <td className="px-4 py-3">{r.overdue ? <Badge tone="red">{t("overdueCount", { count: r.overdue })}</Badge> : t("overdueCount", { count: 0 })}</td>
                  </tr>
                );
              })}
        </DataTable>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/onboarding" params={{ team: sp.team, teamName, status: status === "open" ? undefined : status }} />
    </div>
  );
}
