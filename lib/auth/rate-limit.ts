import "server-only";
import { and, count, eq, gte, inArray, like, lt, min, notLike } from "drizzle-orm";
import { getDb, type DB } from "@/db/client";
import { loginFailures } from "@/db/schema";
import { WALKUP_PER_ADDRESS_PER_HOUR, WALKUP_PER_DEVICE_PER_HOUR } from "@/lib/feedback/vocabulary";

export const WINDOW_MS = 15 * 60 * 1000;
export const LIMITS = { account: 10, ip: 50, receipt: 10 } as const;

export function accountKey(email: string) {
  return `account:${email.trim().toLowerCase()}`;
}
export function ipKey(ip: string) {
  return `ip:${ip}`;
}
/** Wrong receipt codes (anonymous concerns), counted per address only: never a key derived from an author. */
export function receiptIpKey(ip: string | null) {
  return `receipt-ip:${ip ?? "unknown"}`;
}

/** Calls to the API (/api/v1) with a missing, wrong or revoked key, counted per address (the ip limit applies). */
export function apiIpKey(ip: string | null) {
  return `api-ip:${ip ?? "unknown"}`;
}

/**
 * Minutes until the caller may try again (0 = not locked). A key is locked when it has reached its
 * limit of failures inside the window; it unlocks when the oldest of those leaves the window.
 */
export function lockedMinutes(keys: { account: string; ip?: string | null }, now = Date.now()): number {
  const db = getDb();
  const since = now - WINDOW_MS;
  const wanted = [keys.account, ...(keys.ip ? [keys.ip] : [])];
  const rows = db
    .select({ key: loginFailures.key, n: count(), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, wanted), gte(loginFailures.at, since)))
    .groupBy(loginFailures.key)
    .all();
  let wait = 0;
  for (const r of rows) {
    const limit = r.key.startsWith("account:") ? LIMITS.account : r.key.startsWith("receipt-ip:") ? LIMITS.receipt : LIMITS.ip;
    if (r.n >= limit && r.oldest != null) wait = Math.max(wait, r.oldest + WINDOW_MS - now);
  }
  return wait > 0 ? Math.max(1, Math.ceil(wait / 60000)) : 0;
}

export function recordFailure(keys: { account: string; ip?: string | null }, now = Date.now()): void {
  const db = getDb();
  db.transaction((tx) => {
    const values = [{ key: keys.account, at: now }, ...(keys.ip ? [{ key: keys.ip, at: now }] : [])];
    tx.insert(loginFailures).values(values).run();
    // Keep the table small: forget failures that have left the window.
    tx.delete(loginFailures).where(and(lt(loginFailures.at, now - WINDOW_MS), notLike(loginFailures.key, `${WALKUP_PREFIX}%`))).run();
  });
}

/** A successful sign-in clears the account's failures (not the address's). */
export function clearAccount(account: string): void {
  getDb().delete(loginFailures).where(eq(loginFailures.key, account)).run();
}

// ---------- Walk-up ratings (personal QR codes, issue 12) ----------

/** Walk-up counters live beside sign-in failures, with their own prefix and a one-hour window. */
export const WALKUP_PREFIX = "walkup-";
export const WALKUP_WINDOW_MS = 60 * 60 * 1000;
export const WALKUP_LIMITS = { address: WALKUP_PER_ADDRESS_PER_HOUR, device: WALKUP_PER_DEVICE_PER_HOUR } as const;

/**
 * The counters a walk-up rating of one person counts against: one per address, one per device
 * (a random cookie the rating page sets). Both name the person: limits are per person rated.
 */
export function walkupKeys(personId: number, address: string | null, device: string | null): { address: string; device: string | null } {
  return {
    address: `${WALKUP_PREFIX}ip:${personId}:${address ?? "unknown"}`,
    device: device ? `${WALKUP_PREFIX}device:${personId}:${device}` : null,
  };
}

type LimitTx = Pick<DB, "select" | "insert" | "delete">;

/** Whether one more walk-up rating fits the hour's limits for these counters. */
export function walkupAllowed(keys: { address: string; device: string | null }, now = Date.now(), tx: LimitTx = getDb()): boolean {
  const wanted = [keys.address, ...(keys.device ? [keys.device] : [])];
  const rows = tx
    .select({ key: loginFailures.key, n: count() })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, wanted), gte(loginFailures.at, now - WALKUP_WINDOW_MS)))
    .groupBy(loginFailures.key)
    .all();
  return rows.every((r) => r.n < (r.key === keys.address ? WALKUP_LIMITS.address : WALKUP_LIMITS.device));
}

/** Counts one walk-up rating against its counters (and forgets walk-ups older than the window). */
export function recordWalkup(keys: { address: string; device: string | null }, now = Date.now(), tx: LimitTx = getDb()): void {
  tx.insert(loginFailures)
    .values([{ key: keys.address, at: now }, ...(keys.device ? [{ key: keys.device, at: now }] : [])])
    .run();
  tx.delete(loginFailures).where(and(like(loginFailures.key, `${WALKUP_PREFIX}%`), lt(loginFailures.at, now - WALKUP_WINDOW_MS))).run();
}
