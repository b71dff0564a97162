import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import { headers } from "next/headers";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { getDb, type DB } from "@/db/client";
import { people, recoveryCodes, secondFactors } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { accountKey, lockedMinutes, recordFailure } from "@/lib/auth/rate-limit";
import { clientAddress, userAgentOf } from "@/lib/auth/request-info";
import { securityEvent } from "@/lib/auth/security-audit";
import { securitySettings } from "@/lib/auth/security-settings";
import { RECOVERY_CODE_COUNT } from "@/lib/auth/security-vocabulary";
import { endPersonSessions } from "@/lib/auth/sessions";
import { ActionError, FieldError, NotFoundError } from "@/lib/core/errors";

/**
 * TOTP second factor (issue 14 point 4): RFC 6238 codes (SHA-1, 6 digits, 30-second steps, one
 * step either side accepted), never the same step twice (`lastStep`), and ten single-use recovery
 * codes (only their SHA-256). The secret is stored encrypted (AES-256-GCM, key derived from
 * AUTH_SECRET with HKDF). Enrolment: start (a pending secret, shown as a QR code and as text) →
 * confirm with a current code → enabled + recovery codes shown once.
 */

export const TOTP_ISSUER = "Rolebook";
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
/** A pending (unconfirmed) secret is reused for this long, so reloading the page keeps the QR code. */
const PENDING_REUSE_MS = 60 * 60 * 1000;

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

// ---------- Encryption at rest ----------

/** Used only when AUTH_SECRET is unset (unit tests): the start script always sets one. */
const FALLBACK_SECRET = "rolebook-second-factor-development-secret";

function key(): Buffer {
  const secret = process.env.AUTH_SECRET || FALLBACK_SECRET;
  return Buffer.from(hkdfSync("sha256", secret, "rolebook", "rolebook second-factor secret v1", 32));
}

/** Encrypts a TOTP secret (base32) for the database: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** Decrypts what encryptSecret wrote; throws on anything tampered with or made with another key. */
export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("unknown second-factor secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

// ---------- Codes ----------

function totpFor(secretBase32: string, email = ""): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: email, algorithm: "SHA1", digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** A 6-digit code (spaces allowed), or null. */
function totpToken(code: string): string | null {
  const compact = code.replace(/\s+/g, "");
  return /^\d{6}$/.test(compact) ? compact : null;
}

/**
 * The 30-second step a code belongs to (current, previous or next), or null when it is wrong or
 * its step is not after `lastStep` (a code is never accepted twice).
 */
export function totpStep(secretBase32: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const token = totpToken(code);
  if (!token) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  const step = TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no l, o, 0, 1

/** Ten fresh recovery codes, `abcd-efgh-ijkl`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** The stored hash of a recovery code, whatever its case, spaces and dashes; null if it cannot be one. */
export function recoveryCodeHash(code: string): string | null {
  const compact = code.toLowerCase().replace(/[\s-]+/g, "");
  if (!/^[a-z0-9]{12}$/.test(compact)) return null;
  return createHash("sha256").update(`rolebook-recovery:${compact}`).digest("hex");
}

function storeRecoveryCodes(tx: Tx, personId: number, codes: string[]): void {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.personId, personId)).run();
  tx.insert(recoveryCodes)
    .values(codes.map((c) => ({ personId, codeHash: recoveryCodeHash(c)! })))
    .run();
}

// ---------- Reading ----------

type FactorRow = { personId: number; secretEnc: string; enabledAt: number | null; lastStep: number | null; createdAt: number };

function factorOf(personId: number, tx: Pick<DB, "select"> = getDb()): FactorRow | undefined {
  return tx.select().from(secondFactors).where(eq(secondFactors.personId, personId)).get();
}

function enabledFactor(personId: number): FactorRow | undefined {
  const row = factorOf(personId);
  return row?.enabledAt != null ? row : undefined;
}

/**
 * Accepts a TOTP code for an enabled factor: records its step (so it cannot be used again, even by
 * a request racing this one). Returns whether it was accepted.
 */
function acceptTotp(row: FactorRow, code: string, now: number): boolean {
  const step = totpStep(decryptSecret(row.secretEnc), code, row.lastStep, now);
  if (step === null) return false;
  const r = getDb()
    .update(secondFactors)
    .set({ lastStep: step })
    .where(and(eq(secondFactors.personId, row.personId), or(isNull(secondFactors.lastStep), lt(secondFactors.lastStep, step))))
    .run();
  return r.changes > 0;
}

