import { and, eq, isNull } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, getSqlite } from "@/db/client";
import { auditLog, loginFailures, recoveryCodes, secondFactors, securitySettings, sessions } from "@/db/schema";
import {
  checkSecondFactorAtSignIn,
  confirmEnrolment,
  decryptSecret,
  disableSecondFactor,
  encryptSecret,
  mustEnrolSecondFactor,
  newRecoveryCodes,
  recoveryCodeHash,
  regenerateRecoveryCodes,
  resetSecondFactor,
  secondFactorStatus,
  startEnrolment,
  totpStep,
} from "@/lib/auth/second-factor";
import { createSession } from "@/lib/auth/sessions";
import { accountKey } from "@/lib/auth/rate-limit";
import { ActionError, FieldError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

// Outside a request the audit's address and user agent come from these headers.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "vitest-agent" }) }));

beforeAll(async () => {
  await useSeededTestDb();
});

const SECRET = new Secret({ size: 20 }).base32;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 10); // 10 s into a 30-second step
const code = (secret: string, at: number) => TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: at });
const step = (at: number) => Math.floor(at / 30_000);
const thrown = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
};
const lastAudit = (action: string) =>
  getDb().select().from(auditLog).where(eq(auditLog.action, action)).all().at(-1);

describe("the secret at rest", () => {
  it("round-trips, with a fresh IV each time", () => {
    const a = encryptSecret(SECRET);
    const b = encryptSecret(SECRET);
    expect(a).not.toBe(b);
    expect(a).not.toContain(SECRET);
    expect(decryptSecret(a)).toBe(SECRET);
    expect(decryptSecret(b)).toBe(SECRET);
  });

  it("refuses a tampered value and one made with another AUTH_SECRET", () => {
    const stored = encryptSecret(SECRET);
    const [v, iv, tag, data] = stored.split(".");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
    const before = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "another-secret-entirely";
    try {
      expect(() => decryptSecret(stored)).toThrow();
    } finally {
      if (before === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = before;
    }
  });
});

describe("TOTP codes", () => {
  it("accepts the current code, the previous and the next step, not two steps away", () => {
    expect(totpStep(SECRET, code(SECRET, T0), null, T0)).toBe(step(T0));
    expect(totpStep(SECRET, code(SECRET, T0 - 30_000), null, T0)).toBe(step(T0) - 1);
    expect(totpStep(SECRET, code(SECRET, T0 + 30_000), null, T0)).toBe(step(T0) + 1);
    expect(totpStep(SECRET, code(SECRET, T0 - 60_000), null, T0)).toBeNull();
    expect(totpStep(SECRET, code(SECRET, T0 + 60_000), null, T0)).toBeNull();
  });

  it("allows spaces but nothing else than six digits", () => {
    const c = code(SECRET, T0);
    expect(totpStep(SECRET, `${c.slice(0, 3)} ${c.slice(3)}`, null, T0)).toBe(step(T0));
    expect(totpStep(SECRET, `${c}0`, null, T0)).toBeNull();
    expect(totpStep(SECRET, "abcdef", null, T0)).toBeNull();
  });

  it("refuses a replay: a step not after the last accepted one", () => {
    expect(totpStep(SECRET, code(SECRET, T0), step(T0), T0)).toBeNull();
    expect(totpStep(SECRET, code(SECRET, T0 - 30_000), step(T0), T0)).toBeNull();
    expect(totpStep(SECRET, code(SECRET, T0 + 30_000), step(T0), T0)).toBe(step(T0) + 1);
  });
});

describe("recovery codes", () => {
  it("are ten distinct abcd-efgh-ijkl codes, hashed whatever the case and dashes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const c = codes[0];
    expect(recoveryCodeHash(c.toUpperCase().replace(/-/g, " "))).toBe(recoveryCodeHash(c));
    expect(recoveryCodeHash(c)).not.toContain(c.replace(/-/g, ""));
    expect(recoveryCodeHash("123456")).toBeNull();
  });
});

