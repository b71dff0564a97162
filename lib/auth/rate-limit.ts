import "server-only";
import { and, count, desc, eq, gte, inArray, like, lt, lte, min, notLike } from "drizzle-orm";
import { getDb, type DB } from "@/db/client";
import { loginFailures } from "@/db/schema";
import { WALKUP_PER_ADDRESS_PER_HOUR, WALKUP_PER_DEVICE_PER_HOUR } from "@/lib/feedback/vocabulary";

export const WINDOW_MS = 15 * 60 * 1000;
/** How long failures are kept: a run of sign-in failures (signInWait) can outlast one window. */
export const SIGNIN_MEMORY_MS = 24 * 60 * 60 * 1000;
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

// ---------- Sign-in: a growing delay, never a lockout ----------

/** The first wait once a sign-in key reaches its limit; each further failure doubles it, up to the cap. */
export const SIGNIN_FIRST_DELAY_MS = 30 * 1000;
export const SIGNIN_MAX_DELAY_MS = 15 * 60 * 1000;

/**
 * The wait after a key's n-th failure inside the window: none below its limit (LIMITS.account for an
 * account, LIMITS.ip for an address), then 30 s, 1 min, 2, 4, 8 min, then 15 min at most.
 */
export function signInDelayMs(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(SIGNIN_MAX_DELAY_MS, SIGNIN_FIRST_DELAY_MS * 2 ** Math.min(failures - limit, 30));
}

/** Sign-in failures of one key belong to one run while no pause this long separates them (see signInWait). */
export const SIGNIN_RUN_GAP_MS = 60 * 60 * 1000;

/**
 * How long (ms) a sign-in for these keys must still wait, and which key makes it wait. A key's failures
 * count as one run while no hour's pause (SIGNIN_RUN_GAP_MS) separates them; from its limit on (10 for
 * an account, 50 for an address: so certainly 10 failures within 15 minutes) the key is slowed, not
 * locked: the wait (signInDelayMs of the run's length) runs from its LAST failure, so once it has
 * passed the next attempt is checked (and the right password signs in, clearing the account's run).
 * Attempts refused during the wait are not counted (the caller does not record them). The run
 * outlasts the longest delay (15 minutes), so whoever waits each delay out and fails again stays at
 * one try per 15 minutes; a fresh start needs an hour without failures.
 */
export function signInWait(keys: { account: string; ip?: string | null }, now = Date.now()): { ms: number; key: "account" | "address" | null } {
  let wait: { ms: number; key: "account" | "address" | null } = { ms: 0, key: null };
  const candidates: [string, number, "account" | "address"][] = [[keys.account, LIMITS.account, "account"]];
  if (keys.ip) candidates.push([keys.ip, LIMITS.ip, "address"]);
  for (const [key, limit, kind] of candidates) {
    const ms = runWait(key, limit, now);
    if (ms > wait.ms) wait = { ms, key: kind };
  }
  return wait;
}

/** The wait one key imposes: the length of its current run of failures (at most the few that matter), read newest first. */
function runWait(key: string, limit: number, now: number): number {
  const times = getDb()
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, now - SIGNIN_MEMORY_MS), lte(loginFailures.at, now)))
    .orderBy(desc(loginFailures.at))
    .limit(limit + 6)
    .all()
    .map((r) => r.at);
  if (times.length === 0) return 0;
  let run = 1;
  while (run < times.length && times[run - 1] - times[run] < SIGNIN_RUN_GAP_MS) run++;
  const ms = times[0] + signInDelayMs(run, limit) - now;
  return ms > 0 ? ms : 0;
}

/** Takes back the one failure counted for an address when that attempt turned out right (see lib/auth/signin.ts). */
export function forgiveAddress(ip: string, at: number): void {
  const db = getDb();
  const row = db
    .select({ id: loginFailures.id })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, ip), eq(loginFailures.at, at)))
    .limit(1)
    .get();
  if (row) db.delete(loginFailures).where(eq(loginFailures.id, row.id)).run();
}

export function recordFailure(keys: { account: string; ip?: string | null }, now = Date.now()): void {
  const db = getDb();
  db.transaction((tx) => {
    const values = [{ key: keys.account, at: now }, ...(keys.ip ? [{ key: keys.ip, at: now }] : [])];
    tx.insert(loginFailures).values(values).run();
    // Keep the table small: forget failures older than any run of sign-in failures needs.
    tx.delete(loginFailures).where(and(lt(loginFailures.at, now - SIGNIN_MEMORY_MS), notLike(loginFailures.key, `${WALKUP_PREFIX}%`))).run();
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
