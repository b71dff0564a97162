import { createHash } from "node:crypto";
import { and, desc, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, loginFailures, notificationDeliveries, passwordResets, people, sessions } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, liveSession } from "@/lib/auth/sessions";
import { PASSWORD_RESET_VALID_MS } from "@/lib/auth/security-vocabulary";
import { ActionError, FieldError } from "@/lib/core/errors";
import { renderPasswordReset } from "@/lib/email/render-password-reset";
import { createPerson, setPersonActive } from "@/lib/people/records";
import { getPerson } from "@/lib/people/directory";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { changeOwnPassword, openPasswordReset, requestPasswordReset, RESET_REQUEST_LIMITS, resetPassword } from "./passwords";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const hr = () => actorFor("hr@example.com");
const GOOD = "trombone lantern quietly";
const origin = { ip: "198.51.100.7", userAgent: "Vitest" };
let counter = 0;

/** A fresh person (HR sets the first password) so each test has its own counters and links. */
async function person(locale: "en" | "nl" | null = null) {
  counter += 1;
  const email = `pw.person${counter}@example.com`;
  const { id } = await createPerson(hr(), {
    name: `Petra Passwd${counter}`,
    email,
    phone: null,
    appRole: "employee",
    jobRoleId: null,
    teamId: null,
    reportsToId: null,
    startDate: "2026-12-01",
    locale,
    password: GOOD,
  });
  return { id, email, actor: actorFor(email) };
}

const db = () => getDb();
const resetsOf = (personId: number) => db().select().from(passwordResets).where(eq(passwordResets.personId, personId)).orderBy(desc(passwordResets.id)).all();
const resetRow = (personId: number) =>
  db()
    .select()
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.personId, personId), like(notificationDeliveries.messageKey, "p%")))
    .orderBy(desc(notificationDeliveries.id))
    .get();
