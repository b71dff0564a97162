import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, loginFailures } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { useSeededTestDb } from "@/lib/test/db";
import { accountKey, ipKey, LIMITS, SIGNIN_FIRST_DELAY_MS, SIGNIN_MAX_DELAY_MS, SIGNIN_RUN_GAP_MS, signInDelayMs, signInWait } from "@/lib/auth/rate-limit";
import { checkCredentials } from "@/lib/auth/signin";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { PEER_HEADER } from "@/lib/auth/request-info";

// next-auth cannot load outside Next; authorize.ts only needs its error class.
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error { code = "credentials"; } }));

beforeAll(async () => {
  await useSeededTestDb();
});

const failuresOf = (key: string) => getDb().select().from(loginFailures).where(eq(loginFailures.key, key)).all().length;

describe("signInDelayMs", () => {
  it("is nothing below the limit, then 30 s doubling per failure, capped at 15 minutes", () => {
    expect(signInDelayMs(LIMITS.account - 1, LIMITS.account)).toBe(0);
    expect(signInDelayMs(LIMITS.account, LIMITS.account)).toBe(30_000);
    expect(signInDelayMs(LIMITS.account + 1, LIMITS.account)).toBe(60_000);
    expect(signInDelayMs(LIMITS.account + 2, LIMITS.account)).toBe(120_000);
    expect(signInDelayMs(LIMITS.account + 4, LIMITS.account)).toBe(480_000);
    expect(signInDelayMs(LIMITS.account + 5, LIMITS.account)).toBe(SIGNIN_MAX_DELAY_MS);
    expect(signInDelayMs(LIMITS.account + 500, LIMITS.account)).toBe(SIGNIN_MAX_DELAY_MS);
    expect(signInDelayMs(LIMITS.ip, LIMITS.ip)).toBe(SIGNIN_FIRST_DELAY_MS);
  });
});

describe("past the per-account limit, sign-in is slowed, not locked", () => {
  it("waits 30 s after the 10th failure without checking the password, then lets the right password in", async () => {
    const email = "manager@example.com";
    const t0 = 1_700_000_000_000;
    for (let i = 0; i < LIMITS.account - 1; i++) {
      expect(await checkCredentials(email, "wrong-guess", `192.0.2.${i + 1}`, t0 + i * 1000)).toEqual({ ok: false, reason: "invalid" });
    }
    const last = t0 + 9_000;
    // The 10th failure is answered "slow down" already.
    expect(await checkCredentials(email, "wrong-guess", "192.0.2.10", last)).toMatchObject({ ok: false, reason: "locked", seconds: 30, by: "account" });
    // During the delay even the right password is not checked, and the attempt is not counted.
    const before = failuresOf(accountKey(email));
    expect(await checkCredentials(email, DEMO_PASSWORD, "198.51.100.20", last + 29_999)).toMatchObject({ ok: false, reason: "locked", seconds: 1 });
    expect(await checkCredentials(email, "wrong-guess", "198.51.100.20", last + 10_000)).toMatchObject({ ok: false, reason: "locked", seconds: 20 });
    expect(failuresOf(accountKey(email))).toBe(before);
    // Exactly when the delay has passed, the right password signs in and the account's failures are forgotten.
    const ok = await checkCredentials(email, DEMO_PASSWORD, "198.51.100.20", last + 30_000);
    expect(ok.ok).toBe(true);
    expect(failuresOf(accountKey(email))).toBe(0);
    expect(signInWait({ account: accountKey(email) }, last + 30_001).ms).toBe(0);
  });

  it("doubles the delay with each failure after the limit, up to 15 minutes", async () => {
    const email = "nobody-delay@example.com";
    const t0 = 1_710_000_000_000;
    for (let i = 0; i < LIMITS.account; i++) await checkCredentials(email, "wrong", null, t0 + i);
    let at = t0 + LIMITS.account - 1;
    const waits: number[] = [];
    for (let round = 0; round < 7; round++) {
      const wait = signInWait({ account: accountKey(email) }, at).ms;
      waits.push(wait);
      at += wait; // the earliest moment the next attempt is checked
      const result = await checkCredentials(email, "wrong", null, at);
      expect(result).toMatchObject({ ok: false, reason: "locked" });
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
    // An hour without failures starts afresh: below the limit again, the password is checked at once.
    at += SIGNIN_RUN_GAP_MS;
    expect(signInWait({ account: accountKey(email) }, at).ms).toBe(0);
    expect(await checkCredentials(email, "wrong", null, at)).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows the address that fails over many emails, not those accounts", async () => {
    const ip = "203.0.113.50";
    const t0 = 1_720_000_000_000;
    // 50 failures from one address, spread over many emails (one of them a real account, twice).
    for (let i = 0; i < LIMITS.ip; i++) {
      const email = i < 2 ? "employee@example.com" : `spray-${i}@example.com`;
      await checkCredentials(email, "wrong", ip, t0 + i);
    }
    const slowed = await checkCredentials("fresh-spray@example.com", "wrong", ip, t0 + 100);
    expect(slowed).toMatchObject({ ok: false, reason: "locked", by: "address" });
    expect(failuresOf(accountKey("fresh-spray@example.com"))).toBe(0);
    // The same address is slowed even for the right password of an account…
    expect(await checkCredentials("employee@example.com", DEMO_PASSWORD, ip, t0 + 200)).toMatchObject({ ok: false, reason: "locked", by: "address" });
    // …but that account is not: from anywhere else it signs in at once.
    expect((await checkCredentials("employee@example.com", DEMO_PASSWORD, "198.51.100.77", t0 + 300)).ok).toBe(true);
  });

  it("forgives the address's count for a right password", async () => {
    const ip = "203.0.113.60";
    const t0 = 1_730_000_000_000;
    expect((await checkCredentials("newhire@example.com", DEMO_PASSWORD, ip, t0)).ok).toBe(true);
    expect(failuresOf(ipKey(ip))).toBe(0);
    await checkCredentials("newhire@example.com", "wrong", ip, t0 + 1);
    expect(failuresOf(ipKey(ip))).toBe(1);
  });
});

describe("authorizeCredentials audit", () => {
  it("records failed and slowed sign-ins with the socket address and never the password", async () => {
    const email = "audit-delay@example.com";
    const secret = "my-secret-guess-123";
    const headers = new Headers({ [PEER_HEADER]: "::ffff:192.0.2.200", "x-forwarded-for": "1.2.3.4", "user-agent": "UnitTest/1.0" });
    for (let i = 0; i < LIMITS.account + 1; i++) {
      await expect(authorizeCredentials({ email, password: secret }, headers)).rejects.toMatchObject({ code: i < LIMITS.account - 1 ? "invalid" : expect.stringMatching(/^slow:\d+$/) });
    }
    const rows = getDb()
      .select()
      .from(auditLog)
      .where(and(like(auditLog.action, "security.signin%"), like(auditLog.detail, `%${email}%`)))
      .all();
    expect(rows.filter((r) => r.action === "security.signinFailed")).toHaveLength(LIMITS.account - 1);
    const locked = rows.filter((r) => r.action === "security.signinLocked");
    expect(locked).toHaveLength(2);
    expect(JSON.parse(locked[0].detail)).toMatchObject({ email, ip: "192.0.2.200", userAgent: "UnitTest/1.0", limit: "account" });
    for (const r of rows) expect(r.detail).not.toContain(secret);
  });
});
