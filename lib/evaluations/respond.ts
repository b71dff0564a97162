import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { evaluationEntries, evaluations, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { escalationReviewer, evaluationAccess, evaluationsCondition, outOfScope, type EvaluationAccess } from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { ActionError, ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { TEXT_MAX } from "@/lib/core/limits";
import { notify } from "@/lib/notifications/notifications";
import { acceptsAddendum, afterAnswer, afterReply, afterReview, ANSWERABLE, ANSWERS, AWAITING_REPLY, type Answer, type Step } from "./conversation-state";
import { RELEASED_STATUSES, type EntryKind, type EvaluationStatus, type Outcome } from "./vocabulary";

/*
 * What happens after an evaluation is released (issue 9, point 5): the employee's answers, the
 * author's replies and addenda, a kept disagreement's escalation and its review. Every step is an
 * entry in `evaluation_entries` with its time, an audit entry and a notification linking to
 * /evaluations/<id>. Who may do what is `evaluationAccess` (lib/auth/policy.ts); the status steps
 * are ./conversation-state.ts. Refusals write nothing but the usual access.denied row for a record
 * out of sight.
 */

const person = alias(people, "ev_person");
const author = alias(people, "ev_author");
const reviewer = alias(people, "ev_reviewer");

type EvRow = {
  id: number;
  personId: number;
  personName: string;
  authorId: number | null;
  authorName: string | null;
  authorActive: boolean;
  escalatedToId: number | null;
  escalatedToName: string | null;
  status: EvaluationStatus;
  outcome: Outcome | null;
  revision: number;
  releasedAt: string | null;
  escalatedAt: string | null;
  closedAt: string | null;
};

/** One evaluation the actor may see; "not found" (audited) when it exists out of their sight. */
function loadVisible(actor: Actor, id: number): EvRow {
  const db = getDb();
  const row = db
    .select({
      id: evaluations.id,
      personId: evaluations.personId,
      personName: person.name,
      authorId: evaluations.authorId,
      authorName: author.name,
      authorActive: author.active,
      escalatedToId: evaluations.escalatedToId,
      escalatedToName: reviewer.name,
      status: evaluations.status,
      outcome: evaluations.outcome,
      revision: evaluations.revision,
      releasedAt: evaluations.releasedAt,
      escalatedAt: evaluations.escalatedAt,
      closedAt: evaluations.closedAt,
    })
    .from(evaluations)
    .innerJoin(person, eq(person.id, evaluations.personId))
    .leftJoin(author, eq(author.id, evaluations.authorId))
    .leftJoin(reviewer, eq(reviewer.id, evaluations.escalatedToId))
    .where(and(eq(evaluations.id, id), evaluationsCondition(actor)))
    .get();
  if (row) return { ...row, authorActive: row.authorActive ?? false };
  const exists = db.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.id, id)).get();
  if (exists) throw outOfScope(actor, { type: "evaluation", id }, "evaluationsCondition");
  throw new NotFoundError("evaluation");
}

const access = (actor: Actor, ev: EvRow, status: EvaluationStatus = ev.status): EvaluationAccess =>
  evaluationAccess(actor, { personId: ev.personId, authorId: ev.authorId, escalatedToId: ev.escalatedToId, status, authorActive: ev.authorId === null ? undefined : ev.authorActive });

const released = (status: EvaluationStatus) => (RELEASED_STATUSES as readonly string[]).includes(status);
const link = (id: number) => `/evaluations/${id}`;

/** The note: trimmed, required unless `optional`, at most TEXT_MAX characters. */
function noteOf(raw: string | undefined, optional: boolean): string {
  const note = (raw ?? "").trim();
  if (!note && !optional) throw new FieldError({ note: "required" });
  if (note.length > TEXT_MAX) throw new FieldError({ note: "textTooLong" });
  return note;
}

/** Whose reply a question waits for: the author, or (the author gone) the HR admin who reviews. */
function replierOf(ev: EvRow): number | null {
  return ev.authorId !== null && ev.authorActive ? ev.authorId : escalationReviewer(null, ev.personId);
}

