import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import { getDb, type DB } from "@/db/client";
import { concernAddressees, concernMessages, concerns, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { concernForwardTargetsCondition } from "@/lib/auth/confidence-policy";
import { audit } from "@/lib/audit/log";
import { ActionError, ConflictError, FieldError, ForbiddenError } from "@/lib/core/errors";
import { todayIso } from "@/lib/core/dates";
import { CLOSE_REASON_MAX, TEXT_MAX } from "@/lib/core/limits";
import { foldForSearch } from "@/lib/core/search-text";
import type { ConcernMessageKind } from "@/lib/confidence/vocabulary";
import { notify } from "@/lib/notifications/notifications";
import { accessOf, loadConcern, type ConcernRow } from "./read";
import { nextStatus, nextWaitingSince, type ConcernEvent } from "./status";
import { containsText } from "@/lib/core/like";

/*
 * What signed-in people do with a concern that exists (issue 10, points 3, 4 and 9): an addressee
 * answers, closes it with a reason, or forwards it to another manager or HR (HR may forward any);
 * the named author replies and marks it resolved. Who may do what is `concernAccess`
 * (lib/auth/policy.ts); the status steps are ./status.ts. Every change is guarded by the concern's
 * revision. Named concerns' actions and forwarding are audited; on an anonymous concern only the
 * addressee's own actions are, naming the addressee and never an author. An anonymous author acts
 * through the receipt page (./receipt.ts), never here.
 */

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
const link = (id: string) => `/concerns/${id}`;

/** A message body: trimmed, required, at most `max` characters (the error under `field`). */
function textOf(raw: string | undefined, field: string, max: number, optional = false): string {
  const text = (raw ?? "").trim();
  if (!text && !optional) throw new FieldError({ [field]: "required" });
  if (text.length > max) throw new FieldError({ [field]: max === TEXT_MAX ? "textTooLong" : "tooLong" }, { [field]: { max } });
  return text;
}

/** Moves the concern one step, guarded by its status and the revision the form was loaded with. */
function step(tx: Tx, c: ConcernRow, event: ConcernEvent, revision: number, today: string, extra: { closeReason?: string } = {}): void {
  const status = nextStatus(c.status, event);
  if (!status) throw new ActionError("concernThread.final");
  const res = tx
    .update(concerns)
    .set({ status, waitingSince: nextWaitingSince(c, status, today), closeReason: extra.closeReason ?? c.closeReason, revision: c.revision + 1 })
    .where(and(eq(concerns.id, c.id), eq(concerns.status, c.status), eq(concerns.revision, revision)))
    .run();
  if (res.changes === 0) throw new ConflictError();
}

function message(tx: Tx, c: ConcernRow, actor: Actor, m: { kind: ConcernMessageKind; fromAuthor: boolean; body: string; forwardedToId?: number }): void {
  const seq = (tx.select({ n: sql<number>`coalesce(max(${concernMessages.seq}), 0)` }).from(concernMessages).where(eq(concernMessages.concernId, c.id)).get()?.n ?? 0) + 1;
  tx.insert(concernMessages)
    .values({ id: randomUUID(), concernId: c.id, seq, kind: m.kind, fromAuthor: m.fromAuthor, personId: actor.id, forwardedToId: m.forwardedToId ?? null, body: m.body, createdAt: new Date().toISOString() })
    .run();
}

function addresseeIds(tx: Tx, id: string): number[] {
  return tx.select({ id: concernAddressees.personId }).from(concernAddressees).where(eq(concernAddressees.concernId, id)).all().map((r) => r.id);
}

/** Refuses a step the actor may not take: final concerns say so; anything else is forbidden. */
function refuse(c: ConcernRow, what: string): never {
  if (c.status === "resolved" || c.status === "closed") throw new ActionError("concernThread.final");
  throw new ForbiddenError(`concerns.${what}`);
}

export type TextInput = { body?: string; revision: number };

/** An addressee answers: the concern is answered, and a named author is told. */
export function answerConcern(actor: Actor, id: string, input: TextInput, now = new Date()): { revision: number } {
  authorize(actor, "concerns.raise");
  const c = loadConcern(actor, id);
  if (!accessOf(actor, c).mayAnswer) refuse(c, "answer");
  const body = textOf(input.body, "body", TEXT_MAX);
  getDb().transaction((tx) => {
    step(tx, c, "answer", input.revision, todayIso(now));
    message(tx, c, actor, { kind: "message", fromAuthor: false, body });
    audit({ actorId: actor.id, action: "concern.answered", entityType: "concern", entityId: c.id }, tx);
    if (c.authorId !== null) notify(tx, [c.authorId], "concern.answered", { name: actor.name }, link(c.id));
  });
  return { revision: c.revision + 1 };
}

/** The named author replies: the concern waits for an addressee again. */
export function replyAsAuthor(actor: Actor, id: string, input: TextInput, now = new Date()): { revision: number } {
  authorize(actor, "concerns.raise");
  const c = loadConcern(actor, id);
  if (!accessOf(actor, c).mayReplyAsAuthor) refuse(c, "reply");
  const body = textOf(input.body, "body", TEXT_MAX);
  getDb().transaction((tx) => {
    step(tx, c, "authorReply", input.revision, todayIso(now));
    message(tx, c, actor, { kind: "message", fromAuthor: true, body });
    audit({ actorId: actor.id, action: "concern.replied", entityType: "concern", entityId: c.id }, tx);
  });
  return { revision: c.revision + 1 };
}

/** The named author marks it resolved. */
export function resolveConcern(actor: Actor, id: string, input: { revision: number }, now = new Date()): void {
  authorize(actor, "concerns.raise");
  const c = loadConcern(actor, id);
  if (!accessOf(actor, c).mayResolve) refuse(c, "resolve");
  getDb().transaction((tx) => {
    step(tx, c, "resolve", input.revision, todayIso(now));
    message(tx, c, actor, { kind: "resolve", fromAuthor: true, body: "" });
    audit({ actorId: actor.id, action: "concern.resolved", entityType: "concern", entityId: c.id }, tx);
  });
}

/** An addressee closes it with a reason; a named author is told. */
export function closeConcern(actor: Actor, id: string, input: { reason?: string; revision: number }, now = new Date()): void {
  authorize(actor, "concerns.raise");
  const c = loadConcern(actor, id);
  if (!accessOf(actor, c).mayClose) refuse(c, "close");
  const reason = textOf(input.reason, "reason", CLOSE_REASON_MAX);
  getDb().transaction((tx) => {
    step(tx, c, "close", input.revision, todayIso(now), { closeReason: reason });
    message(tx, c, actor, { kind: "close", fromAuthor: false, body: reason });
    audit({ actorId: actor.id, action: "concern.closed", entityType: "concern", entityId: c.id }, tx);
    if (c.authorId !== null) notify(tx, [c.authorId], "concern.closed", { name: actor.name }, link(c.id));
  });
}

/** People the concern may be forwarded to, matching the text: at most 20, never its author or a current addressee. */
export function searchForwardTargets(actor: Actor, id: string, q: string): { id: number; name: string }[] {
  authorize(actor, "concerns.raise");
  const c = loadConcern(actor, id);
  if (!accessOf(actor, c).mayForward) refuse(c, "forward");
  const text = foldForSearch(q.trim());
  if (!text) return [];
  const excluded = [...addresseeIds(getDb() as unknown as Tx, c.id), ...(c.authorId !== null ? [c.authorId] : [])];
  return getDb()
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(concernForwardTargetsCondition(actor), excluded.length ? notInArray(people.id, excluded) : undefined, containsText(people.searchText, text)))
    .orderBy(asc(people.name), asc(people.id))
    .limit(20)
    .all();
}

