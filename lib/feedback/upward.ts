import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, avg, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobRoles, people, upwardAnswers, upwardGiven } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { leadsAnyone, mayGiveUpward, upwardLeadersCondition } from "@/lib/auth/feedback-policy";
import { authorize, outOfScope } from "@/lib/auth/policy";
import { todayIso } from "@/lib/core/dates";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { randomRowid } from "./anonymous-rows";
import { quarterOf } from "./due";
import { UPWARD_CLARITY, UPWARD_ITEMS, UPWARD_MIN_GROUP, UPWARD_WARMTH, type UpwardItem } from "./vocabulary";

/*
 * Upward feedback to one's leader (issue 12, point 8), anonymous in the sense of the concerns board
 * and the pulse: `upward_given` marks only that a person answered for a leader in a quarter (so a
 * second answer is refused); the answer itself (`upward_answers`) has no author column, a UUIDv4
 * id and the day only. Both tables keep SQLite's hidden rowid (db/schema/feedback.ts), so each row
 * is inserted with a random rowid: the insertion order, which would line the given marks up with
 * the answers, is not kept either. Nothing here audits, notifies or logs.
 */

export const UPWARD_SCALE = [1, 2, 3, 4, 5] as const;

function isScore(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5;
}

export type UpwardLeader = { id: number; name: string; roleTitle: string | null; answeredThisPeriod: boolean };

/** The leaders the actor may give feedback to (their supervisor, their team's manager), with whether they already did this quarter. */
export function myUpwardLeaders(actor: Actor, now = new Date()): { period: string; leaders: UpwardLeader[] } {
  authorize(actor, "upward.give", { type: "upward_answer" });
  const period = quarterOf(todayIso(now));
  const leaders = getDb()
    .select({ id: people.id, name: people.name, roleTitle: jobRoles.title, given: upwardGiven.period })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .leftJoin(upwardGiven, and(eq(upwardGiven.leaderId, people.id), eq(upwardGiven.personId, actor.id), eq(upwardGiven.period, period)))
    .where(upwardLeadersCondition(actor))
    .orderBy(asc(people.name), asc(people.id))
    .limit(20)
    .all();
  return { period, leaders: leaders.map((l) => ({ id: l.id, name: l.name, roleTitle: l.roleTitle, answeredThisPeriod: l.given != null })) };
}

export type UpwardInput = { leaderId: number; scores: Partial<Record<UpwardItem, unknown>> };

/**
 * Answers upward feedback for one of the actor's leaders, once per quarter. Every item needs a
 * whole number 1…5. In one transaction: the quarter is marked answered for this leader and the
 * anonymous answer is stored (leader, quarter, day, scores).
 */
export function giveUpward(actor: Actor, input: UpwardInput, now = new Date()): { given: true } {
  authorize(actor, "upward.give", { type: "upward_answer" });
  if (!mayGiveUpward(actor, input.leaderId)) {
    const exists = getDb().select({ id: people.id }).from(people).where(eq(people.id, input.leaderId)).get();
    if (exists) throw outOfScope(actor, { type: "person", id: input.leaderId }, "upwardLeadersCondition");
    throw new NotFoundError("person");
  }
  const errors: Record<string, string> = {};
  const scores = {} as Record<UpwardItem, number>;
  for (const item of UPWARD_ITEMS) {
    const v = input.scores[item];
    if (v === undefined || v === null || v === "") errors[item] = "upward.chooseAnswer";
    else if (!isScore(v)) errors[item] = "upward.outOfScale";
    else scores[item] = v;
  }
  if (Object.keys(errors).length) throw new FieldError(errors);
  const day = todayIso(now);
  const period = quarterOf(day);
  getDb().transaction(
    (tx) => {
      const marked = tx.run(
        sql`insert into upward_given (rowid, person_id, leader_id, period) values (${randomRowid()}, ${actor.id}, ${input.leaderId}, ${period}) on conflict do nothing`,
      );
      if (marked.changes !== 1) throw new FieldError({ _form: "upward.alreadyGiven" });
      tx.run(
        sql`insert into upward_answers (rowid, id, leader_id, period, created_on, greets, listens, recognises, approachable, expectations, explains, feedback)
          values (${randomRowid()}, ${randomUUID()}, ${input.leaderId}, ${period}, ${day}, ${scores.greets}, ${scores.listens}, ${scores.recognises}, ${scores.approachable},
            ${scores.expectations}, ${scores.explains}, ${scores.feedback})`,
      );
    },
    { behavior: "immediate" },
  );
  return { given: true };
}

export type UpwardPeriodResult =
  | { period: string; shown: false }
  | { period: string; shown: true; answers: number; items: Record<UpwardItem, number>; warmth: number; clarity: number };

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Pure: a quarter's result, shown only when at least `UPWARD_MIN_GROUP` people answered (never how many below that). */
export function periodResult(period: string, n: number, items: Record<UpwardItem, number>): UpwardPeriodResult {
  if (n < UPWARD_MIN_GROUP) return { period, shown: false };
  return { period, shown: true, answers: n, items, warmth: mean(UPWARD_WARMTH.map((i) => items[i])), clarity: mean(UPWARD_CLARITY.map((i) => items[i])) };
}

export const UPWARD_PERIODS_PAGE_SIZE = 8;

/** Whether the actor leads anyone (and so has upward results to read). */
export function hasUpwardResults(actor: Actor): boolean {
  authorize(actor, "upward.give", { type: "upward_answer" });
  return leadsAnyone(actor);
}

/**
 * The actor's own upward feedback per quarter, newest first (the query reads only answers about
 * the actor: nobody reads another leader's results): per-item averages and the warmth and
 * clarity summaries for quarters where at least 5 people answered; the others only say so.
 */
export function myUpwardResults(actor: Actor, opts: { page?: number } = {}): Page<UpwardPeriodResult> {
  authorize(actor, "upward.give", { type: "upward_answer" });
  const db = getDb();
  const where = eq(upwardAnswers.leaderId, actor.id);
  const total = db.select({ n: sql<number>`count(distinct ${upwardAnswers.period})` }).from(upwardAnswers).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, UPWARD_PERIODS_PAGE_SIZE);
  const averages = Object.fromEntries(UPWARD_ITEMS.map((i) => [i, avg(upwardAnswers[i])]));
  const rows = db
    .select({ period: upwardAnswers.period, n: count(), ...averages })
    .from(upwardAnswers)
    .where(where)
    .groupBy(upwardAnswers.period)
    .orderBy(desc(upwardAnswers.period))
    .limit(UPWARD_PERIODS_PAGE_SIZE)
    .offset(offset)
    .all() as ({ period: string; n: number } & Record<UpwardItem, string | number | null>)[];
  return {
    rows: rows.map((r) => periodResult(r.period, r.n, Object.fromEntries(UPWARD_ITEMS.map((i) => [i, Number(r[i])])) as Record<UpwardItem, number>)),
    total,
    page,
    pageCount,
    pageSize: UPWARD_PERIODS_PAGE_SIZE,
  };
}
