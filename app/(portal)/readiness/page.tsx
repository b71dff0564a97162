import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button-link";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { defaultDueDate, readinessFilterOptions, readinessMatrix, readinessTeam, type Matrix } from "@/lib/capability/readiness";
import { teamFilterField, teamNameFilter } from "@/components/ui/team-filter-field";
import { searchReadinessTeamsAction } from "./actions";
import type { CellState } from "@/lib/capability/vocabulary";
import { formatDay } from "@/lib/core/format-dates";
import { found, optionalIdParam, pageParam, textParam } from "@/lib/core/page";
import { AssignPanel, type AssignGaps } from "./_components/assign";
import { ReadinessMatrix, type MatrixCellData, type MatrixRow } from "./_components/matrix";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("readiness");
  return { title: t("title") };
}

/** Names listed per responsibility under "Who can do this today" before "and N more". */
const CAN_DO_SHOWN = 8;

type Search = { team?: string; teamName?: string | string[]; role?: string; page?: string };

/** Icon, colours and label per cell state: never colour alone. */
const CELL_STYLE: Record<CellState, { icon: string; className: string }> = {
  ready: { icon: "✓", className: "border-green-300 bg-green-50 text-green-900" },
  expiring: { icon: "!", className: "border-amber-300 bg-amber-50 text-amber-900" },
  training: { icon: "→", className: "border-sky-300 bg-sky-50 text-sky-900" },
  gap: { icon: "✗", className: "border-red-300 bg-red-50 text-red-900" },
};

function exportHref(params: { team?: number; teamName?: string; role?: number }): string {
  const q = new URLSearchParams();
  if (params.team) q.set("team", String(params.team));
  if (params.teamName) q.set("teamName", params.teamName);
  if (params.role) q.set("role", String(params.role));
  const s = q.toString();
  return s ? `/readiness/export.csv?${s}` : "/readiness/export.csv";
}

/**
 * Who and what the gap cells' "Assign" buttons name, sent once for the page rather than with each
 * cell (issue 15): the people of the page, and each capability a course builds with its courses.
 */
function assignable(blocks: Matrix["blocks"]): AssignGaps {
  const people: AssignGaps["people"] = {};
  const capabilities: AssignGaps["capabilities"] = {};
  for (const b of blocks) {
    const names = new Map(b.capabilities.map((c) => [c.key, c.name]));
    for (const p of b.people) {
      for (const [key, c] of Object.entries(p.cells)) {
        if (c.cell !== "gap" || c.courses.length === 0) continue;
        people[p.id] = p.name;
        capabilities[key] ??= { name: names.get(key) ?? key, courses: c.courses };
      }
    }
  }
  return { people, capabilities };
}

