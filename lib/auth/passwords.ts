import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, gte, inArray, isNull, like, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginFailures, notificationDeliveries, passwordResets, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyAgainstDummy, hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { authorize } from "@/lib/auth/policy";
import { accountKey, ipKey, lockedMinutes, recordFailure, WINDOW_MS } from "@/lib/auth/rate-limit";
import { securityEvent } from "@/lib/auth/security-audit";
import { PASSWORD_MAX_LENGTH, PASSWORD_RESET_VALID_MS } from "@/lib/auth/security-vocabulary";
import { endPersonSessions } from "@/lib/auth/sessions";
import { ActionError, FieldError } from "@/lib/core/errors";

/*
 * Passwords (issue 14 point 3): a person changes their own (current password required; their other
 * sessions end), or chooses a new one through an emailed one-time link (valid 30 minutes, single
 * use; only the link token's SHA-256 is stored, and the outbox row carries the token only until the
 * email is sent, like invitations). Every new password passes `passwordProblem`.
 */

/** Where a request came from (audit, rate limits). */
export type RequestOrigin = { ip: string | null; userAgent: string | null };

/** Reset requests allowed per account and per address inside the sign-in window (15 minutes). */
export const RESET_REQUEST_LIMITS = { account: 3, ip: 20 } as const;
/** A reset request always takes at least this long, whether or not the email named someone. */
export const RESET_REQUEST_MIN_MS = 700;

const RESET_PREFIX = "reset-";
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** The outbox row of a reset email: kind "invitation" (a one-time link), message key `p<reset id>`. */
const RESET_MESSAGE_KEY = /^p([1-9][0-9]*)$/;

export function resetTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The errors.* key of a new password and its repeat, or null: the one check for every form. */
async function newPasswordErrors(password: string, repeat: string, person: { name: string; email: string | null }): Promise<Record<string, string> | null> {
  const problem = await passwordProblem(password, [person.name, person.email ?? ""]);
  if (problem) return { password: problem };
  if (password !== repeat) return { repeat: "invite.passwordsDiffer" };
  return null;
}

// ---------- Changing one's own password ----------

/**
 * A signed-in person changes their password: the current one must be right (a wrong one counts as a
 * failed sign-in for the account and address limits, and is refused while those are locked). On
 * success the hash is replaced and every OTHER session of theirs ends (`currentSid` stays signed
 * in; the session version is not bumped, which would sign this one out too). Audited.
 */
export async function changeOwnPassword(
  actor: Actor,
  currentSid: string | null,
  input: { current: string; password: string; repeat: string },
  origin: RequestOrigin,
  now = Date.now(),
): Promise<{ endedSessions: number }> {
  authorize(actor, "security.self", { type: "person", id: actor.id });
  const db = getDb();
  const person = db.select({ name: people.name, email: people.email, passwordHash: people.passwordHash }).from(people).where(eq(people.id, actor.id)).get();
  if (!person) throw new ActionError("notFound");
  const who = { actorId: actor.id, personId: actor.id, ...origin };
  const keys = { account: accountKey(person.email ?? `person-${actor.id}`), ip: origin.ip ? ipKey(origin.ip) : null };
  const locked = lockedMinutes(keys, now);
  if (locked > 0) {
    securityEvent("signinLocked", who, { during: "passwordChange" });
    throw new FieldError({ current: "signInLocked" }, { current: { minutes: locked } });
  }
  if (input.current.length > PASSWORD_MAX_LENGTH || !(await verifyPassword(person.passwordHash, input.current))) {
    recordFailure(keys, now);
    securityEvent("signinFailed", who, { during: "passwordChange" });
    throw new FieldError({ current: "passwordCurrentWrong" });
  }
  const problems = await newPasswordErrors(input.password, input.repeat, person);
  if (problems) throw new FieldError(problems);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    tx.update(people)
      .set({ passwordHash, revision: sql`${people.revision} + 1`, updatedAt: new Date(now).toISOString() })
      .where(eq(people.id, actor.id))
      .run();
    const endedSessions = endPersonSessions(actor.id, "password", { keep: currentSid, now, tx });
    securityEvent("passwordChanged", who, { endedSessions }, tx);
    return { endedSessions };
  });
}

// ---------- Forgotten password: the emailed link ----------

function resetKeys(email: string, ip: string | null) {
  return { account: `${RESET_PREFIX}${accountKey(email)}`, ip: `${RESET_PREFIX}${ipKey(ip ?? "unknown")}` };
}

/** Counts this request against its account and address; false when either is over its limit. */
function resetRequestAllowed(email: string, ip: string | null, now: number): boolean {
  const keys = resetKeys(email, ip);
  return getDb().transaction((tx) => {
    const rows = tx
      .select({ key: loginFailures.key, n: count() })
      .from(loginFailures)
      .where(and(inArray(loginFailures.key, [keys.account, keys.ip]), gte(loginFailures.at, now - WINDOW_MS)))
      .groupBy(loginFailures.key)
      .all();
    const n = (key: string) => rows.find((r) => r.key === key)?.n ?? 0;
    tx.insert(loginFailures).values([{ key: keys.account, at: now }, { key: keys.ip, at: now }]).run();
    // Keep the table small: forget reset requests that have left the window.
    tx.delete(loginFailures).where(and(like(loginFailures.key, `${RESET_PREFIX}%`), lt(loginFailures.at, now - WINDOW_MS))).run();
    return n(keys.account) < RESET_REQUEST_LIMITS.account && n(keys.ip) < RESET_REQUEST_LIMITS.ip;
  });
}

/**
 * "Forgot your password?" (public). Whatever the email, the caller learns nothing: the answer is
 * the same and takes at least RESET_REQUEST_MIN_MS. An active person with that email gets a
 * one-time link (earlier unused links of theirs stop working); an unknown or deactivated one, or a
 * request over the per-account or per-address limit, sends nothing.
 */