/**
 * An addressee (or HR) hands the concern to another manager or HR: they become an addressee, the
 * thread shows "forwarded to <name>" to everyone including the author, the concern waits for an
 * answer again, and the new addressee is told.
 */
export function forwardConcern(actor: Actor, id: string, input: { personId: number; note?: string; revision: number }, now = new Date()): void {
  authorize(actor, "concerns.raise");
  const c = loadConcern(actor, id);
  if (!accessOf(actor, c).mayForward) refuse(c, "forward");
  const note = textOf(input.note, "note", TEXT_MAX, true);
  const db = getDb();
  const target = db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.id, input.personId), concernForwardTargetsCondition(actor))).get();
  if (!target || target.id === c.authorId) throw new FieldError({ personId: "concernThread.notForwardTarget" });
  if (addresseeIds(db as unknown as Tx, c.id).includes(target.id)) throw new FieldError({ personId: "concernThread.alreadyAddressee" });
  const today = todayIso(now);
  db.transaction((tx) => {
    step(tx, c, "forward", input.revision, today);
    tx.insert(concernAddressees).values({ concernId: c.id, personId: target.id, addedOn: today, forwardedById: actor.id }).run();
    message(tx, c, actor, { kind: "forward", fromAuthor: false, body: note, forwardedToId: target.id });
    audit({ actorId: actor.id, action: "concern.forwarded", entityType: "concern", entityId: c.id, detail: { to: target.id } }, tx);
    notify(tx, [target.id], "concern.forwarded", { name: actor.name }, link(c.id));
  });
}
