import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, max, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { threadMessages } from "@/lib/concerns/messages";
import { concernAddressees, concernMessages, concerns, people } from "@/db/schema";
import { receiptAccess } from "@/lib/auth/confidence-policy";
import { lockedMinutes, receiptIpKey, recordFailure } from "@/lib/auth/rate-limit";
import { type ConcernMessageKind, type ConcernStatus, RECEIPT_CODE_LENGTH } from "@/lib/confidence/vocabulary";
import { ActionError, FieldError } from "@/lib/core/errors";
import { TEXT_MAX } from "@/lib/core/limits";
import { hashReceiptCode, normalizeReceiptCode, receiptMatches } from "@/lib/concerns/receipt";
import { concernDay } from "@/lib/concerns/raise";

/**
 * The author of an anonymous concern, holding its receipt code, signed in or not: reads the thread,
 * replies, marks it resolved. These functions take the code, never a person: nothing here knows or
 * records who holds it. Wrong codes are counted per address (`receipt-ip:<address>`) and refused
 * with one message, whether or not such a code exists.
 */

/** One entry of a concern's thread, as the author and addressees read it. */
export type ThreadMessage = {
  id: string;
  seq: number;
  kind: ConcernMessageKind;
  fromAuthor: boolean;
  /** The addressee who wrote it (null for the author of an anonymous concern). */
  authorName: string | null;
  /** kind "forward": whom it was forwarded to. */
  forwardedToName: string | null;
  body: string;
  /** ISO time, or a day (YYYY-MM-DD) for an anonymous author. */
  createdAt: string;
};

export type ReceiptThread = {
  status: ConcernStatus;
  closeReason: string | null;
  createdOn: string;
  addressees: string[];
  messages: ThreadMessage[];
  mayReply: boolean;
  mayResolve: boolean;
};

/** Finds the concern a code opens, or refuses: locked address, or the one "wrong code" message. */
function openByCode(code: string, ip: string | null): { id: string; status: ConcernStatus } {
  const key = receiptIpKey(ip);
  const minutes = lockedMinutes({ account: key });
  if (minutes > 0) throw new ActionError("receipt.locked", { minutes });
  const normalized = normalizeReceiptCode(code);
  const row =
    normalized.length === RECEIPT_CODE_LENGTH
      ? getDb()
          .select({ id: concerns.id, status: concerns.status, receiptHash: concerns.receiptHash })
          .from(concerns)
          .where(and(eq(concerns.anonymous, true), eq(concerns.receiptHash, hashReceiptCode(normalized))))
          .get()
      : undefined;
  if (!row || !row.receiptHash || !receiptMatches(normalized, row.receiptHash)) {
    recordFailure({ account: key });
    throw new ActionError("receipt.wrong");
  }
  return { id: row.id, status: row.status };
}

function threadOf(concernId: string): ReceiptThread {
  const db = getDb();
  const c = db
    .select({ status: concerns.status, closeReason: concerns.closeReason, createdOn: concerns.createdOn })
    .from(concerns)
    .where(eq(concerns.id, concernId))
    .get()!;
  const addressees = db
    .select({ name: people.name })
    .from(concernAddressees)
    .innerJoin(people, eq(people.id, concernAddressees.personId))
    .where(eq(concernAddressees.concernId, concernId))
    .orderBy(asc(concernAddressees.addedOn), asc(people.name))
    .all()
    .map((a) => a.name);
  // The author's own entries never carry a name here (an anonymous author has none anyway).
  const messages = threadMessages(concernId, true).map(({ personName, ...m }) => ({ ...m, authorName: personName }));
  return { ...c, addressees, messages, ...receiptAccess(c) };
}

/** The concern and its thread. A code for a resolved or closed concern still reads it. */
export function readByReceipt(code: string, ip: string | null): ReceiptThread {
  return threadOf(openByCode(code, ip).id);
}

/** Appends an entry from the anonymous author and sets the status, in one transaction. */
function append(concernId: string, entry: { kind: ConcernMessageKind; body: string }, status: ConcernStatus, waitingSince: string | null, notifyKind?: "concern.authorReplied") {
  const db = getDb();
  const day = concernDay();
  db.transaction((tx) => {
    const last = tx.select({ seq: max(concernMessages.seq) }).from(concernMessages).where(eq(concernMessages.concernId, concernId)).get()?.seq ?? 0;
    tx.insert(concernMessages)
      .values({ id: randomUUID(), concernId, seq: last + 1, kind: entry.kind, fromAuthor: true, personId: null, body: entry.body, createdAt: day })
      .run();
    const current = tx.select({ revision: concerns.revision }).from(concerns).where(eq(concerns.id, concernId)).get()!;
    // The addressees are told by the scheduler's daily job (lib/concerns/deferred.ts), not in this
    // request; a concern whose "new" notice still waits keeps it (it covers the reply).
    tx.update(concerns)
      .set({ status, waitingSince, revision: current.revision + 1, ...(notifyKind ? { notifyPending: sql`coalesce(${concerns.notifyPending}, ${notifyKind})` } : {}) })
      .where(eq(concerns.id, concernId))
      .run();
  });
}

/** The author's reply: the concern is open again and waits for the addressees from today. */
export function replyByReceipt(code: string, body: string, ip: string | null): ReceiptThread {
  const text = body.trim();
  if (!text) throw new FieldError({ body: "required" });
  if (text.length > TEXT_MAX) throw new FieldError({ body: "tooLong" }, { body: { max: TEXT_MAX } });
  const c = openByCode(code, ip);
  if (!receiptAccess(c).mayReply) throw new ActionError("receipt.final");
  append(c.id, { kind: "message", body: text }, "open", concernDay(), "concern.authorReplied");
  return threadOf(c.id);
}

/** The author marks it resolved: final, nobody waits on it any more. */
export function resolveByReceipt(code: string, ip: string | null): ReceiptThread {
  const c = openByCode(code, ip);
  if (!receiptAccess(c).mayResolve) throw new ActionError("receipt.final");
  append(c.id, { kind: "resolve", body: "" }, "resolved", null);
  return threadOf(c.id);
}