export async function requestPasswordReset(email: string, origin: RequestOrigin, options: { now?: number; minMs?: number } = {}): Promise<void> {
  const started = Date.now();
  const now = options.now ?? started;
  const normalised = email.trim().toLowerCase();
  try {
    if (!normalised || normalised.length > 320 || !resetRequestAllowed(normalised, origin.ip, now)) return;
    const db = getDb();
    const person = db
      .select({ id: people.id, active: people.active, email: people.email })
      .from(people)
      .where(eq(sql`lower(${people.email})`, normalised))
      .get();
    if (!person || !person.active) return;
    const token = randomBytes(32).toString("base64url");
    const nowIso = new Date(now).toISOString();
    db.transaction((tx) => {
      tx.update(passwordResets)
        .set({ expiresAt: now })
        .where(and(eq(passwordResets.personId, person.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
        .run();
      tx.update(notificationDeliveries)
        .set({ status: "skipped", payload: "{}", lastError: "replaced by a newer password reset link" })
        .where(
          and(
            eq(notificationDeliveries.personId, person.id),
            eq(notificationDeliveries.kind, "invitation"),
            eq(notificationDeliveries.status, "pending"),
            like(notificationDeliveries.messageKey, "p%"),
          ),
        )
        .run();
      const resetId = tx
        .insert(passwordResets)
        .values({ personId: person.id, tokenHash: resetTokenHash(token), createdAt: now, expiresAt: now + PASSWORD_RESET_VALID_MS })
        .returning({ id: passwordResets.id })
        .get().id;
      tx.insert(notificationDeliveries)
        .values({
          personId: person.id,
          channel: "email",
          kind: "invitation",
          status: "pending",
          payload: JSON.stringify({ reset: token }),
          messageKey: `p${resetId}`,
          nextAttemptAt: nowIso,
          createdAt: nowIso,
        })
        .run();
      securityEvent("passwordResetRequested", { actorId: null, personId: person.id, ...origin }, { resetId }, tx);
    });
  } finally {
    const wait = (options.minMs ?? RESET_REQUEST_MIN_MS) - (Date.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}

function findReset(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  return (
    getDb()
      .select({
        id: passwordResets.id,
        personId: passwordResets.personId,
        expiresAt: passwordResets.expiresAt,
        usedAt: passwordResets.usedAt,
        name: people.name,
        email: people.email,
        active: people.active,
      })
      .from(passwordResets)
      .innerJoin(people, eq(people.id, passwordResets.personId))
      .where(eq(passwordResets.tokenHash, resetTokenHash(token)))
      .get() ?? null
  );
}

export type PasswordResetPage = { state: "open"; firstName: string; expiresAt: number } | { state: "invalid" | "expired" | "used" };

/** What /reset-password/<token> shows (public). Never writes. */
export function openPasswordReset(token: string, now = Date.now()): PasswordResetPage {
  const row = findReset(token);
  if (!row || !row.active) return { state: "invalid" };
  if (row.usedAt != null) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "open", firstName: row.name.split(/\s+/)[0] || row.name, expiresAt: row.expiresAt };
}

/**
 * Sets a new password through the link: the link is marked used in the same UPDATE that checks it
 * is unused and unexpired (single use, even from two tabs), the hash is replaced, the person's other
 * links stop working and EVERY session of theirs ends. Audited. Returns the person's id.
 */
export async function resetPassword(token: string, input: { password: string; repeat: string }, origin: RequestOrigin, now = Date.now()): Promise<{ personId: number }> {
  const found = findReset(token);
  if (!found || !found.active) {
    // Same work for a made-up token as for a real one.
    await verifyAgainstDummy(input.password.slice(0, PASSWORD_MAX_LENGTH));
    throw new ActionError("resetLinkInvalid");
  }
  if (found.usedAt != null) throw new ActionError("resetLinkUsed");
  if (found.expiresAt <= now) throw new ActionError("resetLinkExpired");
  const problems = await newPasswordErrors(input.password, input.repeat, found);
  if (problems) throw new FieldError(problems);
  const passwordHash = await hashPassword(input.password);
  return getDb().transaction((tx) => {
    const used = tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, found.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ personId: passwordResets.personId })
      .get();
    if (!used) throw new ActionError("resetLinkUsed");
    const changed = tx
      .update(people)
      .set({ passwordHash, revision: sql`${people.revision} + 1`, updatedAt: new Date(now).toISOString() })
      .where(and(eq(people.id, used.personId), eq(people.active, true)))
      .run();
    if (changed.changes === 0) throw new ActionError("resetLinkInvalid");
    tx.update(passwordResets)
      .set({ expiresAt: now })
      .where(and(eq(passwordResets.personId, used.personId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .run();
    const endedSessions = endPersonSessions(used.personId, "password", { now, tx });
    securityEvent("passwordReset", { actorId: used.personId, personId: used.personId, ...origin }, { resetId: found.id, endedSessions }, tx);
    return { personId: used.personId };
  });
}

/** Whether an outbox row is a password-reset email (lib/email/worker.ts routes it to its renderer). */
export function isPasswordResetMessage(messageKey: string | null): boolean {
  return RESET_MESSAGE_KEY.test(messageKey ?? "");
}

/** For the reset email: until when its link works (by the outbox row's key `p<id>`). */
export function passwordResetForEmail(messageKey: string | null): { expiresAt: number } | null {
  const match = RESET_MESSAGE_KEY.exec(messageKey ?? "");
  if (!match) return null;
  return getDb().select({ expiresAt: passwordResets.expiresAt }).from(passwordResets).where(eq(passwordResets.id, Number(match[1]))).get() ?? null;
}
