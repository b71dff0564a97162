import "server-only";
import { and, asc, count, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobRoles, pulseAnswers, responsibilities, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, mayEditRole, outOfScope } from "@/lib/auth/policy";
import { clarityRolesCondition } from "@/lib/auth/confidence-policy";
import { PULSE_ITEMS, type PulseItem } from "@/lib/confidence/vocabulary";
import { todayIso } from "@/lib/core/dates";
import { NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { organisationSettings } from "@/lib/org/settings";
import { groupShown, suppress } from "@/lib/pulse/groups";

/**
 * Role-clarity results (issue 10, points 7 and 8): what managers and HR see of the anonymous pulse
 * answers. Only whole calendar months that have ended are shown (see lib/pulse/groups.ts for why),
 * and only groups that reach the organisation's minimum (`pulseMinGroup`); a team breakdown follows
 * the suppression rule of lib/pulse/groups.ts. Roles: `clarityRolesCondition` (HR every role, a
 * manager the roles held below them and the roles they own); any other role is "not found".
 *
 * The headline is the last `HEADLINE_MONTHS` ended months together, so that small roles (a few
 * people answering each month) still reach the minimum. Shown beside its months, it is their parent
 * in time: a month of those three is shown only when `suppress(total, months, min)` lets it, so no
 * month can be worked out as the total minus the months shown (a hidden month is "withheld", even if
 * it alone reaches the minimum). Months older than the three keep the plain per-month rule. The
 * team breakdown of the three months is the headline's; their months are not broken down by team
 * apart, since a team's three-month group minus its shown month would reveal the team's other months.
 */

export const CLARITY_PAGE_SIZE = 20;
export const OVERVIEW_MONTHS = 6;
export const ROLE_MONTHS = 6;
/** The headline period: the last three ended months together. */
export const HEADLINE_MONTHS = 3;

/** Each item's mean score (1–5, one decimal). */
export type ItemMeans = Record<PulseItem, number>;

/**
 * One role's answers in one month: numbers only when the group may be shown. `withheld`: a month of
 * the headline period kept back although the headline shows (it could be subtracted from it).
 */
export type MonthResult = { month: string; shown: boolean; n: number | null; means: ItemMeans | null; withheld: boolean };

/** One role's answers over the headline period (the last three ended months), oldest month first. */
export type HeadlineResult = { months: string[]; shown: boolean; n: number | null; means: ItemMeans | null };

/** The `months` whole months before the current one, oldest first ("YYYY-MM"). */
export function closedMonths(months: number, today = todayIso()): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < months; i++) {
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    out.unshift(`${y}-${String(m).padStart(2, "0")}`);
  }
  return out;
}

export type Sums = { n: number } & Record<PulseItem, number>;

const sumColumns = {
  n: count(),
  expected: sql<number>`sum(${pulseAnswers.expected})`.mapWith(Number),
  how: sql<number>`sum(${pulseAnswers.how})`.mapWith(Number),
  wrong: sql<number>`sum(${pulseAnswers.wrong})`.mapWith(Number),
  judged: sql<number>`sum(${pulseAnswers.judged})`.mapWith(Number),
  resources: sql<number>`sum(${pulseAnswers.resources})`.mapWith(Number),
};

function addSums(a: Sums, b: Sums): Sums {
  const out = { n: a.n + b.n } as Sums;
  for (const item of PULSE_ITEMS) out[item] = a[item] + b[item];
  return out;
}

const zero = (): Sums => ({ n: 0, expected: 0, how: 0, wrong: 0, judged: 0, resources: 0 });

function means(s: Sums): ItemMeans {
  const out = {} as ItemMeans;
  for (const item of PULSE_ITEMS) out[item] = Math.round((s[item] / s.n) * 10) / 10;
  return out;
}

function monthResult(month: string, s: Sums | undefined, min: number): MonthResult {
  if (!s || !groupShown(s.n, min)) return { month, shown: false, n: null, means: null, withheld: false };
  return { month, shown: true, n: s.n, means: means(s), withheld: false };
}

/**
 * The headline and the months of a window (oldest first, ending with the headline's months) under
 * the time rule of the module comment. `sumsOf` gives a month's sums (undefined: no answers).
 */
export function underTime(months: string[], sumsOf: (month: string) => Sums | undefined, min: number): { headline: HeadlineResult; headlineSums: Sums; months: MonthResult[] } {
  const recent = months.slice(-HEADLINE_MONTHS);
  const total = recent.reduce((acc, m) => addSums(acc, sumsOf(m) ?? zero()), zero());
  const decision = suppress(total.n, recent.map((m) => ({ key: m, n: sumsOf(m)?.n ?? 0 })), min);
  const headline: HeadlineResult = decision.parentShown ? { months: recent, shown: true, n: total.n, means: means(total) } : { months: recent, shown: false, n: null, means: null };
  const results = months.map((m): MonthResult => {
    if (!recent.includes(m)) return monthResult(m, sumsOf(m), min);
    if (decision.shown.includes(m)) return monthResult(m, sumsOf(m), min);
    return { month: m, shown: false, n: null, means: null, withheld: decision.parentShown };
  });
  return { headline, headlineSums: total, months: results };
}

