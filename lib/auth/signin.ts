import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { people } from "@/db/schema";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { accountKey, clearAccount, forgiveAddress, ipKey, recordFailure, signInWait } from "@/lib/auth/rate-limit";

export type SignInResult =
  | { ok: true; person: { id: number; sessionVersion: number; locale: string | null } }
  | { ok: false; reason: "invalid" }
  /** Slowed down (lib/auth/rate-limit.ts signInWait): try again in `seconds`; `minutes` rounded up. `by` says which limit. */
  | { ok: false; reason: "locked"; seconds: number; minutes: number; by: "account" | "address" };

function slowed(wait: { ms: number; key: "account" | "address" | null }): SignInResult {
  const seconds = Math.max(1, Math.ceil(wait.ms / 1000));
  return { ok: false, reason: "locked", seconds, minutes: Math.ceil(seconds / 60), by: wait.key ?? "account" };
}

/**
 * Checks an email and password. Wrong email, wrong password and deactivated account all give the
 * same "invalid" answer, and an unknown email costs the same time as a known one. Failures are
 * counted per account and per client address; past a key's limit the answer is "locked" (slow down)
 * WITHOUT checking the password until that key's growing delay has passed (signInWait); after it the
 * right password signs in. The attempt is counted before the password is checked (so parallel tries
 * cannot slip past the delay) and forgiven when it was right.
 */
export async function checkCredentials(email: string, password: string, ip: string | null, now = Date.now()): Promise<SignInResult> {
  const keys = { account: accountKey(email), ip: ip ? ipKey(ip) : null };
  const wait = signInWait(keys, now);
  if (wait.ms > 0) return slowed(wait);
  recordFailure(keys, now);

  const person = getDb()
    .select({
      id: people.id,
      passwordHash: people.passwordHash,
      active: people.active,
      sessionVersion: people.sessionVersion,
      locale: people.locale,
    })
    .from(people)
    .where(eq(sql`lower(${people.email})`, email.trim().toLowerCase()))
    .get();

  const valid = person ? await verifyPassword(person.passwordHash, password) : await verifyAgainstDummy(password);
  if (!person || !valid || !person.active) {
    const after = signInWait(keys, now);
    return after.ms > 0 ? slowed(after) : { ok: false, reason: "invalid" };
  }
  clearAccount(keys.account);
  if (keys.ip) forgiveAddress(keys.ip, now);
  return { ok: true, person: { id: person.id, sessionVersion: person.sessionVersion, locale: person.locale } };
}

/** The person an email names, if any (for the audit of a refused sign-in). */
export function personIdOf(email: string): number | null {
  return (
    getDb()
      .select({ id: people.id })
      .from(people)
      .where(eq(sql`lower(${people.email})`, email.trim().toLowerCase()))
      .get()?.id ?? null
  );
}

/** The stored language of a person who has just signed in (applied to the locale cookie). */
export function storedLocaleOf(email: string): string | null {
  return (
    getDb()
      .select({ locale: people.locale })
      .from(people)
      .where(eq(sql`lower(${people.email})`, email.trim().toLowerCase()))
      .get()?.locale ?? null
  );
}