describe("enrolment and sign-in", () => {
  const EMP = "employee@example.com";
  let secret = "";
  let codes: string[] = [];

  it("starts with a pending secret that a reload reuses, and an otpauth URI for Rolebook and the email", async () => {
    const emp = actorFor(EMP);
    const a = await startEnrolment(emp, T0);
    const b = await startEnrolment(emp, T0 + 60_000);
    expect(a).not.toBeNull();
    expect(b!.secret).toBe(a!.secret);
    expect(a!.uri).toMatch(/^otpauth:\/\/totp\/Rolebook:employee%40example\.com\?/);
    expect(a!.uri).toContain("issuer=Rolebook");
    expect(a!.qr).toMatch(/^data:image\/png;base64,/);
    const row = getDb().select().from(secondFactors).where(eq(secondFactors.personId, emp.id)).get()!;
    expect(row.enabledAt).toBeNull();
    expect(row.secretEnc).not.toContain(a!.secret);
    secret = a!.secret;
    // Not enabled yet: sign-in does not ask for a code.
    expect(await checkSecondFactorAtSignIn(emp.id, undefined, T0)).toEqual({ ok: true, used: "none" });
  });

  it("refuses a wrong code at confirmation, next to the field", async () => {
    const emp = actorFor(EMP);
    const e = await thrown(() => confirmEnrolment(emp, code(secret, T0 - 120_000), T0));
    expect(e).toBeInstanceOf(FieldError);
    expect((e as FieldError).fieldErrors).toEqual({ code: "twoFactorCodeInvalid" });
    expect(secondFactorStatus(emp).enabled).toBe(false);
  });

  it("confirms with a current code: enabled, ten recovery codes (hashes only), audited", async () => {
    const emp = actorFor(EMP);
    codes = await confirmEnrolment(emp, code(secret, T0), T0);
    expect(codes).toHaveLength(10);
    const stored = getDb().select().from(recoveryCodes).where(eq(recoveryCodes.personId, emp.id)).all();
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map((c) => recoveryCodeHash(c)).sort());
    expect(secondFactorStatus(emp)).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: false });
    const entry = lastAudit("security.secondFactorEnrolled")!;
    expect(entry.entityId).toBe(String(emp.id));
    expect(JSON.parse(entry.detail)).toMatchObject({ userAgent: "vitest-agent" });
    expect(entry.detail).not.toContain(secret);
    expect(await startEnrolment(emp, T0)).toBeNull();
  });

  it("then asks for a code at sign-in; the confirmation's code is not accepted again", async () => {
    const emp = actorFor(EMP);
    expect(await checkSecondFactorAtSignIn(emp.id, undefined, T0)).toEqual({ ok: false, reason: "required" });
    expect(await checkSecondFactorAtSignIn(emp.id, "  ", T0)).toEqual({ ok: false, reason: "required" });
    expect(await checkSecondFactorAtSignIn(emp.id, code(secret, T0), T0 + 5_000)).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts the next step's code once, and counts a wrong code as a failure of the account", async () => {
    const emp = actorFor(EMP);
    const at = T0 + 30_000;
    expect(await checkSecondFactorAtSignIn(emp.id, code(secret, at), at)).toEqual({ ok: true, used: "totp" });
    expect(lastAudit("security.secondFactorUsed")!.detail).toContain('"used":"totp"');
    expect(await checkSecondFactorAtSignIn(emp.id, code(secret, at), at)).toEqual({ ok: false, reason: "invalid" });
    const failures = getDb().select().from(loginFailures).where(eq(loginFailures.key, accountKey(EMP))).all();
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(lastAudit("security.signinFailed")!.detail).toContain("secondFactor");
  });

  it("accepts a recovery code once (any case, with or without dashes)", async () => {
    const emp = actorFor(EMP);
    const at = T0 + 90_000;
    expect(await checkSecondFactorAtSignIn(emp.id, codes[3].toUpperCase(), at)).toEqual({ ok: true, used: "recovery" });
    expect(await checkSecondFactorAtSignIn(emp.id, codes[3], at)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkSecondFactorAtSignIn(emp.id, codes[4].replace(/-/g, ""), at)).toEqual({ ok: true, used: "recovery" });
    expect(secondFactorStatus(emp).recoveryCodesLeft).toBe(8);
  });

  it("new recovery codes need a current code and replace the old ones", async () => {
    const emp = actorFor(EMP);
    const at = T0 + 150_000;
    expect(await thrown(() => regenerateRecoveryCodes(emp, "000000", at))).toBeInstanceOf(FieldError);
    const fresh = await regenerateRecoveryCodes(emp, code(secret, at), at);
    expect(await checkSecondFactorAtSignIn(emp.id, codes[5], at)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkSecondFactorAtSignIn(emp.id, fresh[0], at)).toEqual({ ok: true, used: "recovery" });
    codes = fresh;
  });

  it("turning it off needs a current code; then sign-in asks for none", async () => {
    const emp = actorFor(EMP);
    const at = T0 + 210_000;
    getDb().delete(loginFailures).run();
    expect(await thrown(() => disableSecondFactor(emp, codes[1], at))).toBeInstanceOf(FieldError);
    await disableSecondFactor(emp, code(secret, at), at);
    expect(getDb().select().from(recoveryCodes).where(eq(recoveryCodes.personId, emp.id)).all()).toHaveLength(0);
    expect(await checkSecondFactorAtSignIn(emp.id, undefined, at)).toEqual({ ok: true, used: "none" });
    expect(lastAudit("security.secondFactorDisabled")!.entityId).toBe(String(emp.id));
  });
});

