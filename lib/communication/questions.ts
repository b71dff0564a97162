import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { acknowledgements, announcements, jobRoles, people, roleVersions } from "@/db/schema";
import { answerableAcksCondition, authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageOf, type Page } from "@/lib/core/pagination";
import { cappedCount } from "@/lib/core/capped-count";

/**
 * "Questions to answer": every open question (an item in "clarification") the actor may answer,
 * across all role versions and announcements, oldest question first. Who may answer is the
 * policy's `answerableAcksCondition`, the same rule `replyToAck` checks, so the list, its count and
 * the reply box never disagree.
 */

const holder = alias(people, "holder");

export type QuestionToAnswer = {
  id: number;
  personName: string;
  kind: "role" | "announcement";
  title: string;
  version: number | null;
  question: string;
  askedAt: string;
};

export const QUESTIONS_PAGE_SIZE = 20;

function waitingQuestions(actor: Actor) {
  return answerableAcksCondition(actor, "clarification");
}

export function listQuestionsToAnswer(actor: Actor, opts: { page?: number } = {}): Page<QuestionToAnswer> {
  authorize(actor, "acks.answer");
  const db = getDb();
  const where = waitingQuestions(actor);
  const total = db.select({ n: count() }).from(acknowledgements).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, QUESTIONS_PAGE_SIZE);
  // The latest message of a thread in "clarification" is the holder's question.
  const lastMessage = (column: "body" | "created_at") =>
    sql<string>`(select m.${sql.raw(column)} from ack_messages m where m.acknowledgement_id = ${acknowledgements.id} order by m.id desc limit 1)`;
  const askedAt = lastMessage("created_at");
  const rows = db
    .select({
      id: acknowledgements.id,
      personName: holder.name,
      announcementTitle: announcements.title,
      roleTitle: jobRoles.title,
      version: roleVersions.number,
      question: lastMessage("body"),
      askedAt,
      createdAt: acknowledgements.createdAt,
    })
    .from(acknowledgements)
    .innerJoin(holder, eq(holder.id, acknowledgements.personId))
    .leftJoin(roleVersions, eq(roleVersions.id, acknowledgements.roleVersionId))
    .leftJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .leftJoin(announcements, eq(announcements.id, acknowledgements.announcementId))
    .where(where)
    .orderBy(asc(askedAt), asc(acknowledgements.id))
    .limit(QUESTIONS_PAGE_SIZE)
    .offset(offset)
    .all();
  return {
    rows: rows.map((r) => ({
      id: r.id,
      personName: r.personName,
      kind: r.announcementTitle !== null ? "announcement" : "role",
      title: r.announcementTitle ?? r.roleTitle ?? "",
      version: r.version,
      question: r.question ?? "",
      askedAt: r.askedAt ?? r.createdAt,
    })),
    total,
    page,
    pageCount,
    pageSize: QUESTIONS_PAGE_SIZE,
  };
}

/** How many questions wait for the actor's answer (the navigation's count; same condition as the list). */
export function questionsToAnswerCount(actor: Actor): number {
  authorize(actor, "acks.answer");
  return cappedCount(getDb().select({ one: sql`1` }).from(acknowledgements).where(waitingQuestions(actor)));
}
