import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { people } from "@/db/schema";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { accountKey, clearAccount, ipKey, lockedMinutes, recordFailure } from "@/lib/auth/rate-limit";

export type SignInResult =
  | { ok: true; person: { id: number; sessionVersion: number; locale: string | null } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutes: number };

/**
 * Checks an email and password. Wrong email, wrong password and deactivated account all give the
 * same "invalid" answer, and an unknown email costs the same time as a known one. Failures are
 * counted per account and per client address; past the limit the answer is "locked".
 */
export async function checkCredentials(email: string, password: string, ip: string | null): Promise<SignInResult> {
  const keys = { account: accountKey(email), ip: ip ? ipKey(ip) : null };
  const minutes = lockedMinutes(keys);
  if (minutes > 0) return { ok: false, reason: "locked", minutes };

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
    recordFailure(keys);
    const after = lockedMinutes(keys);
    return after > 0 ? { ok: false, reason: "locked", minutes: after } : { ok: false, reason: "invalid" };
  }
  clearAccount(keys.account);
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