const tokenOf = (personId: number) => (JSON.parse(resetRow(personId)!.payload) as { reset: string }).reset;
const hashOf = (personId: number) => db().select({ h: people.passwordHash }).from(people).where(eq(people.id, personId)).get()!.h;
const actions = (personId: number) =>
  db()
    .select({ action: auditLog.action, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "person"), eq(auditLog.entityId, String(personId))))
    .all();
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const live = (personId: number) => createSession({ personId, method: "password", secondFactor: false, ip: null, userAgent: null });
const caught = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("forgot password: the emailed one-time link", () => {
  it("stores only the token's SHA-256, queues one email row with the token, and audits the request", async () => {
    const p = await person();
    await requestPasswordReset(p.email.toUpperCase(), origin, { minMs: 0 });
    const [reset] = resetsOf(p.id);
    const token = tokenOf(p.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reset.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(resetsOf(p.id))).not.toContain(token);
    expect(reset.expiresAt - reset.createdAt).toBe(PASSWORD_RESET_VALID_MS);
    expect(resetRow(p.id)).toMatchObject({ channel: "email", kind: "invitation", status: "pending", messageKey: `p${reset.id}` });
    const audit = actions(p.id).find((a) => a.action === "security.passwordResetRequested");
    expect(audit).toBeTruthy();
    expect(audit!.detail).toContain(origin.ip);
    expect(audit!.detail).not.toContain(token);
  });

  it("the email is in the person's language and links to /reset-password/<token>", async () => {
    const p = await person("nl");
    await requestPasswordReset(p.email, origin, { minMs: 0 });
    const row = resetRow(p.id)!;
    const email = renderPasswordReset(row, { id: p.id, name: `Petra Passwd${counter}`, email: p.email, locale: "nl" });
    expect(email.subject).toBe("Kies een nieuw wachtwoord voor Rolebook");
    expect(email.text).toContain(`/reset-password/${tokenOf(p.id)}`);
    expect(email.html).toContain(`/reset-password/${tokenOf(p.id)}`);
  });

  it("sends nothing for an unknown or deactivated address, and answers the same", async () => {
    const before = db().select().from(passwordResets).all().length;
    await expect(requestPasswordReset("nobody.here@example.com", origin, { minMs: 0 })).resolves.toBeUndefined();
    const p = await person();
    const rec = getPerson(hr(), p.id);
    setPersonActive(hr(), p.id, rec.revision, false);
    await expect(requestPasswordReset(p.email, origin, { minMs: 0 })).resolves.toBeUndefined();
    expect(db().select().from(passwordResets).all().length).toBe(before);
  });

  it("takes at least the minimum time whether or not the address is known", async () => {
    const started = Date.now();
    await requestPasswordReset("nobody.else@example.com", origin, { minMs: 150 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });

  it("is limited per account and per address inside the window", async () => {
    const p = await person();
    for (let i = 0; i < RESET_REQUEST_LIMITS.account + 2; i++) await requestPasswordReset(p.email, { ...origin, ip: `203.0.113.${i + 1}` }, { minMs: 0 });
    expect(resetsOf(p.id)).toHaveLength(RESET_REQUEST_LIMITS.account);
    // One address asking for many accounts.
    const ip = "192.0.2.99";
    for (let i = 0; i < RESET_REQUEST_LIMITS.ip; i++) await requestPasswordReset(`someone${i}@example.com`, { ...origin, ip }, { minMs: 0 });
    const q = await person();
    await requestPasswordReset(q.email, { ...origin, ip }, { minMs: 0 });
    expect(resetsOf(q.id)).toHaveLength(0);
    // A later window is open again.
    await requestPasswordReset(q.email, { ...origin, ip }, { minMs: 0, now: Date.now() + 16 * 60_000 });
    expect(resetsOf(q.id)).toHaveLength(1);
  });

  it("a new request makes the earlier link stop working", async () => {
    const p = await person();
    await requestPasswordReset(p.email, origin, { minMs: 0 });
    const first = tokenOf(p.id);
    await requestPasswordReset(p.email, origin, { minMs: 0 });
    expect(openPasswordReset(first).state).toBe("expired");
    expect(openPasswordReset(tokenOf(p.id)).state).toBe("open");
  });

  it("the link sets a new password once, ends every session of the person, and is audited", async () => {
    const p = await person();
    const a = live(p.id);
    const b = live(p.id);
    await requestPasswordReset(p.email, origin, { minMs: 0 });
    const token = tokenOf(p.id);
    expect(openPasswordReset(token)).toMatchObject({ state: "open", firstName: "Petra" });
    expect(await caught(resetPassword(token, { password: "password1234", repeat: "password1234" }, origin))).toMatchObject({ fieldErrors: { password: "passwordTooCommon" } });
    expect(await caught(resetPassword(token, { password: p.email, repeat: p.email }, origin))).toMatchObject({ fieldErrors: { password: "passwordTooCommon" } });
    expect(await caught(resetPassword(token, { password: "violet harbour engine", repeat: "violet harbour engines" }, origin))).toMatchObject({ fieldErrors: { repeat: "invite.passwordsDiffer" } });
    expect(openPasswordReset(token).state).toBe("open");
    await resetPassword(token, { password: "violet harbour engine", repeat: "violet harbour engine" }, origin);
    expect(await verifyPassword(hashOf(p.id), "violet harbour engine")).toBe(true);
    expect(liveSession(a)).toBeNull();
    expect(liveSession(b)).toBeNull();
    expect(db().select({ r: sessions.revokedReason }).from(sessions).where(eq(sessions.id, a)).get()!.r).toBe("password");
    expect(actions(p.id).map((x) => x.action)).toContain("security.passwordReset");
    // Single use.
    expect(openPasswordReset(token).state).toBe("used");
    const again = await caught(resetPassword(token, { password: "another violet harbour", repeat: "another violet harbour" }, origin));
    expect(again).toBeInstanceOf(ActionError);
    expect((again as ActionError).key).toBe("resetLinkUsed");
    expect(await verifyPassword(hashOf(p.id), "violet harbour engine")).toBe(true);
  });

  it("expires 30 minutes after it was sent, to the millisecond", async () => {
    const p = await person();
    await requestPasswordReset(p.email, origin, { minMs: 0 });
    const token = tokenOf(p.id);
    const [reset] = resetsOf(p.id);
    expect(openPasswordReset(token, reset.expiresAt - 1).state).toBe("open");
    expect(openPasswordReset(token, reset.expiresAt).state).toBe("expired");
    const e = await caught(resetPassword(token, { password: "violet harbour engine", repeat: "violet harbour engine" }, origin, reset.expiresAt));
    expect((e as ActionError).key).toBe("resetLinkExpired");
    expect(await verifyPassword(hashOf(p.id), GOOD)).toBe(true);
  });

  it("an unknown or malformed token is invalid", async () => {
    expect(openPasswordReset("x".repeat(43)).state).toBe("invalid");
    expect(openPasswordReset("../../etc").state).toBe("invalid");
    expect(((await caught(resetPassword("y".repeat(43), { password: "violet harbour engine", repeat: "violet harbour engine" }, origin))) as ActionError).key).toBe("resetLinkInvalid");
  });
});

describe("changing one's own password", () => {
  it("needs the current password: a wrong one is refused next to it and counts as a sign-in failure", async () => {
    const p = await person();
    const e = await caught(changeOwnPassword(p.actor, null, { current: "not my password", password: "violet harbour engine", repeat: "violet harbour engine" }, origin));
    expect(e).toBeInstanceOf(FieldError);
    expect((e as FieldError).fieldErrors).toEqual({ current: "passwordCurrentWrong" });
    const failures = db().select().from(loginFailures).where(eq(loginFailures.key, `account:${p.email}`)).all();
    expect(failures).toHaveLength(1);
    expect(await verifyPassword(hashOf(p.id), GOOD)).toBe(true);
  });

  it("is refused while the account is locked by failures, even with the right password", async () => {
    const p = await person();
    const now = Date.now();
    db().insert(loginFailures).values(Array.from({ length: 10 }, (_, i) => ({ key: `account:${p.email}`, at: now - i }))).run();
    const e = await caught(changeOwnPassword(p.actor, null, { current: GOOD, password: "violet harbour engine", repeat: "violet harbour engine" }, origin, now));
    expect((e as FieldError).fieldErrors).toEqual({ current: "signInLocked" });
    expect(await verifyPassword(hashOf(p.id), GOOD)).toBe(true);
  });

  it("applies the password rule to the new one", async () => {
    const p = await person();
    const e = await caught(changeOwnPassword(p.actor, null, { current: GOOD, password: "qwertyuiop123", repeat: "qwertyuiop123" }, origin));
    expect((e as FieldError).fieldErrors).toEqual({ password: "passwordTooCommon" });
  });

  it("replaces the hash, keeps this session, ends the others, leaves the session version alone, and is audited", async () => {
    const p = await person();
    const mine = live(p.id);
    const other = live(p.id);
    const sv = db().select({ v: people.sessionVersion }).from(people).where(eq(people.id, p.id)).get()!.v;
    const { endedSessions } = await changeOwnPassword(p.actor, mine, { current: GOOD, password: "violet harbour engine", repeat: "violet harbour engine" }, origin);
    expect(endedSessions).toBe(1);
    expect(await verifyPassword(hashOf(p.id), "violet harbour engine")).toBe(true);
    expect(liveSession(mine)).not.toBeNull();
    expect(liveSession(other)).toBeNull();
    expect(db().select({ v: people.sessionVersion }).from(people).where(eq(people.id, p.id)).get()!.v).toBe(sv);
    const audit = actions(p.id).find((a) => a.action === "security.passwordChanged");
    expect(audit).toBeTruthy();
    expect(audit!.detail).not.toContain("violet");
    expect(audit!.detail).not.toContain("lantern");
  });
});