// ---------- The overview ----------

export type ClarityRoleRow = {
  id: number;
  slug: string;
  title: string;
  /** The last three ended months together. */
  headline: HeadlineResult;
  /** The window's months, oldest first, under the time rule (the last three are the headline's). */
  months: MonthResult[];
  /** Some answers in the headline's months (even if they do not reach the minimum). */
  anyAnswers: boolean;
};

export type ClarityOverview = Page<ClarityRoleRow> & { minGroup: number; months: string[] };

/** The roles in the actor's clarity scope, a page at a time, each with its last months' results. */
export function clarityOverview(actor: Actor, opts: { months?: number; page?: number } = {}): ClarityOverview {
  authorize(actor, "clarity.read", { type: "job_role" });
  const db = getDb();
  const min = organisationSettings().pulseMinGroup;
  const months = closedMonths(Math.min(Math.max(HEADLINE_MONTHS, opts.months ?? OVERVIEW_MONTHS), 24));
  const scope = clarityRolesCondition(actor);
  const total = db.select({ n: count() }).from(jobRoles).where(scope).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, CLARITY_PAGE_SIZE);
  const roles = db
    .select({ id: jobRoles.id, slug: jobRoles.slug, title: jobRoles.title })
    .from(jobRoles)
    .where(scope)
    .orderBy(asc(jobRoles.title), asc(jobRoles.id))
    .limit(CLARITY_PAGE_SIZE)
    .offset(offset)
    .all();
  const sums = roles.length
    ? db
        .select({ jobRoleId: pulseAnswers.jobRoleId, month: pulseAnswers.month, ...sumColumns })
        .from(pulseAnswers)
        .where(and(inArray(pulseAnswers.jobRoleId, roles.map((r) => r.id)), gte(pulseAnswers.month, months[0]!), lt(pulseAnswers.month, nextMonth(months.at(-1)!))))
        .groupBy(pulseAnswers.jobRoleId, pulseAnswers.month)
        .all()
    : [];
  const byKey = new Map(sums.map((s) => [`${s.jobRoleId}:${s.month}`, s]));
  const rows = roles.map((r) => {
    const t = underTime(months, (m) => byKey.get(`${r.id}:${m}`), min);
    return { ...r, headline: t.headline, months: t.months, anyAnswers: t.headlineSums.n > 0 };
  });
  return { rows, total, page, pageCount, pageSize: CLARITY_PAGE_SIZE, minGroup: min, months };
}

function nextMonth(month: string): string {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) + 1;
  if (m === 13) {
    m = 1;
    y += 1;
  }
  return `${y}-${String(m).padStart(2, "0")}`;
}

// ---------- One role ----------

/** A group in a month's team breakdown: one team, answers without a team, or small teams merged. */
export type TeamGroup = { kind: "team"; name: string; n: number; means: ItemMeans } | { kind: "noTeam"; n: number; means: ItemMeans } | { kind: "other"; names: (string | null)[]; n: number; means: ItemMeans };

/** A group's breakdown by team and its least-clear counts. */
type Breakdown = {
  /** The breakdown by team (empty when the group is hidden or no team may be shown apart). */
  teams: TeamGroup[];
  /** Some answers of a shown group belong to teams too small to show, even merged. */
  breakdownWithheld: boolean;
  /** How often each responsibility (by key) was named least clear; null when the group is hidden. */
  leastClear: Record<string, number> | null;
};

/** A month of the headline period has no team breakdown of its own: it is the headline's. */
export type RoleMonth = MonthResult & Breakdown & { inHeadline: boolean };

export type RoleHeadline = HeadlineResult & Breakdown;

export type ClarityForRole = {
  role: { id: number; slug: string; title: string };
  minGroup: number;
  /** The last three ended months together. */
  headline: RoleHeadline;
  /** Oldest first, under the time rule. */
  months: RoleMonth[];
  /** The responsibilities of the role's current version, in order, each with where to rewrite it. */
  responsibilities: { key: string; title: string; href: string }[];
  /** The actor may edit the role: the links open the editor at the responsibility. */
  mayEdit: boolean;
};