export default async function ReadinessPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const teamId = optionalIdParam(sp.team);
  const roleId = optionalIdParam(sp.role);
  const options = found(() => readinessFilterOptions(actor));
  const teamName = teamNameFilter(options.teams, teamId, textParam(sp.teamName, 100));
  const matrix = found(() => readinessMatrix(actor, { teamId, teamName, roleId, page: pageParam(sp.page) }));
  const t = await getTranslations("readiness");
  const format = await getFormatter();
  const mayAssign = can(actor, "training.assign");

  // The first names of who can do a responsibility, then "and N more" (the CSV export has everyone).
  const canDoText = (who: { name: string }[]) => {
    const names = who.slice(0, CAN_DO_SHOWN).map((p) => p.name).join(", ");
    return who.length > CAN_DO_SHOWN ? t("canDoMore", { names, count: who.length - CAN_DO_SHOWN }) : names;
  };

  const rowsOf = (b: Matrix["blocks"][number]): MatrixRow[] =>
    b.people.map((p) => ({
      id: p.id,
      name: p.name,
      team: p.teamName,
      cells: b.capabilities.map((cap): MatrixCellData => {
        const c = p.cells[cap.key];
        const s: CellState = c?.cell ?? "gap";
        return {
          s,
          ...(c?.holding.until && (s === "ready" || s === "expiring") ? { u: formatDay(format, c.holding.until) } : {}),
          ...(c?.holding.state === "lapsed" ? { l: 1 as const } : {}),
          ...(s === "gap" && c?.courses.length ? { c: 1 as const } : {}),
        };
      }),
    }));

  const blocks = matrix.blocks.map((b) => (
    <section key={b.roleId} aria-labelledby={`role-${b.roleId}`} className="mb-8">
      <h2 id={`role-${b.roleId}`} className="mb-1 text-lg font-semibold text-slate-900">
        <Link href={`/roles/${b.roleSlug}`} className="rb-link">
          {b.roleTitle}
        </Link>{" "}
        <span className="text-sm font-normal text-slate-600">{t("peopleCount", { count: b.peopleCount })}</span>
      </h2>
      <h3 id={`summary-${b.roleId}`} className="mt-3 mb-2 text-sm font-semibold text-slate-800">
        {t("summaryHeading")}
      </h3>
      {/* Scrolls sideways on a phone: focusable so a keyboard can scroll it too. Named "Summary" and
          the role, so each role's region has a name of its own. */}
      <div role="region" aria-labelledby={`summary-${b.roleId} role-${b.roleId}`} tabIndex={0} className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="rb-summary w-full min-w-[42rem] divide-y divide-slate-200 text-sm" data-testid={`summary-${b.roleSlug}`}>
          <thead>
            <tr>
              <th scope="col">{t("responsibility")}</th>
              {(["ready", "expiring", "training", "gap"] as const).map((s) => (
                <th key={s} scope="col">
                  <span aria-hidden="true">{CELL_STYLE[s].icon} </span>
                  {t(`state.${s}`)}
                </th>
              ))}
              <th scope="col">{t("canDo")}</th>
            </tr>
          </thead>
          <tbody>
            {b.summary.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.title}</th>
                <td data-count="ready">{r.counts.ready}</td>
                <td data-count="expiring">{r.counts.expiring}</td>
                <td data-count="training">{r.counts.training}</td>
                <td data-count="gap">{r.counts.gap}</td>
                <td>{r.canDo.length ? canDoText(r.canDo) : <span className="text-slate-600">{t("nobody")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {b.capabilities.length === 0 ? (
        <EmptyState>{t("noCapabilities")}</EmptyState>
      ) : (
        <ReadinessMatrix
          roleTitle={b.roleTitle}
          roleSlug={b.roleSlug}
          capabilities={b.capabilities.map((c) => ({ key: c.key, name: c.name }))}
          rows={rowsOf(b)}
          mayAssign={mayAssign}
        />
      )}
    </section>
  ));

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <ButtonLink href={exportHref({ team: teamId, teamName, role: roleId })} variant="secondary">
            {t("exportCsv")}
          </ButtonLink>
        }
      />
      <FilterForm
        action="/readiness"
        submitLabel={t("filter")}
        fields={[
          teamFilterField({
            label: t("team"),
            allLabel: t("allTeams"),
            teams: options.teams,
            teamId,
            teamName,
            current: (id) => readinessTeam(actor, id),
            search: searchReadinessTeamsAction,
          }),
          {
            type: "select",
            name: "role",
            label: t("role"),
            value: roleId ? String(roleId) : "",
            options: [{ value: "", label: t("allRoles") }, ...options.roles.map((x) => ({ value: x.id, label: x.title }))],
          },
        ]}
      />
      <p className="mb-3 text-sm text-slate-600" aria-live="polite">
        {t("count", { count: matrix.total })}
      </p>
      <p className="mb-4 flex flex-wrap gap-3 text-xs text-slate-700">
        {(["ready", "expiring", "training", "gap"] as const).map((s) => (
          <span key={s} className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 ${CELL_STYLE[s].className}`}>
            <span aria-hidden="true">{CELL_STYLE[s].icon}</span>
            {t(`legend.${s}`)}
          </span>
        ))}
      </p>
      {matrix.total === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : mayAssign ? (
        <AssignPanel defaultDue={defaultDueDate(matrix.today)} teamId={teamId} roleId={roleId} gaps={assignable(matrix.blocks)}>
          {blocks}
        </AssignPanel>
      ) : (
        blocks
      )}
      <Pagination
        page={matrix.page}
        pageCount={matrix.pageCount}
        basePath="/readiness"
        params={{ team: teamId ? String(teamId) : undefined, teamName, role: roleId ? String(roleId) : undefined }}
      />
    </div>
  );
}