describe("required for HR admins", () => {
  const setRequired = (on: boolean) => getDb().update(securitySettings).set({ requireSecondFactorForHr: on }).where(eq(securitySettings.id, 1)).run();

  it("only HR admins without a factor must enrol, and only while the setting is on", async () => {
    const hr = actorFor("hr@example.com");
    const mgr = actorFor("manager@example.com");
    expect(mustEnrolSecondFactor(hr)).toBe(false);
    setRequired(true);
    expect(mustEnrolSecondFactor(hr)).toBe(true);
    expect(mustEnrolSecondFactor(mgr)).toBe(false);
    const { secret } = (await startEnrolment(hr, T0))!;
    await confirmEnrolment(hr, code(secret, T0), T0);
    expect(mustEnrolSecondFactor(hr)).toBe(false);
    // …and may not turn it off while it is required.
    const e = await thrown(() => disableSecondFactor(hr, code(secret, T0 + 30_000), T0 + 30_000));
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).key).toBe("twoFactorRequired");
    expect(getDb().select().from(secondFactors).where(eq(secondFactors.personId, hr.id)).get()!.enabledAt).not.toBeNull();
    setRequired(false);
  });
});

describe("HR's reset", () => {
  it("deletes the factor and codes, ends the person's sessions, and is audited", async () => {
    const hr = actorFor("hr@example.com");
    const sup = actorFor("supervisor@example.com");
    const { secret } = (await startEnrolment(sup, T0))!;
    await confirmEnrolment(sup, code(secret, T0), T0);
    const sid = createSession({ personId: sup.id, method: "password", secondFactor: true, ip: null, userAgent: null });
    await resetSecondFactor(hr, sup.id);
    expect(getDb().select().from(secondFactors).where(eq(secondFactors.personId, sup.id)).all()).toHaveLength(0);
    expect(getDb().select().from(recoveryCodes).where(eq(recoveryCodes.personId, sup.id)).all()).toHaveLength(0);
    expect(getDb().select().from(sessions).where(and(eq(sessions.personId, sup.id), isNull(sessions.revokedAt))).all()).toHaveLength(0);
    expect(getDb().select().from(sessions).where(eq(sessions.id, sid)).get()!.revokedReason).toBe("secondFactorReset");
    const entry = lastAudit("security.secondFactorReset")!;
    expect([entry.actorId, entry.entityId]).toEqual([hr.id, String(sup.id)]);
    expect(getSqlite().prepare("select count(*) n from audit_log where action = 'security.secondFactorReset'").get()).toEqual({ n: 1 });
  });
});
