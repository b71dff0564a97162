import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, count, desc, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import { getDb, preparedQuery, type DB } from "@/db/client";
import { people, sessions, type SessionEndReason, type SessionMethod } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { securityEvent } from "@/lib/auth/security-audit";
import { securitySettings } from "@/lib/auth/security-settings";
import { SESSION_TOUCH_MS } from "@/lib/auth/security-vocabulary";
import { NotFoundError } from "@/lib/core/errors";

/**
 * Server-side sessions (issue 14 point 1). The coordinator wrote this core; THE SESSIONS PART owns
 * the file from here (listing and ending one's own sessions, "sign out everywhere", HR's settings,
 * tests). Exported signatures are fixed: other parts call them.
 */

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

/** Starts a session for a person who has just proven who they are; returns its id (the cookie's `sid`). */
export function createSession(
  input: { personId: number; method: SessionMethod; secondFactor: boolean; ip: string | null; userAgent: string | null },
  now = Date.now(),
  tx: Tx = getDb(),
): string {
  const id = randomBytes(32).toString("base64url");
  tx.insert(sessions)
    .values({ id, personId: input.personId, method: input.method, secondFactor: input.secondFactor, createdAt: now, lastSeenAt: now, ip: input.ip, userAgent: input.userAgent })
    .run();
  return id;
}

export type LiveSession = { id: string; personId: number; secondFactor: boolean; createdAt: number };

/** Every request's session row: built once (db/client.ts `preparedQuery`). */
const sessionById = preparedQuery((db) =>
  db
    .select({ id: sessions.id, personId: sessions.personId, secondFactor: sessions.secondFactor, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, revokedAt: sessions.revokedAt, active: people.active })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(eq(sessions.id, sql.placeholder("sid")))
    .prepare(),
);

/**
 * The live session with this id, or null: revoked, idle longer than the idle timeout, older than
 * the absolute lifetime, or its person deactivated. Records the request (last seen) at most once
 * a minute, unless `touch` is false (an anonymous concern's post and receipt actions: the author's
 * session must not note the moment). Nothing ever renews a session that is not live.
 */
export function liveSession(sid: string, now = Date.now(), touch = true): LiveSession | null {
  const db = getDb();
  const row = sessionById().get({ sid });
  if (!row || row.revokedAt != null || !row.active) return null;
  const { idleMinutes, absoluteHours } = securitySettings();
  if (now - row.lastSeenAt > idleMinutes * 60_000) return null;
  if (now - row.createdAt > absoluteHours * 3_600_000) return null;
  if (touch && now - row.lastSeenAt >= SESSION_TOUCH_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, sid), isNull(sessions.revokedAt))).run();
  }
  return { id: row.id, personId: row.personId, secondFactor: row.secondFactor, createdAt: row.createdAt };
}

/** Ends one session (sign-out, or its person ending it). Returns whether a live row was ended. */
export function endSession(sid: string, reason: SessionEndReason, now = Date.now(), tx: Tx = getDb()): boolean {
  const r = tx.update(sessions).set({ revokedAt: now, revokedReason: reason }).where(and(eq(sessions.id, sid), isNull(sessions.revokedAt))).run();
  return r.changes > 0;
}

/**
 * Ends every session of a person, except `keep` (the one asking, for "sign out everywhere else" and a
 * password change). Returns how many were ended.
 */
export function endPersonSessions(personId: number, reason: SessionEndReason, options: { keep?: string | null; now?: number; tx?: Tx } = {}): number {
  const { keep = null, now = Date.now(), tx = getDb() } = options;
  const r = tx
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined))
    .run();
  return r.changes;
}

/** Forgets sessions that ended (or went idle) more than 30 days ago: for the daily job. */
export function pruneSessions(now = Date.now(), tx: Tx = getDb()): number {
  const cutoff = now - 30 * 86_400_000;
  return tx.delete(sessions).where(or(lt(sessions.revokedAt, cutoff), lt(sessions.lastSeenAt, cutoff))).run().changes;
}

// ---------- The person's own sessions ("Sign-in and security") ----------

/** Where a request came from, for the audit entry (lib/auth/request-info.ts reads it from headers). */
export type RequestInfo = { ip: string | null; userAgent: string | null };