function disagreedBefore(id: number): boolean {
  return Boolean(
    getDb()
      .select({ id: evaluationEntries.id })
      .from(evaluationEntries)
      .where(and(eq(evaluationEntries.evaluationId, id), eq(evaluationEntries.kind, "disagree")))
      .limit(1)
      .get(),
  );
}

/** The state errors an employee's answer meets outside "released" / "answered". */
function answerStateError(ev: EvRow): ActionError {
  if (!released(ev.status)) return new ActionError("evaluationConversation.notReleased");
  if (AWAITING_REPLY.includes(ev.status)) return new ActionError("evaluationConversation.waitingForReply", { name: ev.authorName ?? "HR" });
  if (ev.status === "escalated") return new ActionError("evaluationConversation.withReviewer", { name: ev.escalatedToName ?? "HR" });
  return new ActionError("evaluationConversation.closed");
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** Moves the evaluation one step, guarded by its status (and revision, when the form sent one). */
function move(tx: Tx, ev: EvRow, step: Step, now: string, revision: number | undefined, extra: { escalatedToId?: number } = {}): void {
  const res = tx
    .update(evaluations)
    .set({
      status: step.status,
      outcome: step.outcome,
      closedAt: step.status === "closed" ? now : null,
      ...(step.escalates ? { escalatedToId: extra.escalatedToId, escalatedAt: now } : {}),
      revision: ev.revision + 1,
      updatedAt: now,
    })
    .where(and(eq(evaluations.id, ev.id), eq(evaluations.status, ev.status), revision === undefined ? undefined : eq(evaluations.revision, revision)))
    .run();
  if (res.changes === 0) throw new ConflictError();
}

function entry(tx: Tx, ev: EvRow, actor: Actor, kind: EntryKind, body: string, now: string): void {
  tx.insert(evaluationEntries).values({ evaluationId: ev.id, authorId: actor.id, kind, body, createdAt: now }).run();
}

export type RespondInput = { answer: Answer; note?: string; revision?: number };

/**
 * The employee answers their released evaluation: understood (closes it), a question, or a
 * disagreement (a note is required for the last two). After the author's reply, disagreeing again
 * when they disagreed before keeps the disagreement: it goes to `escalationReviewer` with the whole
 * thread. Anyone else who can see the evaluation is told only the employee may answer.
 */
export function respond(actor: Actor, id: number, input: RespondInput): { status: EvaluationStatus } {
  const ev = loadVisible(actor, id);
  const my = access(actor, ev);
  if (!my.isEmployee) throw new ActionError("evaluationConversation.onlyEmployee", { name: ev.personName });
  if (!(ANSWERS as readonly string[]).includes(input.answer)) throw new FieldError({ answer: "invalidChoice" });
  if (!my.mayRespond) throw answerStateError(ev);
  const note = noteOf(input.note, input.answer === "understood");
  const step = afterAnswer(ev.status, input.answer, disagreedBefore(ev.id))!;
  const escalateTo = step.escalates ? escalationReviewer(ev.authorId, ev.personId) : null;
  if (step.escalates && escalateTo === null) throw new ActionError("evaluationConversation.noReviewer");
  const replier = replierOf(ev);
  getDb().transaction((tx) => {
    const now = new Date().toISOString();
    move(tx, ev, step, now, input.revision, { escalatedToId: escalateTo ?? undefined });
    entry(tx, ev, actor, input.answer, note, now);
    const detail = { personId: ev.personId, status: step.status };
    audit(
      {
        actorId: actor.id,
        action: input.answer === "understood" ? "evaluation.understood" : input.answer === "question" ? "evaluation.question" : "evaluation.disagree",
        entityType: "evaluation",
        entityId: ev.id,
        detail,
      },
      tx,
    );
    if (step.escalates) {
      entry(tx, ev, actor, "escalated", "", now);
      audit({ actorId: actor.id, action: "evaluation.escalate", entityType: "evaluation", entityId: ev.id, detail: { ...detail, escalatedToId: escalateTo } }, tx);
      notify(tx, [escalateTo!], "evaluation.escalated", { name: actor.name }, link(ev.id));
    } else if (replier !== null) {
      const kind = input.answer === "understood" ? "evaluation.understood" : input.answer === "question" ? "evaluation.question" : "evaluation.disagree";
      notify(tx, [replier], kind, { name: actor.name }, link(ev.id));
    }
  });
  return { status: step.status };
}

/** Who may do it, whatever the status: the rule of `evaluationAccess` asked for the status it needs. */
const mayReplyAtAll = (actor: Actor, ev: EvRow) => access(actor, ev, "questioned").mayReply;
const mayReviewAtAll = (actor: Actor, ev: EvRow) => access(actor, ev, "escalated").mayReview;

/** The author (or HR, when the author is gone) replies to a question or disagreement. */
export function reply(actor: Actor, id: number, input: { note: string; revision?: number }): { status: EvaluationStatus } {
  const ev = loadVisible(actor, id);
  if (!mayReplyAtAll(actor, ev)) {
    throw ev.authorId !== null && ev.authorActive
      ? new ActionError("evaluationConversation.onlyAuthor", { name: ev.authorName ?? "" })
      : new ActionError("evaluationConversation.onlyHr");
  }
  const step = afterReply(ev.status);
  if (!step) throw new ActionError(released(ev.status) ? "evaluationConversation.nothingToReply" : "evaluationConversation.notReleased");
  const note = noteOf(input.note, false);
  getDb().transaction((tx) => {
    const now = new Date().toISOString();
    move(tx, ev, step, now, input.revision);
    entry(tx, ev, actor, "answer", note, now);
    audit({ actorId: actor.id, action: "evaluation.reply", entityType: "evaluation", entityId: ev.id, detail: { personId: ev.personId, status: step.status } }, tx);
    notify(tx, [ev.personId], "evaluation.reply", { name: actor.name }, link(ev.id));
  });
  return { status: step.status };
}

/**
 * The author adds a correction after release: an entry with author and time, shown in order. The
 * released content never changes, nor does the status.
 */
export function addAddendum(actor: Actor, id: number, input: { note: string }): { entryCreated: true } {
  const ev = loadVisible(actor, id);
  if (!access(actor, ev).isAuthor) throw new ActionError("evaluationConversation.onlyAuthorAddendum", { name: ev.authorName ?? "" });
  if (!acceptsAddendum(ev.status)) throw new ActionError("evaluationConversation.notReleased");
  const note = noteOf(input.note, false);
  getDb().transaction((tx) => {
    const now = new Date().toISOString();
    entry(tx, ev, actor, "addendum", note, now);
    audit({ actorId: actor.id, action: "evaluation.addendum", entityType: "evaluation", entityId: ev.id, detail: { personId: ev.personId, status: ev.status } }, tx);
    notify(tx, [ev.personId], "evaluation.addendum", { name: actor.name }, link(ev.id));
  });
  return { entryCreated: true };
}

/** Whom it was escalated to (or HR) reviews a kept disagreement: closed, the disagreement recorded as kept. */
export function review(actor: Actor, id: number, input: { note: string; revision?: number }): { status: EvaluationStatus } {
  const ev = loadVisible(actor, id);
  // Until a disagreement is kept there is no reviewer to name: the state answers first.
  const step = afterReview(ev.status);
  if (!step) throw new ActionError(released(ev.status) ? "evaluationConversation.nothingToReview" : "evaluationConversation.notReleased");
  if (!mayReviewAtAll(actor, ev)) throw new ActionError("evaluationConversation.onlyReviewer", { name: ev.escalatedToName ?? "HR" });
  const note = noteOf(input.note, false);
  getDb().transaction((tx) => {
    const now = new Date().toISOString();
    move(tx, ev, step, now, input.revision);
    entry(tx, ev, actor, "review", note, now);
    audit({ actorId: actor.id, action: "evaluation.review", entityType: "evaluation", entityId: ev.id, detail: { personId: ev.personId, status: step.status, outcome: step.outcome } }, tx);
    const told = [ev.personId, ...(ev.authorId !== null && ev.authorActive ? [ev.authorId] : [])].filter((p) => p !== actor.id);
    notify(tx, told, "evaluation.reviewed", { name: actor.name, person: ev.personName }, link(ev.id));
  });
  return { status: step.status };
}

// ---------- Reading ----------

export type ConversationEntry = {
  id: number;
  kind: EntryKind;
  body: string;
  createdAt: string;
  author: { id: number; name: string } | null;
};

export type Conversation = {
  id: number;
  status: EvaluationStatus;
  outcome: Outcome | null;
  revision: number;
  releasedAt: string | null;
  escalatedAt: string | null;
  closedAt: string | null;
  person: { id: number; name: string };
  author: { id: number; name: string } | null;
  escalatedTo: { id: number; name: string } | null;
  /** In time order; at most ENTRIES_MAX (the oldest). */
  entries: ConversationEntry[];
  /** Whose move it is: the employee's answer, the author's (or HR's) reply, the review, or nobody's. */
  waitingFor: { who: "employee" | "replier" | "reviewer"; name: string | null } | null;
  /** What the actor may do now. */
  me: {
    isEmployee: boolean;
    isAuthor: boolean;
    /**
     * The employee's answer, when it is theirs to give. `reviewer`: who a kept disagreement goes to
     * (said beforehand); `disagreeEscalates`: disagreeing now sends it there.
     */
    answer: { disagreeEscalates: boolean; reviewer: { id: number; name: string } | null } | null;
    reply: boolean;
    addendum: boolean;
    review: boolean;
  };
};

export const ENTRIES_MAX = 500;

/** The thread of one evaluation the actor may see, and what they may do now. */
export function conversationOf(actor: Actor, id: number): Conversation {
  const ev = loadVisible(actor, id);
  const my = access(actor, ev);
  const db = getDb();
  const entryAuthor = alias(people, "entry_author");
  const entries = db
    .select({
      id: evaluationEntries.id,
      kind: evaluationEntries.kind,
      body: evaluationEntries.body,
      createdAt: evaluationEntries.createdAt,
      authorId: evaluationEntries.authorId,
      authorName: entryAuthor.name,
    })
    .from(evaluationEntries)
    .leftJoin(entryAuthor, eq(entryAuthor.id, evaluationEntries.authorId))
    .where(eq(evaluationEntries.evaluationId, ev.id))
    .orderBy(asc(evaluationEntries.createdAt), asc(evaluationEntries.id))
    .limit(ENTRIES_MAX)
    .all();
  let answer: Conversation["me"]["answer"] = null;
  if (my.mayRespond) {
    const reviewerId = escalationReviewer(ev.authorId, ev.personId);
    const name = reviewerId === null ? null : (db.select({ name: people.name }).from(people).where(eq(people.id, reviewerId)).get()?.name ?? null);
    answer = {
      disagreeEscalates: ev.status === "answered" && entries.some((e) => e.kind === "disagree"),
      reviewer: reviewerId !== null && name !== null ? { id: reviewerId, name } : null,
    };
  }
  const waitingFor: Conversation["waitingFor"] = ANSWERABLE.includes(ev.status)
    ? { who: "employee", name: ev.personName }
    : AWAITING_REPLY.includes(ev.status)
      ? { who: "replier", name: ev.authorActive ? ev.authorName : null }
      : ev.status === "escalated"
        ? { who: "reviewer", name: ev.escalatedToName }
        : null;
  return {
    id: ev.id,
    status: ev.status,
    outcome: ev.outcome,
    revision: ev.revision,
    releasedAt: ev.releasedAt,
    escalatedAt: ev.escalatedAt,
    closedAt: ev.closedAt,
    person: { id: ev.personId, name: ev.personName },
    author: ev.authorId !== null && ev.authorName !== null ? { id: ev.authorId, name: ev.authorName } : null,
    escalatedTo: ev.escalatedToId !== null && ev.escalatedToName !== null ? { id: ev.escalatedToId, name: ev.escalatedToName } : null,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      body: e.body,
      createdAt: e.createdAt,
      author: e.authorId !== null && e.authorName !== null ? { id: e.authorId, name: e.authorName } : null,
    })),
    waitingFor,
    me: {
      isEmployee: my.isEmployee,
      isAuthor: my.isAuthor,
      answer,
      reply: my.mayReply,
      addendum: my.mayAddendum,
      review: my.mayReview,
    },
  };
}

// ---------- Waiting ----------
