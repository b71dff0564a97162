import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, people, securitySettings, sessions } from "@/db/schema";
import { liveSession } from "@/lib/auth/sessions";
import { matchSsoPerson, profileName, ssoEnabled, ssoProviders, ssoSignInWith, verifiedEmail } from "@/lib/auth/sso";
import { useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

function setCreatesPeople(on: boolean) {
  getDb().update(securitySettings).set({ ssoCreatesPeople: on }).where(eq(securitySettings.id, 1)).run();
}
beforeEach(() => setCreatesPeople(false));

const request = new Headers({ "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140", "x-forwarded-for": "203.0.113.9" });
const lastAudit = () => getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;
const personByEmail = (email: string) => getDb().select().from(people).where(sql`lower(${people.email}) = ${email}`).get();

describe("verified email", () => {
  it("takes a verified email, trimmed and lower-cased", () => {
    expect(verifiedEmail({ email: "  HR@Example.com ", email_verified: true })).toEqual({ email: "hr@example.com" });
  });
  it("refuses an email the provider does not vouch for (missing, false or a string)", () => {
    expect(verifiedEmail({ email: "hr@example.com" })).toEqual({ refusal: "unverified", email: "hr@example.com" });
    expect(verifiedEmail({ email: "hr@example.com", email_verified: false })).toMatchObject({ refusal: "unverified" });
    expect(verifiedEmail({ email: "hr@example.com", email_verified: "true" })).toMatchObject({ refusal: "unverified" });
  });
  it("refuses a profile without a usable email", () => {
    expect(verifiedEmail({ email_verified: true })).toEqual({ refusal: "noEmail", email: null });
    expect(verifiedEmail({ email: "not an email", email_verified: true })).toMatchObject({ refusal: "noEmail" });
    expect(verifiedEmail(null)).toMatchObject({ refusal: "noEmail" });
  });
});

describe("matching a person", () => {
  it("matches an active person case-insensitively", () => {
    const hr = personByEmail("hr@example.com")!;
    expect(matchSsoPerson({ email: "Hr@EXAMPLE.com", email_verified: true })).toEqual({ ok: true, personId: hr.id, sessionVersion: hr.sessionVersion, created: false });
  });
  it("refuses an unverified email even when it names a person", () => {
    expect(matchSsoPerson({ email: "hr@example.com", email_verified: false })).toMatchObject({ ok: false, reason: "unverified" });
  });
  it("refuses a deactivated person", () => {
    const emp = personByEmail("employee@example.com")!;
    getDb().update(people).set({ active: false }).where(eq(people.id, emp.id)).run();
    try {
      expect(matchSsoPerson({ email: "employee@example.com", email_verified: true })).toMatchObject({ ok: false, reason: "deactivated" });
    } finally {
      getDb().update(people).set({ active: true }).where(eq(people.id, emp.id)).run();
    }
  });
  it("refuses an email nobody has, and creates nobody, while HR has not allowed it", () => {
    expect(matchSsoPerson({ email: "stranger@example.org", email_verified: true })).toEqual({ ok: false, reason: "unknown", email: "stranger@example.org" });
    expect(personByEmail("stranger@example.org")).toBeUndefined();
  });
  it("creates an employee (never more) with an unusable password when HR allows it", () => {
    setCreatesPeople(true);
    const result = matchSsoPerson({ email: "New.Starter@Example.org", email_verified: true, given_name: "New", family_name: "Starter", role: "hr_admin" }, new Date("2026-03-04T10:00:00Z"));
    expect(result).toMatchObject({ ok: true, created: true });
    const row = personByEmail("new.starter@example.org")!;
    expect(row).toMatchObject({ name: "New Starter", email: "new.starter@example.org", appRole: "employee", active: true, startDate: "2026-03-04" });
    expect(row.passwordHash.startsWith("$argon2")).toBe(false);
    expect(lastAudit()).toMatchObject({ action: "person.create", actorId: null, entityId: String(row.id) });
    // The second time the same person is matched, not created again.
    expect(matchSsoPerson({ email: "new.starter@example.org", email_verified: true })).toMatchObject({ ok: true, personId: row.id, created: false });
  });
  it("does not create an unverified email even when HR allows creating people", () => {
    setCreatesPeople(true);
    expect(matchSsoPerson({ email: "unverified@example.org", email_verified: false })).toMatchObject({ ok: false, reason: "unverified" });
    expect(personByEmail("unverified@example.org")).toBeUndefined();
  });
  it("does not revive a deactivated person even when HR allows creating people", () => {
    setCreatesPeople(true);
    const emp = personByEmail("employee@example.com")!;
    getDb().update(people).set({ active: false }).where(eq(people.id, emp.id)).run();
    try {
      expect(matchSsoPerson({ email: "employee@example.com", email_verified: true })).toMatchObject({ ok: false, reason: "deactivated" });
    } finally {
      getDb().update(people).set({ active: true }).where(eq(people.id, emp.id)).run();
    }
  });
});

describe("profile names", () => {
  it("uses name, then given + family name, then the email's local part, as plain text", () => {
    expect(profileName({ name: " Ada Lovelace " }, "a@x.org")).toBe("Ada Lovelace");
    expect(profileName({ given_name: "Ada", family_name: "L" }, "a@x.org")).toBe("Ada L");
    expect(profileName({}, "ada.l@x.org")).toBe("ada.l");
    expect(profileName({ name: "Ada\u202e\u0000 L" }, "a@x.org")).toBe("Ada L");
  });
});

describe("the signIn callback", () => {
  it("starts an SSO session, fills in the user for the token and audits the sign-in", () => {
    const user: Record<string, unknown> = { id: "provider-subject", email: "manager@example.com" };
    const before = Date.now();
    expect(ssoSignInWith({ user, profile: { email: "manager@example.com", email_verified: true } }, request)).toBe(true);
    const manager = personByEmail("manager@example.com")!;
    expect(user.id).toBe(String(manager.id));
    expect(user.sessionVersion).toBe(manager.sessionVersion);
    const session = getDb().select().from(sessions).where(eq(sessions.id, String(user.sid))).get()!;
    expect(session).toMatchObject({ personId: manager.id, method: "sso", secondFactor: false, userAgent: request.get("user-agent") });
    expect(session.createdAt).toBeGreaterThanOrEqual(before);
    expect(liveSession(String(user.sid))?.personId).toBe(manager.id);
    const entry = lastAudit();
    expect(entry).toMatchObject({ action: "security.ssoSignin", actorId: manager.id, entityId: String(manager.id) });
  });
  it("refuses, starts no session and audits the refusal with the reason", () => {
    const user: Record<string, unknown> = { id: "provider-subject" };
    const count = () => getDb().select({ n: sql<number>`count(*)` }).from(sessions).get()!.n;
    const sessionsBefore = count();
    expect(ssoSignInWith({ user, profile: { email: "nobody@example.org", email_verified: true } }, request)).toBe(false);
    expect(user.sid).toBeUndefined();
    expect(user.id).toBe("provider-subject");
    expect(count()).toBe(sessionsBefore);
    const entry = lastAudit();
    expect(entry.action).toBe("security.ssoRefused");
    expect(JSON.parse(String(entry.detail))).toMatchObject({ reason: "unknown", email: "nobody@example.org" });
  });
});

describe("configuration", () => {
  it("has no provider and no button without issuer, client id and secret", () => {
    const saved = { ...process.env };
    try {
      delete process.env.OIDC_ISSUER;
      expect(ssoEnabled()).toBe(false);
      expect(ssoProviders()).toEqual([]);
      Object.assign(process.env, { OIDC_ISSUER: "https://id.example.org", OIDC_CLIENT_ID: "rolebook", OIDC_CLIENT_SECRET: "s3cret", OIDC_NAME: "Example ID" });
      expect(ssoEnabled()).toBe(true);
      expect(ssoProviders()).toEqual([expect.objectContaining({ id: "oidc", type: "oidc", name: "Example ID", issuer: "https://id.example.org", checks: ["pkce", "state", "nonce"] })]);
    } finally {
      for (const k of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"]) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});
