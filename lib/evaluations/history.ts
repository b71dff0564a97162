import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { evaluationRatings, evaluations, people, ratingLevels } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { evaluationsCondition, mayEvaluate, maySeePerson, personNotVisible } from "@/lib/auth/policy";
import { pageOf, type Page } from "@/lib/core/pagination";
import { parseCriteria } from "@/lib/evaluations/criteria";
import { RELEASED_STATUSES, type EvaluationKind, type EvaluationStatus, type Outcome } from "@/lib/evaluations/vocabulary";

export const HISTORY_PAGE_SIZE = 10;
/** How many of the latest released evaluations a trend covers (one or two a year: a decade and more). */
export const TREND_EVALUATIONS = 12;

const author = alias(people, "author");

/** The person's released evaluations that the actor may see (never a draft). */
function releasedOf(actor: Actor, personId: number) {
  return and(eq(evaluations.personId, personId), inArray(evaluations.status, [...RELEASED_STATUSES]), evaluationsCondition(actor))!;
}

/** The person themself, or someone whose people scope holds them; anyone else: NotFoundError (audited). */
function assertPersonVisible(actor: Actor, personId: number): void {
  if (personId !== actor.id && !maySeePerson(actor, personId)) throw personNotVisible(actor, personId);
}

/**
 * Whether a person page shows the actor an "Evaluations" section for this person: they may see at
 * least one of the person's released evaluations, or may evaluate them. Writes nothing (a page asks
 * it for every visitor; the buddy and peers simply get no section).
 */
export function evaluationHistoryShown(actor: Actor, personId: number): { shown: boolean; mayStart: boolean } {
  const mayStart = mayEvaluate(actor, personId);
  if (mayStart) return { shown: true, mayStart };
  // evaluationsCondition alone decides: someone who may not see the person sees none of their evaluations.
  const one = getDb().select({ id: evaluations.id }).from(evaluations).where(releasedOf(actor, personId)).limit(1).get();
  return { shown: Boolean(one), mayStart };
}

export type HistoryRow = {
  id: number;
  kind: EvaluationKind;
  periodStart: string;
  periodEnd: string;
  authorName: string | null;
  releasedAt: string | null;
  status: EvaluationStatus;
  outcome: Outcome | null;
};

/**
 * A person's released evaluations that the actor may see, newest period first, one page at a time.
 * The person sees their own; someone who may not see the person gets NotFoundError.
 */
export function evaluationHistory(actor: Actor, personId: number, opts: { page?: number } = {}): Page<HistoryRow> {
  assertPersonVisible(actor, personId);
  const db = getDb();
  const where = releasedOf(actor, personId);
  const total = db.select({ n: count() }).from(evaluations).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, HISTORY_PAGE_SIZE);
  const rows = db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      periodStart: evaluations.periodStart,
      periodEnd: evaluations.periodEnd,
      authorName: author.name,
      releasedAt: evaluations.releasedAt,
      status: evaluations.status,
      outcome: evaluations.outcome,
    })
    .from(evaluations)
    .leftJoin(author, eq(author.id, evaluations.authorId))
    .where(where)
    .orderBy(desc(evaluations.periodEnd), desc(evaluations.id))
    .limit(HISTORY_PAGE_SIZE)
    .offset(offset)
    .all();
  return { rows, total, page, pageCount, pageSize: HISTORY_PAGE_SIZE };
}

export type TrendPoint = {
  evaluationId: number;
  periodEnd: string;
  /** The average level position (1…scaleSize) of the author's ratings on this responsibility's criteria. */
  average: number;
  /** How many criteria were rated. */
  rated: number;
};

export type RatingTrend = {
  responsibilityKey: string;
  /** The responsibility's title in the latest evaluation that has it. */
  title: string;
  /** Oldest first. */
  points: TrendPoint[];
};

export type RatingTrends = { scaleSize: number; trends: RatingTrend[] };

/**
 * Per responsibility (followed by its stable key across role versions), how the author's rating
 * moved over the person's released evaluations that the actor may see: two queries (the
 * evaluations, then the averages grouped by evaluation and responsibility), never one per evaluation.
 */
export function ratingTrends(actor: Actor, personId: number): RatingTrends {
  assertPersonVisible(actor, personId);
  const db = getDb();
  const scaleSize = db.select({ n: count() }).from(ratingLevels).get()?.n ?? 0;
  // The latest ones, read back oldest first.
  const evs = db
    .select({ id: evaluations.id, periodEnd: evaluations.periodEnd, criteria: evaluations.criteria })
    .from(evaluations)
    .where(releasedOf(actor, personId))
    .orderBy(desc(evaluations.periodEnd), desc(evaluations.id))
    .limit(TREND_EVALUATIONS)
    .all()
    .reverse();
  if (!evs.length) return { scaleSize, trends: [] };
  const averages = db
    .select({
      evaluationId: evaluationRatings.evaluationId,
      responsibilityKey: evaluationRatings.responsibilityKey,
      average: sql<number>`avg(${ratingLevels.position})`.mapWith(Number),
      rated: count(),
    })
    .from(evaluationRatings)
    .innerJoin(ratingLevels, eq(ratingLevels.id, evaluationRatings.levelId))
    .where(
      and(
        inArray(
          evaluationRatings.evaluationId,
          evs.map((e) => e.id),
        ),
        eq(evaluationRatings.source, "author"),
        isNotNull(evaluationRatings.levelId),
      ),
    )
    .groupBy(evaluationRatings.evaluationId, evaluationRatings.responsibilityKey)
    .orderBy(asc(evaluationRatings.evaluationId))
    .all();

  // Titles and first-seen order from the frozen criteria, the latest evaluation's wording winning.
  const titles = new Map<string, string>();
  for (const e of evs) for (const r of parseCriteria(e.criteria).responsibilities) titles.set(r.key, r.title);
  const byKey = new Map<string, TrendPoint[]>();
  const order = new Map(evs.map((e, i) => [e.id, i]));
  for (const a of averages) {
    const ev = evs[order.get(a.evaluationId)!];
    const points = byKey.get(a.responsibilityKey) ?? [];
    points.push({ evaluationId: a.evaluationId, periodEnd: ev.periodEnd, average: a.average, rated: a.rated });
    byKey.set(a.responsibilityKey, points);
  }
  const trends = [...titles.keys()]
    .filter((key) => byKey.has(key))
    .map((key) => ({
      responsibilityKey: key,
      title: titles.get(key)!,
      points: byKey.get(key)!.sort((x, y) => order.get(x.evaluationId)! - order.get(y.evaluationId)!),
    }));
  return { scaleSize, trends };
}
