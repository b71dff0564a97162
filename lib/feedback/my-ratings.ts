import "server-only";
import { and, count, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { people, ratings, ratingTags } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { mayReadRatingsOf } from "@/lib/auth/feedback-policy";
import { authorize, outOfScope } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/core/errors";
import { todayIso } from "@/lib/core/dates";
import { pageOf, type Page } from "@/lib/core/pagination";
import { bucketOf, trendOf } from "./rating-groups";
import { RATING_TAGS, type RatingSource, type RatingTag } from "./vocabulary";

/*
 * "My feedback" (issue 12, point 4): a person's own customer ratings with their average and the
 * trend per standard over the last 60 or 90 days, and the list of ratings. Never the customer's
 * contact details: no query here selects them (they belong to the follow-up, ./followups.ts).
 */

export const MY_FEEDBACK_PERIODS = [60, 90] as const;
export type MyFeedbackPeriod = (typeof MY_FEEDBACK_PERIODS)[number];
export const MY_RATINGS_PAGE_SIZE = 20;
/** Trend buckets are weeks. */
export const TREND_BUCKET_DAYS = 7;

export type Average = { n: number; average: number | null };
export type StandardSummary = Average & { tag: RatingTag; series: (number | null)[]; trend: "up" | "down" | "steady" | null };
export type RatingsSummary = {
  from: string;
  to: string;
  days: MyFeedbackPeriod;
  overall: Average & { series: (number | null)[]; trend: "up" | "down" | "steady" | null };
  /** The first day of each week of the series, oldest first. */
  weeks: string[];
  standards: StandardSummary[];
};

export type MyRating = {
  id: number;
  stars: number;
  comment: string;
  tags: RatingTag[];
  source: RatingSource;
  createdAt: string;
  createdOn: string;
};

function shift(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const round = (sum: number, n: number) => (n ? Math.round((sum / n) * 100) / 100 : null);

/** Someone's ratings as they may read them: themself (ratings.read) or those who read their ratings (`mayReadRatingsOf`). */
function guard(actor: Actor, personId: number): void {
  authorize(actor, "ratings.read");
  if (mayReadRatingsOf(actor, personId)) return;
  const exists = getDb().select({ id: people.id }).from(people).where(eq(people.id, personId)).get();
  throw exists ? outOfScope(actor, { type: "person", id: personId }, "mayReadRatingsOf") : new NotFoundError("person");
}

/** Average, count and weekly trend, overall and per standard, over the last `days` days up to today. */
export function ratingsSummary(actor: Actor, personId: number, days: MyFeedbackPeriod = 90, now = new Date()): RatingsSummary {
  guard(actor, personId);
  const to = todayIso(now);
  const from = shift(to, -(days - 1));
  const buckets = Math.ceil(days / TREND_BUCKET_DAYS);
  const db = getDb();
  const where = and(eq(ratings.personId, personId), gte(ratings.createdOn, from), lte(ratings.createdOn, to));
  const perDay = db
    .select({ day: ratings.createdOn, n: count(), sum: sql<number>`sum(${ratings.stars})` })
    .from(ratings)
    .where(where)
    .groupBy(ratings.createdOn)
    .all();
  const perTagDay = db
    .select({ tag: ratingTags.tag, day: ratings.createdOn, n: count(), sum: sql<number>`sum(${ratings.stars})` })
    .from(ratingTags)
    .innerJoin(ratings, eq(ratings.id, ratingTags.ratingId))
    .where(where)
    .groupBy(ratingTags.tag, ratings.createdOn)
    .all();

  const series = (rows: { day: string; n: number; sum: number }[]) => {
    const n = Array<number>(buckets).fill(0);
    const s = Array<number>(buckets).fill(0);
    for (const r of rows) {
      const b = bucketOf(r.day, to, TREND_BUCKET_DAYS, buckets);
      if (b == null) continue;
      n[b]! += r.n;
      s[b]! += r.sum;
    }
    return n.map((k, i) => round(s[i]!, k));
  };
  const totals = (rows: { n: number; sum: number }[]) => {
    const n = rows.reduce((a, r) => a + r.n, 0);
    return { n, average: round(rows.reduce((a, r) => a + r.sum, 0), n) };
  };
  const overallSeries = series(perDay);
  const standards = RATING_TAGS.map((tag) => {
    const rows = perTagDay.filter((r) => r.tag === tag);
    const s = series(rows);
    return { tag, ...totals(rows), series: s, trend: trendOf(s) };
  }).filter((s) => s.n > 0);
  const weeks = Array.from({ length: buckets }, (_, i) => shift(to, -((buckets - i) * TREND_BUCKET_DAYS - 1)));
  return { from, to, days, overall: { ...totals(perDay), series: overallSeries, trend: trendOf(overallSeries) }, weeks, standards };
}

/** One page of someone's ratings, newest first, with their tags; never the contact details. */
export function listRatingsOf(actor: Actor, personId: number, opts: { page?: number } = {}): Page<MyRating> {
  guard(actor, personId);
  const db = getDb();
  const where = eq(ratings.personId, personId);
  const total = db.select({ n: count() }).from(ratings).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, MY_RATINGS_PAGE_SIZE);
  const rows = db
    .select({ id: ratings.id, stars: ratings.stars, comment: ratings.comment, source: ratings.source, createdAt: ratings.createdAt, createdOn: ratings.createdOn })
    .from(ratings)
    .where(where)
    .orderBy(desc(ratings.createdAt), desc(ratings.id))
    .limit(MY_RATINGS_PAGE_SIZE)
    .offset(offset)
    .all();
  const tags = tagsOf(rows.map((r) => r.id));
  return { rows: rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] })), total, page, pageCount, pageSize: MY_RATINGS_PAGE_SIZE };
}

/** The tags of some ratings, in the vocabulary's order. */
export function tagsOf(ids: number[]): Map<number, RatingTag[]> {
  const out = new Map<number, RatingTag[]>();
  if (!ids.length) return out;
  const rows = getDb().select({ id: ratingTags.ratingId, tag: ratingTags.tag }).from(ratingTags).where(inArray(ratingTags.ratingId, ids)).all();
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.tag]);
  for (const [id, list] of out) out.set(id, [...list].sort((a, b) => RATING_TAGS.indexOf(a) - RATING_TAGS.indexOf(b)));
  return out;
}
