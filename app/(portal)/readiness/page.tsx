import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button-link";
import { FilterForm } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { defaultDueDate, readinessFilterOptions, readinessMatrix, type MatrixCell } from "@/lib/capability/readiness";
import type { CellState } from "@/lib/capability/vocabulary";
import { formatDay } from "@/lib/core/format-dates";
import { found, optionalIdParam, pageParam } from "@/lib/core/page";
import { AssignGap, AssignPanel } from "./_components/assign";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("readiness");
  return { title: t("title") };
}

type Search = { team?: string; role?: string; page?: string };

/** Icon, colours and label per cell state: never colour alone. */
const CELL_STYLE: Record<CellState, { icon: string; className: string }> = {
  ready: { icon: "✓", className: "border-green-300 bg-green-50 text-green-900" },
  expiring: { icon: "!", className: "border-amber-300 bg-amber-50 text-amber-900" },
  training: { icon: "→", className: "border-sky-300 bg-sky-50 text-sky-900" },
  gap: { icon: "✗", className: "border-red-300 bg-red-50 text-red-900" },
};

function exportHref(params: { team?: number; role?: number }): string {
  const q = new URLSearchParams();
  if (params.team) q.set("team", String(params.team));
  if (params.role) q.set("role", String(params.role));
  const s = q.toString();
  return s ? `/readiness/export.csv?${s}` : "/readiness/export.csv";
}

export default async function ReadinessPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const teamId = optionalIdParam(sp.team);
  const roleId = optionalIdParam(sp.role);
  const matrix = found(() => readinessMatrix(actor, { teamId, roleId, page: pageParam(sp.page) }));
  const options = readinessFilterOptions(actor);
  const t = await getTranslations("readiness");
  const format = await getFormatter();
  const mayAssign = can(actor, "training.assign");

  const cell = (c: MatrixCell | undefined, person: { id: number; name: string }, capability: { key: string; name: string }) => {
    const state: CellState = c?.cell ?? "gap";
    const style = CELL_STYLE[state];
    return (
      <td key={capability.key} className="border-l border-slate-100 px-2 py-2 align-top" data-state={state} data-capability={capability.key}>
        <span className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium ${style.className}`}>
          <span aria-hidden="true">{style.icon}</span>
          {t(`state.${state}`)}
        </span>
        {c?.holding.until && (state === "ready" || state === "expiring") ? (
          <span className="block text-xs text-slate-600">{t("until", { date: formatDay(format, c.holding.until) })}</span>
        ) : null}
        {c?.holding.state === "lapsed" ? <span className="block text-xs text-slate-600">{t("lapsed")}</span> : null}
        {state === "gap" && mayAssign ? (
          <AssignGap personId={person.id} personName={person.name} capabilityKey={capability.key} capabilityName={capability.name} courses={c?.courses ?? []} />
        ) : null}
      </td>
    );
  };

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
      {/* Scrolls sideways on a phone: focusable so a keyboard can scroll it too. */}
      <div role="region" aria-labelledby={`summary-${b.roleId}`} tabIndex={0} className="mb-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[42rem] divide-y divide-slate-200 text-sm" data-testid={`summary-${b.roleSlug}`}>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
            <tr>
              <th scope="col" className="min-w-44 px-3 py-2">
                {t("responsibility")}
              </th>
              {(["ready", "expiring", "training", "gap"] as const).map((s) => (
                <th key={s} scope="col" className="whitespace-nowrap px-3 py-2 text-right">
                  <span aria-hidden="true">{CELL_STYLE[s].icon} </span>
                  {t(`state.${s}`)}
                </th>
              ))}
              <th scope="col" className="px-3 py-2">
                {t("canDo")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {b.summary.map((r) => (
              <tr key={r.key} data-responsibility={r.title}>
                <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                  {r.title}
                </th>
                <td className="px-3 py-2 text-right tabular-nums" data-count="ready">{r.counts.ready}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-count="expiring">{r.counts.expiring}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-count="training">{r.counts.training}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-count="gap">{r.counts.gap}</td>
                <td className="px-3 py-2 text-slate-800">{r.canDo.length ? r.canDo.map((p) => p.name).join(", ") : <span className="text-slate-600">{t("nobody")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {b.capabilities.length === 0 ? (
        <EmptyState>{t("noCapabilities")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid={`matrix-${b.roleSlug}`}>
            <caption className="sr-only">{t("matrixCaption", { role: b.roleTitle })}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
              <tr>
                <th scope="col" className="sticky left-0 min-w-40 bg-slate-50 px-3 py-2">
                  {t("person")}
                </th>
                {b.capabilities.map((c) => (
                  <th key={c.key} scope="col" className="min-w-36 border-l border-slate-100 px-2 py-2 align-bottom font-medium">
                    <Link href={`/capabilities/${encodeURIComponent(c.key)}`} className="rb-link">
                      {c.name}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {b.people.map((p) => (
                <tr key={p.id} data-person={p.name}>
                  <th scope="row" className="sticky left-0 min-w-40 bg-white px-3 py-2 text-left align-top font-medium">
                    <Link href={`/people/${p.id}/capability`} className="rb-link">
                      {p.name}
                    </Link>
                    {p.teamName ? <span className="block text-xs font-normal text-slate-600">{p.teamName}</span> : null}
                  </th>
                  {b.capabilities.map((c) => cell(p.cells[c.key], p, c))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  ));

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <ButtonLink href={exportHref({ team: teamId, role: roleId })} variant="secondary">
            {t("exportCsv")}
          </ButtonLink>
        }
      />
      <FilterForm
        action="/readiness"
        submitLabel={t("filter")}
        fields={[
          {
            type: "select",
            name: "team",
            label: t("team"),
            value: teamId ? String(teamId) : "",
            options: [{ value: "", label: t("allTeams") }, ...options.teams.map((x) => ({ value: x.id, label: x.name }))],
          },
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
        <AssignPanel defaultDue={defaultDueDate(matrix.today)} teamId={teamId} roleId={roleId}>
          {blocks}
        </AssignPanel>
      ) : (
        blocks
      )}
      <Pagination
        page={matrix.page}
        pageCount={matrix.pageCount}
        basePath="/readiness"
        params={{ team: teamId ? String(teamId) : undefined, role: roleId ? String(roleId) : undefined }}
      />
    </div>
  );
}
