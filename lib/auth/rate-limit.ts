import "server-only";
import { and, count, eq, gte, inArray, lt, min } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginFailures } from "@/db/schema";

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
    tx.delete(loginFailures).where(lt(loginFailures.at, now - WINDOW_MS)).run();
  });
}

/** A successful sign-in clears the account's failures (not the address's). */
export function clearAccount(account: string): void {
  getDb().delete(loginFailures).where(eq(loginFailures.key, account)).run();
}