/** At most this many sessions are listed (newest activity first); the total says how many are live. */
export const OWN_SESSIONS_SHOWN = 20;

export type OwnSession = {
  /**
   * A handle for this session in the page (SHA-256 of its id, shortened): the session id itself is
   * the secret inside the cookie and never leaves the server.
   */
  key: string;
  method: SessionMethod;
  secondFactor: boolean;
  ip: string | null;
  userAgent: string | null;
  createdAt: number;
  lastSeenAt: number;
  current: boolean;
};

/** The page's handle for a session id. */
export function sessionKey(sid: string): string {
  return createHash("sha256").update(sid).digest("base64url").slice(0, 22);
}

/** The live-session condition in SQL: not revoked, seen within the idle timeout, younger than the lifetime. */
function liveCondition(now: number) {
  const { idleMinutes, absoluteHours } = securitySettings();
  return and(isNull(sessions.revokedAt), gt(sessions.lastSeenAt, now - idleMinutes * 60_000 - 1), gt(sessions.createdAt, now - absoluteHours * 3_600_000 - 1));
}

/**
 * The person's own live sessions (security.self), newest activity first, at most OWN_SESSIONS_SHOWN
 * of them, with how many there are; `currentSid` (the request's, from `currentSession()`) is marked.
 */
export function listOwnSessions(actor: Actor, currentSid: string | null, now = Date.now()): { sessions: OwnSession[]; total: number } {
  authorize(actor, "security.self");
  const db = getDb();
  const where = and(eq(sessions.personId, actor.id), liveCondition(now));
  const rows = db
    .select({ id: sessions.id, method: sessions.method, secondFactor: sessions.secondFactor, ip: sessions.ip, userAgent: sessions.userAgent, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(where)
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
    .limit(OWN_SESSIONS_SHOWN)
    .all();
  const total = db.select({ n: count() }).from(sessions).where(where).get()?.n ?? 0;
  return {
    total,
    sessions: rows.map(({ id, ...row }) => ({ ...row, key: sessionKey(id), current: id === currentSid })),
  };
}

/**
 * The person ends one of their own live sessions (security.self), named by its key from the list.
 * Another person's session, an ended one or an unknown key is "not found" (not audited as
 * access.denied: the key names nothing the person could have seen). Audited security.sessionRevoked.
 */
export function endOwnSession(actor: Actor, key: string, request: RequestInfo, now = Date.now()): void {
  authorize(actor, "security.self");
  const db = getDb();
  // The person's live sessions are few (one per device): find the one with this key among them.
  const own = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.personId, actor.id), liveCondition(now)))
    .all()
    .find((row) => sessionKey(row.id) === key);
  if (!own) throw new NotFoundError("session");
  db.transaction((tx) => {
    if (!endSession(own.id, "ended", now, tx)) throw new NotFoundError("session");
    securityEvent("sessionRevoked", { actorId: actor.id, personId: actor.id, ...request }, { scope: "one", count: 1 }, tx);
  });
}

/**
 * "Sign out everywhere else" (security.self): ends every live session of the person except the
 * current one. Returns how many ended; audited security.sessionRevoked (when any did).
 */
export function endOtherOwnSessions(actor: Actor, currentSid: string | null, request: RequestInfo, now = Date.now()): number {
  authorize(actor, "security.self");
  return getDb().transaction((tx) => {
    const ended = endPersonSessions(actor.id, "everywhere", { keep: currentSid, now, tx });
    if (ended) securityEvent("sessionRevoked", { actorId: actor.id, personId: actor.id, ...request }, { scope: "others", count: ended }, tx);
    return ended;
  });
}

/**
 * "Sign out everywhere" (security.self): ends every session of the person, this one included (the
 * page then goes to the sign-in page). Returns how many ended; audited security.sessionRevoked.
 */
export function endAllOwnSessions(actor: Actor, request: RequestInfo, now = Date.now()): number {
  authorize(actor, "security.self");
  return getDb().transaction((tx) => {
    const ended = endPersonSessions(actor.id, "everywhere", { now, tx });
    securityEvent("sessionRevoked", { actorId: actor.id, personId: actor.id, ...request }, { scope: "all", count: ended }, tx);
    return ended;
  });
}
