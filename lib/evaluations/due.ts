import "server-only";
import { and, asc, count, eq, inArray, max, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { evaluations, jobRoles, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can, evaluableCondition, evaluationsCondition, mayEvaluate } from "@/lib/auth/policy";
import { todayIso } from "@/lib/core/dates";
import { pageOf, type Page } from "@/lib/core/pagination";
import { DRAFT_STATUSES, RELEASED_STATUSES } from "@/lib/evaluations/vocabulary";
import { organisationSettings } from "@/lib/org/settings";
import { addDays, DUE_HORIZON_DAYS, nextDue, type Due, type DueKind, type DueSchedule } from "@/lib/evaluations/due-rule";
import { cappedCount } from "@/lib/core/capped-count";

export { DUE_HORIZON_DAYS, type Due, type DueKind } from "@/lib/evaluations/due-rule";

/** The organisation's schedule (HR's settings on /settings/rating-scale). */
export function dueSchedule(): DueSchedule {
  const s = organisationSettings();
  return { probationDays: s.probationDays, intervalMonths: s.evaluationIntervalMonths };
}

/** Each person's last released evaluation's period end (one grouped scan of the evaluations index). */
function lastReleased() {
  return getDb()
    .select({ personId: evaluations.personId, end: max(evaluations.periodEnd).as("last_end") })
    .from(evaluations)
    .where(inArray(evaluations.status, [...RELEASED_STATUSES]))
    .groupBy(evaluations.personId)
    .as("last_released");
}

/** The due date as SQL, the same rule as `nextDue` (SQLite's 'floor' clamps a month's overflow to its last day). */
function dueExpr(last: ReturnType<typeof lastReleased>, schedule: DueSchedule): SQL<string> {
  return sql<string>`case when ${last.end} is null then date(${people.startDate}, ${`+${schedule.probationDays} days`})
    else date(${last.end}, ${`+${schedule.intervalMonths} months`}, 'floor') end`;
}

export type DueRow = Due & {
  personId: number;
  name: string;
  roleTitle: string | null;
  startDate: string;
  /** The period end of their last released evaluation; null before the first. */
  lastEnd: string | null;
  /** A draft of theirs the actor may open (the latest), if any. */
  draftId: number | null;
};

const PAGE_SIZE = 25;

function dueQuery(actor: Actor, today: string) {
  const schedule = dueSchedule();
  const last = lastReleased();
  const due = dueExpr(last, schedule);
  const horizon = addDays(today, DUE_HORIZON_DAYS);
  const where = and(evaluableCondition(actor), sql`${due} <= ${horizon}`)!;
  return { last, due, where };
}

/**
 * "Evaluations due": the people the actor may evaluate (`evaluableCondition`) whose next evaluation
 * is overdue or due within 30 days, overdue first, then soonest; with the kind due and the latest
 * draft the actor may open. One query for the page (plus its count), whatever the number of people.
 */
export function evaluationsDue(actor: Actor, requestedPage = 1, today = todayIso()): Page<DueRow> {
  authorize(actor, "evaluations.write", { type: "evaluation" });
  const db = getDb();
  const { last, due, where } = dueQuery(actor, today);
  const total = db.select({ n: count() }).from(people).leftJoin(last, eq(last.personId, people.id)).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, requestedPage, PAGE_SIZE);
  const draftId = sql<number | null>`(select max(${evaluations.id}) from ${evaluations}
    where ${evaluations.personId} = ${people.id} and ${inArray(evaluations.status, [...DRAFT_STATUSES])} and ${evaluationsCondition(actor)})`;
  const rows = db
    .select({
      personId: people.id,
      name: people.name,
      roleTitle: jobRoles.title,
      startDate: people.startDate,
      lastEnd: last.end,
      dueDate: due,
      draftId,
    })
    .from(people)
    .leftJoin(last, eq(last.personId, people.id))
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .where(where)
    .orderBy(asc(due), asc(people.name), asc(people.id))
    .limit(PAGE_SIZE)
    .offset(offset)
    .all();
  return {
    rows: rows.map((r) => ({
      ...r,
      lastEnd: r.lastEnd ?? null,
      draftId: r.draftId ?? null,
      kind: (r.lastEnd ? "periodic" : "probation") as DueKind,
      overdue: r.dueDate < today,
    })),
    total,
    page,
    pageCount,
    pageSize: PAGE_SIZE,
  };
}

/**
 * How many evaluations are overdue or due within 30 days for the actor (the navigation's count); 0
 * without evaluations.write (`evaluableCondition` is then false: nobody to evaluate).
 */
export function evaluationsDueCount(actor: Actor, today = todayIso()): number {
  // Nobody to evaluate: no query (the navigation asks on every page).
  if (!can(actor, "evaluations.write")) return 0;
  const { last, where } = dueQuery(actor, today);
  return cappedCount(getDb().select({ one: sql`1` }).from(people).leftJoin(last, eq(last.personId, people.id)).where(where));
}

/** The actor's own next evaluation (for "How I will be evaluated"). */
export function myNextEvaluation(actor: Actor, today = todayIso()): Due | null {
  authorize(actor, "self.read", { type: "person", id: actor.id });
  const db = getDb();
  const me = db.select({ startDate: people.startDate }).from(people).where(eq(people.id, actor.id)).get();
  if (!me) return null;
  const last = db
    .select({ end: max(evaluations.periodEnd) })
    .from(evaluations)
    .where(and(eq(evaluations.personId, actor.id), inArray(evaluations.status, [...RELEASED_STATUSES])))
    .get();
  return nextDue({ startDate: me.startDate, lastReleasedEnd: last?.end ?? null }, dueSchedule(), today);
}

/**
 * After closing an onboarding plan: whether to offer the closer "Start the probation evaluation" of
 * the hire: they may evaluate them, and no probation evaluation of the hire exists yet.
 */
export function offersProbationEvaluation(actor: Actor, personId: number): boolean {
  if (!mayEvaluate(actor, personId)) return false;
  const existing = getDb()
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(and(eq(evaluations.personId, personId), eq(evaluations.kind, "probation")))
    .get();
  return !existing;
}
