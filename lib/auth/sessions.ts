import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt, ne, or } from "drizzle-orm";
import { getDb, type DB } from "@/db/client";
import { people, sessions, type SessionEndReason, type SessionMethod } from "@/db/schema";
import { securitySettings } from "@/lib/auth/security-settings";
import { SESSION_TOUCH_MS } from "@/lib/auth/security-vocabulary";

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

/**
 * The live session with this id, or null: revoked, idle longer than the idle timeout, older than
 * the absolute lifetime, or its person deactivated. Records the request (last seen) at most once
 * a minute. Nothing ever renews a session that is not live.
 */
export function liveSession(sid: string, now = Date.now()): LiveSession | null {
  const db = getDb();
  const row = db
    .select({ id: sessions.id, personId: sessions.personId, secondFactor: sessions.secondFactor, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, revokedAt: sessions.revokedAt, active: people.active })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(eq(sessions.id, sid))
    .get();
  if (!row || row.revokedAt != null || !row.active) return null;
  const { idleMinutes, absoluteHours } = securitySettings();
  if (now - row.lastSeenAt > idleMinutes * 60_000) return null;
  if (now - row.createdAt > absoluteHours * 3_600_000) return null;
  if (now - row.lastSeenAt >= SESSION_TOUCH_MS) {
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