/** One role's results per month and team, and the least-clear heatmap. `role`: its id or slug. */
export function clarityForRole(actor: Actor, role: { id: number } | { slug: string }, opts: { months?: number } = {}): ClarityForRole {
  authorize(actor, "clarity.read", { type: "job_role", id: "id" in role ? role.id : role.slug });
  const db = getDb();
  const which = "id" in role ? eq(jobRoles.id, role.id) : eq(jobRoles.slug, role.slug);
  const row = db.select({ id: jobRoles.id, slug: jobRoles.slug, title: jobRoles.title }).from(jobRoles).where(and(which, clarityRolesCondition(actor))).get();
  if (!row) {
    const exists = db.select({ id: jobRoles.id }).from(jobRoles).where(which).get();
    throw exists ? outOfScope(actor, { type: "job_role", id: exists.id }, "clarityRolesCondition") : new NotFoundError("job role");
  }
  const min = organisationSettings().pulseMinGroup;
  const months = closedMonths(Math.min(Math.max(HEADLINE_MONTHS, opts.months ?? ROLE_MONTHS), 24));
  const window = and(eq(pulseAnswers.jobRoleId, row.id), gte(pulseAnswers.month, months[0]!), lt(pulseAnswers.month, nextMonth(months.at(-1)!)));
  const teamSums = db
    .select({ month: pulseAnswers.month, teamId: pulseAnswers.teamId, teamName: teams.name, ...sumColumns })
    .from(pulseAnswers)
    .leftJoin(teams, eq(teams.id, pulseAnswers.teamId))
    .where(window)
    .groupBy(pulseAnswers.month, pulseAnswers.teamId)
    .all();
  const named = db
    .select({ month: pulseAnswers.month, key: pulseAnswers.leastClearKey, n: count() })
    .from(pulseAnswers)
    .where(and(window, sql`${pulseAnswers.leastClearKey} is not null`))
    .groupBy(pulseAnswers.month, pulseAnswers.leastClearKey)
    .all();
  const resp = db
    .select({ key: responsibilities.key, title: responsibilities.title })
    .from(responsibilities)
    .where(eq(responsibilities.jobRoleId, row.id))
    .orderBy(asc(responsibilities.position))
    .all();
  const mayEdit = mayEditRole(actor, row.id);

  type TeamSums = (typeof teamSums)[number];
  const keyOf = (g: { teamId: number | null }) => (g.teamId == null ? "none" : String(g.teamId));
  /** The team breakdown of a shown group (its answers per team), under the suppression rule. */
  const breakdown = (groups: TeamSums[], total: Sums): Pick<Breakdown, "teams" | "breakdownWithheld"> => {
    const decision = suppress(total.n, groups.map((g) => ({ key: keyOf(g), n: g.n })), min);
    const byKey = new Map(groups.map((g) => [keyOf(g), g]));
    const teamsOut: TeamGroup[] = decision.shown.map((k) => {
      const g = byKey.get(k)!;
      return g.teamId == null ? { kind: "noTeam", n: g.n, means: means(g) } : { kind: "team", name: g.teamName ?? "", n: g.n, means: means(g) };
    });
    if (decision.merged) {
      const merged = decision.merged.map((k) => byKey.get(k)!);
      const s = merged.reduce((acc, g) => addSums(acc, g), zero());
      teamsOut.push({ kind: "other", names: merged.map((g) => (g.teamId == null ? null : (g.teamName ?? ""))), n: s.n, means: means(s) });
    }
    return { teams: teamsOut, breakdownWithheld: decision.hidden.length > 0 };
  };
  const leastClearIn = (inMonths: string[]) => {
    const out: Record<string, number> = {};
    for (const x of named) if (x.key && inMonths.includes(x.month)) out[x.key] = (out[x.key] ?? 0) + x.n;
    return out;
  };
  const monthTotal = (month: string) => {
    const total = teamSums.filter((s) => s.month === month).reduce((acc, g) => addSums(acc, g), zero());
    return total.n ? total : undefined;
  };

  const timed = underTime(months, monthTotal, min);
  const recent = timed.headline.months;
  let headline: RoleHeadline = { ...timed.headline, teams: [], breakdownWithheld: false, leastClear: null };
  if (timed.headline.shown) {
    // The three months' answers per team, summed here from the month × team rows.
    const perTeam = new Map<string, TeamSums>();
    for (const g of teamSums) {
      if (!recent.includes(g.month)) continue;
      const had = perTeam.get(keyOf(g));
      perTeam.set(keyOf(g), had ? { ...had, ...addSums(had, g) } : g);
    }
    headline = { ...headline, ...breakdown([...perTeam.values()], timed.headlineSums), leastClear: leastClearIn(recent) };
  }

  const result = timed.months.map((m): RoleMonth => {
    const inHeadline = recent.includes(m.month);
    if (!m.shown) return { ...m, inHeadline, teams: [], breakdownWithheld: false, leastClear: null };
    const split = inHeadline ? { teams: [], breakdownWithheld: false } : breakdown(teamSums.filter((s) => s.month === m.month), monthTotal(m.month)!);
    return { ...m, inHeadline, ...split, leastClear: leastClearIn([m.month]) };
  });

  const href = (key: string) => (mayEdit ? `/roles/${row.slug}/edit#resp-${key}` : `/roles/${row.slug}#r-${key}`);
  return { role: row, minGroup: min, headline, months: result, responsibilities: resp.map((r) => ({ ...r, href: href(r.key) })), mayEdit };
}
