import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisation, people, securitySettings } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { securityEvent } from "@/lib/auth/security-audit";
import { ActionError, FieldError } from "@/lib/core/errors";
import { personSearchText } from "@/lib/core/search-text";
import { dateInZone } from "@/lib/core/dates";
import { isTimeZone } from "@/lib/org/zones";
import { LOCALES, type Locale } from "@/lib/people/vocabulary";

/*
 * The one-time setup of an installation without the demo (issue 14, point 2; ROLEBOOK_DEMO=false):
 * while nobody exists, the public page /setup creates the organisation's settings and its first HR
 * admin with their own password. No actor: the empty `people` table is the authority, checked again
 * inside the transaction that creates the person, so a second submit or a race is refused.
 */

export type SetupInput = {
  organisationName: string;
  timeZone: string;
  locale: Locale;
  name: string;
  email: string;
  password: string;
  repeat: string;
  requireSecondFactorForHr: boolean;
};

/** Where the request came from (for the audit entry). */
export type RequestOrigin = { ip: string | null; userAgent: string | null };

/**
 * Creates the organisation settings (not the demo) and the first HR admin in one transaction, and
 * audits `security.setupCompleted`. Refused (errors.setup.alreadyDone) once anybody exists.
 */
export async function completeSetup(input: SetupInput, origin: RequestOrigin, now = new Date()): Promise<{ personId: number }> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const errors: Record<string, string> = {};
  if (!isTimeZone(input.timeZone)) errors.timeZone = "invalidTimeZone";
  if (!LOCALES.includes(input.locale)) errors.locale = "invalidChoice";
  const problem = await passwordProblem(input.password, [name, email, input.organisationName]);
  if (problem) errors.password = problem;
  else if (input.password !== input.repeat) errors.repeat = "setup.passwordsDiffer";
  if (Object.keys(errors).length) throw new FieldError(errors);
  // Cheap early answer before the (slow) hash; the transaction checks again.
  if (hasAnybody()) throw new ActionError("setup.alreadyDone");
  const passwordHash = await hashPassword(input.password);
  const nowIso = now.toISOString();
  return getDb().transaction((tx) => {
    const existing = tx.select({ n: count() }).from(people).get()?.n ?? 0;
    if (existing > 0) throw new ActionError("setup.alreadyDone");
    tx.update(organisation)
      .set({
        name: input.organisationName.trim(),
        timeZone: input.timeZone,
        locale: input.locale,
        demo: false,
        revision: sql`${organisation.revision} + 1`,
        updatedAt: nowIso,
      })
      .where(eq(organisation.id, 1))
      .run();
    const person = tx
      .insert(people)
      .values({
        name,
        email,
        searchText: personSearchText(name, email),
        passwordHash,
        appRole: "hr_admin",
        startDate: dateInZone(now, input.timeZone),
        locale: input.locale,
      })
      .returning({ id: people.id })
      .get();
    tx.update(organisation).set({ updatedById: person.id }).where(eq(organisation.id, 1)).run();
    tx.update(securitySettings)
      .set({ requireSecondFactorForHr: input.requireSecondFactorForHr, updatedById: person.id, updatedAt: now.getTime() })
      .where(eq(securitySettings.id, 1))
      .run();
    securityEvent(
      "setupCompleted",
      { actorId: null, personId: person.id, ip: origin.ip, userAgent: origin.userAgent },
      { organisation: input.organisationName.trim(), timeZone: input.timeZone, locale: input.locale, requireSecondFactorForHr: input.requireSecondFactorForHr },
      tx,
    );
    return { personId: person.id };
  });
}

function hasAnybody(): boolean {
  return Boolean(getDb().select({ id: people.id }).from(people).limit(1).get());
}