/** Uses an unused recovery code of this person (once). */
function acceptRecoveryCode(personId: number, code: string, now: number): boolean {
  const hash = recoveryCodeHash(code);
  if (!hash) return false;
  const r = getDb()
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.personId, personId), eq(recoveryCodes.codeHash, hash), isNull(recoveryCodes.usedAt)))
    .run();
  return r.changes > 0;
}

/** Where the current request comes from (null outside a request, e.g. in unit tests). */
async function origin(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { ip: clientAddress(h), userAgent: userAgentOf(h) };
  } catch {
    return { ip: null, userAgent: null };
  }
}

function emailOf(personId: number): string | null {
  return getDb().select({ email: people.email }).from(people).where(eq(people.id, personId)).get()?.email ?? null;
}

export type SecondFactorCheck =
  | { ok: true; used: "totp" | "recovery" | "none" }
  | { ok: false; reason: "required" | "invalid" };

/**
 * At sign-in, after the password was accepted: a person with an enabled second factor must give a
 * current TOTP code (or an unused recovery code). No code → "required" (the form then asks for one);
 * a wrong or replayed code → "invalid" (counted as a sign-in failure of the account). A person
 * without one → ok, used "none".
 */
export async function checkSecondFactorAtSignIn(personId: number, code: string | undefined, now = Date.now()): Promise<SecondFactorCheck> {
  const row = enabledFactor(personId);
  if (!row) return { ok: true, used: "none" };
  if (!code?.trim()) return { ok: false, reason: "required" };
  const from = await origin();
  const who = { actorId: null, personId, ...from };
  const used = acceptTotp(row, code, now) ? "totp" : acceptRecoveryCode(personId, code, now) ? "recovery" : null;
  if (!used) {
    const email = emailOf(personId);
    if (email) recordFailure({ account: accountKey(email) }, now);
    securityEvent("signinFailed", who, { reason: "secondFactor" });
    return { ok: false, reason: "invalid" };
  }
  securityEvent("secondFactorUsed", { ...who, actorId: personId }, { used });
  return { ok: true, used };
}

/** Whether HR admins must have a second factor and this person is one. */
function requiredFor(actor: Actor): boolean {
  return actor.appRole === "hr_admin" && securitySettings().requireSecondFactorForHr;
}

/**
 * Whether this person must enrol a second factor before doing anything else (HR admins when the
 * setting requires it and they have none). Pages then send them to /security/two-factor.
 */
export function mustEnrolSecondFactor(actor: Actor): boolean {
  return requiredFor(actor) && !enabledFactor(actor.id);
}

export type SecondFactorStatus = { enabled: boolean; enabledAt: number | null; recoveryCodesLeft: number; required: boolean };

/** The person's own second factor, for the "Sign-in and security" page. */
export function secondFactorStatus(actor: Actor): SecondFactorStatus {
  authorize(actor, "security.self");
  const row = enabledFactor(actor.id);
  const left = row
    ? getDb()
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.personId, actor.id), isNull(recoveryCodes.usedAt)))
        .get()!.n
    : 0;
  return { enabled: Boolean(row), enabledAt: row?.enabledAt ?? null, recoveryCodesLeft: left, required: requiredFor(actor) };
}

// ---------- Enrolment ----------

export type Enrolment = { secret: string; uri: string; qr: string };

/**
 * The pending secret to enrol (made on first call, reused for an hour so a reload keeps the same QR
 * code), with its otpauth:// URI and a QR code (PNG data URL). Already enabled → null.
 */
export async function startEnrolment(actor: Actor, now = Date.now()): Promise<Enrolment | null> {
  authorize(actor, "security.self");
  const db = getDb();
  const row = factorOf(actor.id);
  if (row?.enabledAt != null) return null;
  let secret: string;
  if (row && now - row.createdAt < PENDING_REUSE_MS) secret = decryptSecret(row.secretEnc);
  else {
    secret = new Secret({ size: 20 }).base32;
    const secretEnc = encryptSecret(secret);
    db.insert(secondFactors)
      .values({ personId: actor.id, secretEnc, enabledAt: null, lastStep: null, createdAt: now })
      .onConflictDoUpdate({ target: secondFactors.personId, set: { secretEnc, enabledAt: null, lastStep: null, createdAt: now } })
      .run();
  }
  const uri = totpFor(secret, actor.email).toString();
  const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 220 });
  return { secret, uri, qr };
}

