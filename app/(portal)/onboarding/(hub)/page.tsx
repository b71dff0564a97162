import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { onboardingOverview, onboardingTeam, teamOptions } from "@/lib/onboarding/lists";
import { TEAM_LIST_MAX } from "@/lib/org/team-filter";
import { teamFilterField, teamNameFilter } from "@/components/ui/team-filter-field";
import { searchOnboardingTeamsAction } from "../actions";
import { found, optionalIdParam, pageParam, textParam } from "@/lib/core/page";
import { requireActor } from "@/lib/auth/session";
import { formatDay } from "@/lib/core/format-dates";
import { OverviewTable, type OverviewRow } from "../_components/overview-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding");
  return { title: t("title") };
}

type Search = { team?: string; teamName?: string | string[]; status?: string; page?: string };

export default async function OnboardingOverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const status = sp.status === "closed" || sp.status === "all" ? sp.status : "open";
  // Up to TEAM_LIST_MAX teams the filter is a list; beyond it, the team is searched (lib/org/team-filter.ts).
  const teams = found(() => teamOptions(actor, TEAM_LIST_MAX + 1));
  const teamId = optionalIdParam(sp.team);
  const teamName = teamNameFilter(teams, teamId, textParam(sp.teamName, 100));
  const result = onboardingOverview(actor, { teamId, teamName, status, page: pageParam(sp.page) });
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
          teamFilterField({
            label: t("filterTeam"),
            allLabel: t("allTeams"),
            teams,
            teamId,
            teamName,
            current: (id) => onboardingTeam(actor, id),
            search: searchOnboardingTeamsAction,
          }),
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
        <OverviewTable
          columns={(["person", "role", "team", "start", "buddy", "progress", "overdue"] as const).map((c) => t(`columns.${c}`))}
          rows={result.rows.map((r): OverviewRow => {
            const pct = r.total ? Math.round((r.done / r.total) * 100) : 0;
            return {
              id: r.id,
              person: r.personName,
              note: `${t(`kind.${r.kind}`)}${r.status === "closed" ? ` · ${t("statusClosed")}` : ""}`,
              role: r.roleTitle ?? "—",
              team: r.teamName ?? "—",
              start: formatDay(format, r.startDate, { dateStyle: "medium" }),
              buddy: r.buddyName ?? "—",
              pct,
              done: t("percentDone", { percent: pct }),
              overdue: t("overdueCount", { count: r.overdue }),
              late: r.overdue > 0,
            };
          })}
        />
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/onboarding" params={{ team: teamId ? String(teamId) : undefined, teamName, status: status === "open" ? undefined : status }} />
    </div>
  );
}
