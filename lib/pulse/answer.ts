import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, desc, eq, isNotNull, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobRoles, pulseAnswers, pulseSends, roleVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, outOfScope, ownRows } from "@/lib/auth/policy";
import { todayIso } from "@/lib/core/dates";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { type PulseOccasion } from "@/lib/confidence/vocabulary";
import { addDays } from "@/lib/onboarding/rules";
import { organisationSettings } from "@/lib/org/settings";
import { parseRoleDoc } from "@/lib/roles/doc";
import { isPulseScore, PULSE_ITEMS, type PulseItem } from "@/lib/pulse/items";

/*
 * Answering the role-clarity pulse. The send is the person's own; the answer is anonymous: a
 * `pulse_answers` row with role, team and month only (no person, no send, no day, a random id, in a
 * table without rowid), written in the same transaction that marks the send answered. Nothing here
 * audits, notifies or logs.
 */

export type PulseSendView = { id: number; occasion: PulseOccasion; sentOn: string; answeredOn: string | null };

const sendView = { id: pulseSends.id, occasion: pulseSends.occasion, sentOn: pulseSends.sentOn, answeredOn: pulseSends.answeredOn };

/** The actor's unanswered pulses, newest first (at most 20). */
export function myOpenPulses(actor: Actor): PulseSendView[] {
  authorize(actor, "pulse.answer", { type: "pulse_send" });
  return getDb()
    .select(sendView)
    .from(pulseSends)
    .where(and(ownRows(pulseSends.personId, actor), isNull(pulseSends.answeredOn)))
    .orderBy(desc(pulseSends.sentOn), desc(pulseSends.id))
    .limit(20)
    .all();
}

/** Whether a pulse waits for the actor (one indexed row, for the home page's card). */
export function hasOpenPulse(actor: Actor): boolean {
  authorize(actor, "pulse.answer", { type: "pulse_send" });
  return Boolean(
    getDb()
      .select({ id: pulseSends.id })
      .from(pulseSends)
      .where(and(ownRows(pulseSends.personId, actor), isNull(pulseSends.answeredOn)))
      .limit(1)
      .get(),
  );
}

export const PULSES_PAGE_SIZE = 20;

/** The actor's answered pulses, newest first: when it was sent and answered, never what they answered. */
export function myAnsweredPulses(actor: Actor, opts: { page?: number } = {}): Page<PulseSendView> {
  authorize(actor, "pulse.answer", { type: "pulse_send" });
  const db = getDb();
  const where = and(ownRows(pulseSends.personId, actor), isNotNull(pulseSends.answeredOn));
  const total = db.select({ n: count() }).from(pulseSends).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, PULSES_PAGE_SIZE);
  const rows = db
    .select(sendView)
    .from(pulseSends)
    .where(where)
    .orderBy(desc(pulseSends.answeredOn), desc(pulseSends.id))
    .limit(PULSES_PAGE_SIZE)
    .offset(offset)
    .all();
  return { rows, total, page, pageCount, pageSize: PULSES_PAGE_SIZE };
}

type SendRow = typeof pulseSends.$inferSelect;

/** The actor's own send, or "not found" (someone else's is audited as out of scope). */
function ownSend(actor: Actor, sendId: number): SendRow {
  authorize(actor, "pulse.answer", { type: "pulse_send" });
  const row = getDb().select().from(pulseSends).where(eq(pulseSends.id, sendId)).get();
  if (!row) throw new NotFoundError("pulse_send");
  if (row.personId !== actor.id) throw outOfScope(actor, { type: "pulse_send", id: sendId }, "ownRows");
  return row;
}

export type PulseResponsibility = { key: string; title: string };

/**
 * The responsibilities of the send's role in the version that was current when it was sent (the
 * last one published before the end of the send's day); none when the person had no role.
 */
function responsibilitiesAtSend(send: SendRow): { roleTitle: string | null; responsibilities: PulseResponsibility[] } {
  if (!send.jobRoleId) return { roleTitle: null, responsibilities: [] };
  const db = getDb();
  const version = db
    .select({ content: roleVersions.content })
    .from(roleVersions)
    .where(and(eq(roleVersions.jobRoleId, send.jobRoleId), lt(roleVersions.publishedAt, addDays(send.sentOn, 1))))
    .orderBy(desc(roleVersions.number))
    .limit(1)
    .get();
  const role = db.select({ title: jobRoles.title }).from(jobRoles).where(eq(jobRoles.id, send.jobRoleId)).get();
  if (!version) return { roleTitle: role?.title ?? null, responsibilities: [] };
  const doc = parseRoleDoc(version.content);
  return { roleTitle: doc.title, responsibilities: doc.responsibilities.map((r) => ({ key: r.key, title: r.title })) };
}

export type PulseForm = PulseSendView & { roleTitle: string | null; responsibilities: PulseResponsibility[] };

/** One of the actor's pulses with what its form offers. */
export function getPulseForm(actor: Actor, sendId: number): PulseForm {
  const send = ownSend(actor, sendId);
  return { id: send.id, occasion: send.occasion, sentOn: send.sentOn, answeredOn: send.answeredOn, ...responsibilitiesAtSend(send) };
}

export type PulseAnswerInput = { scores: Partial<Record<PulseItem, unknown>>; leastClearKey?: string | null };

/**
 * Answers one of the actor's own pulses, once. Every statement needs a whole number from the scale;
 * the least-clear responsibility is optional but must be one of the role's at send time. In one
 * transaction: the send is marked answered (its day) and the anonymous answer is stored with the
 * send's role and team and the month; day and month are the organisation's calendar's.
 */
export function answerPulse(actor: Actor, sendId: number, input: PulseAnswerInput, now = new Date()): { answered: true } {
  const send = ownSend(actor, sendId);
  if (send.answeredOn) throw new FieldError({ _form: "pulse.alreadyAnswered" });
  const errors: Record<string, string> = {};
  const scores = {} as Record<PulseItem, number>;
  for (const item of PULSE_ITEMS) {
    const v = input.scores[item];
    if (v === undefined || v === null || v === "") errors[item] = "pulse.chooseAnswer";
    else if (!isPulseScore(v)) errors[item] = "pulse.outOfScale";
    else scores[item] = v;
  }
  const leastClearKey = input.leastClearKey || null;
  if (leastClearKey && !responsibilitiesAtSend(send).responsibilities.some((r) => r.key === leastClearKey)) errors.leastClearKey = "pulse.notYourResponsibility";
  if (Object.keys(errors).length) throw new FieldError(errors);

  // The organisation's calendar day and month (as concerns and the results page count them), not UTC's.
  const day = todayIso(now);
  getDb().transaction(
    (tx) => {
      const marked = tx
        .update(pulseSends)
        .set({ answeredOn: day })
        .where(and(eq(pulseSends.id, send.id), isNull(pulseSends.answeredOn)))
        .run();
      if (marked.changes !== 1) throw new FieldError({ _form: "pulse.alreadyAnswered" });
      tx.insert(pulseAnswers)
        .values({ id: randomUUID(), jobRoleId: send.jobRoleId, teamId: send.teamId, month: day.slice(0, 7), ...scores, leastClearKey })
        .run();
    },
    { behavior: "immediate" },
  );
  return { answered: true };
}

/** The organisation's minimum group size for pulse results (what the answer page promises). */
export function pulseMinimumGroup(): number {
  return organisationSettings().pulseMinGroup;
}
