import "server-only";
import { and, asc, count, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { evaluationEntries, evaluations, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can, evaluationAuthorBelow, evaluationsCondition } from "@/lib/auth/policy";
import { pageOf, type Page } from "@/lib/core/pagination";
import { AWAITING_REPLY } from "./conversation-state";
import type { EvaluationStatus } from "./vocabulary";

/*
 * What waits on whom after release: questions and disagreements for the author to reply to, those
 * left unanswered by the people below the reader ("their managers see unanswered ones"), and kept
 * disagreements for the reviewer. The page /evaluations/waiting and its count.
 */

const person = alias(people, "ev_person");
const author = alias(people, "ev_author");
const reviewer = alias(people, "ev_reviewer");

export type WaitingReason = "reply" | "review" | "below";
export type WaitingRow = {
  id: number;
  status: EvaluationStatus;
  person: { id: number; name: string };
  author: { id: number; name: string } | null;
  periodStart: string;
  periodEnd: string;
  /** When the last step happened (the question, disagreement or escalation waiting since). */
  since: string;
  /** The actor's to reply, the actor's to review, or an unanswered one by someone below them. */
  reason: WaitingReason;
};

export const WAITING_PAGE_SIZE = 20;

/**
 * What waits on the actor, as SQL over evaluations joined with the author (`author`) and reviewer
 * (`reviewer`): questions and disagreements they must reply to (as author, or as HR when the author
 * is gone) or that someone below them has left unanswered; kept disagreements escalated to them
 * (or, for HR, to nobody who is still here). Never their own evaluation.
 */
function waitingCondition(actor: Actor): SQL {
  const hr = can(actor, "evaluations.oversee");
  const unanswered = inArray(evaluations.status, [...AWAITING_REPLY]);
  return and(
    evaluationsCondition(actor),
    // Nobody waits on themself: in their own evaluation they answer, they do not reply or review.
    ne(evaluations.personId, actor.id),
    or(
      and(
        unanswered,
        or(
          eq(evaluations.authorId, actor.id),
          evaluationAuthorBelow(actor),
          hr ? or(isNull(evaluations.authorId), eq(author.active, false)) : undefined,
        ),
      ),
      and(
        eq(evaluations.status, "escalated"),
        or(eq(evaluations.escalatedToId, actor.id), hr ? or(isNull(evaluations.escalatedToId), eq(reviewer.active, false)) : undefined),
      ),
    ),
  )!;
}

const sinceSql = sql<string>`coalesce((select max(${evaluationEntries.createdAt}) from ${evaluationEntries} where ${evaluationEntries.evaluationId} = ${evaluations.id}), ${evaluations.updatedAt})`;

/**
 * Evaluations waiting on the actor (`waitingCondition`), the longest-waiting first: unanswered
 * questions and disagreements (theirs to reply to, or their people's), and kept disagreements for
 * their review. Paged.
 */
export function unansweredForManagers(actor: Actor, page?: number): Page<WaitingRow> {
  const db = getDb();
  const where = waitingCondition(actor);
  const base = () =>
    db
      .select({ n: count() })
      .from(evaluations)
      .leftJoin(author, eq(author.id, evaluations.authorId))
      .leftJoin(reviewer, eq(reviewer.id, evaluations.escalatedToId))
      .where(where);
  const total = base().get()?.n ?? 0;
  const { page: current, offset, pageCount } = pageOf(total, page, WAITING_PAGE_SIZE);
  const rows = db
    .select({
      id: evaluations.id,
      status: evaluations.status,
      personId: evaluations.personId,
      personName: person.name,
      authorId: evaluations.authorId,
      authorName: author.name,
      authorActive: author.active,
      escalatedToId: evaluations.escalatedToId,
      reviewerActive: reviewer.active,
      periodStart: evaluations.periodStart,
      periodEnd: evaluations.periodEnd,
      since: sinceSql,
    })
    .from(evaluations)
    .innerJoin(person, eq(person.id, evaluations.personId))
    .leftJoin(author, eq(author.id, evaluations.authorId))
    .leftJoin(reviewer, eq(reviewer.id, evaluations.escalatedToId))
    .where(where)
    .orderBy(asc(sinceSql), asc(evaluations.id))
    .limit(WAITING_PAGE_SIZE)
    .offset(offset)
    .all();
  return {
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status,
      person: { id: r.personId, name: r.personName },
      author: r.authorId !== null && r.authorName !== null ? { id: r.authorId, name: r.authorName } : null,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      since: r.since,
      reason:
        r.status === "escalated"
          ? "review"
          : r.authorId === actor.id || r.authorId === null || r.authorActive === false
            ? "reply"
            : "below",
    })),
    total,
    page: current,
    pageCount,
    pageSize: WAITING_PAGE_SIZE,
  };
}

/** How many evaluations wait on the actor (the navigation badge). */
export function waitingCount(actor: Actor): number {
  return (
    getDb()
      .select({ n: count() })
      .from(evaluations)
      .leftJoin(author, eq(author.id, evaluations.authorId))
      .leftJoin(reviewer, eq(reviewer.id, evaluations.escalatedToId))
      .where(waitingCondition(actor))
      .get()?.n ?? 0
  );
}