/** Refuses while the account is slowed by failures (wrong codes count like wrong passwords). */
function checkNotLocked(actor: Actor, now: number): void {
  const minutes = lockedMinutes({ account: accountKey(actor.email) }, now);
  if (minutes > 0) throw new ActionError("signInLocked", { minutes });
}

function wrongCode(actor: Actor, now: number): never {
  recordFailure({ account: accountKey(actor.email) }, now);
  throw new FieldError({ code: "twoFactorCodeInvalid" });
}

/**
 * Confirms enrolment with a current code from the app: the factor is enabled and ten recovery
 * codes are made. Returns the codes (shown once; only their hashes are kept).
 */
export async function confirmEnrolment(actor: Actor, code: string, now = Date.now()): Promise<string[]> {
  authorize(actor, "security.self");
  checkNotLocked(actor, now);
  const row = factorOf(actor.id);
  if (!row) throw new ActionError("twoFactorNotStarted");
  if (row.enabledAt != null) throw new ActionError("twoFactorAlreadyOn");
  const step = totpStep(decryptSecret(row.secretEnc), code, row.lastStep, now);
  if (step === null) wrongCode(actor, now);
  const codes = newRecoveryCodes();
  const from = await origin();
  getDb().transaction((tx) => {
    const r = tx
      .update(secondFactors)
      .set({ enabledAt: now, lastStep: step })
      .where(and(eq(secondFactors.personId, actor.id), isNull(secondFactors.enabledAt)))
      .run();
    if (r.changes === 0) throw new ActionError("twoFactorAlreadyOn");
    storeRecoveryCodes(tx, actor.id, codes);
    securityEvent("secondFactorEnrolled", { actorId: actor.id, personId: actor.id, ...from }, {}, tx);
  });
  return codes;
}

/** New recovery codes (the old ones stop working); needs a current code from the app. */
export async function regenerateRecoveryCodes(actor: Actor, code: string, now = Date.now()): Promise<string[]> {
  authorize(actor, "security.self");
  checkNotLocked(actor, now);
  const row = enabledFactor(actor.id);
  if (!row) throw new NotFoundError("second factor");
  if (!acceptTotp(row, code, now)) wrongCode(actor, now);
  const codes = newRecoveryCodes();
  const from = await origin();
  getDb().transaction((tx) => {
    storeRecoveryCodes(tx, actor.id, codes);
    securityEvent("secondFactorEnrolled", { actorId: actor.id, personId: actor.id, ...from }, { recoveryCodesRenewed: true }, tx);
  });
  return codes;
}

/** Turns the person's second factor off; needs a current code, and is refused while HR admins must have one. */
export async function disableSecondFactor(actor: Actor, code: string, now = Date.now()): Promise<void> {
  authorize(actor, "security.self");
  if (requiredFor(actor)) throw new ActionError("twoFactorRequired");
  checkNotLocked(actor, now);
  const row = enabledFactor(actor.id);
  if (!row) throw new NotFoundError("second factor");
  if (!acceptTotp(row, code, now)) wrongCode(actor, now);
  const from = await origin();
  getDb().transaction((tx) => {
    tx.delete(recoveryCodes).where(eq(recoveryCodes.personId, actor.id)).run();
    tx.delete(secondFactors).where(eq(secondFactors.personId, actor.id)).run();
    securityEvent("secondFactorDisabled", { actorId: actor.id, personId: actor.id, ...from }, {}, tx);
  });
}

// ---------- HR ----------

/** Whether HR may reset this person's second factor (they have one enabled): for the person page's button. */
export function mayResetSecondFactor(actor: Actor, personId: number): boolean {
  return can(actor, "people.resetSecondFactor") && Boolean(enabledFactor(personId));
}

/**
 * HR resets a person's second factor (a lost phone): the factor and its recovery codes are deleted
 * and every session of the person ends; they sign in with their password and may enrol again.
 */
export async function resetSecondFactor(actor: Actor, personId: number): Promise<void> {
  authorize(actor, "people.resetSecondFactor", { type: "person", id: personId });
  const from = await origin();
  getDb().transaction((tx) => {
    const row = factorOf(personId, tx);
    if (!row) throw new NotFoundError("second factor");
    tx.delete(recoveryCodes).where(eq(recoveryCodes.personId, personId)).run();
    tx.delete(secondFactors).where(eq(secondFactors.personId, personId)).run();
    endPersonSessions(personId, "secondFactorReset", { tx });
    securityEvent("secondFactorReset", { actorId: actor.id, personId, ...from }, {}, tx);
  });
}
