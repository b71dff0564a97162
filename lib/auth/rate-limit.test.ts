import { beforeAll, describe, expect, it } from "vitest";
import { useSeededTestDb } from "@/lib/test/db";
import { accountKey, ipKey, LIMITS, lockedMinutes, recordFailure, WINDOW_MS } from "@/lib/auth/rate-limit";
import { checkCredentials } from "@/lib/auth/signin";

beforeAll(async () => {
  await useSeededTestDb();
});

describe("sign-in rate limit", () => {
  it("locks an account after 10 failures within 15 minutes, and says for how long", () => {
    const keys = { account: accountKey("limit-a@example.com"), ip: null };
    const t0 = 1_000_000_000_000;
    for (let i = 0; i < LIMITS.account - 1; i++) recordFailure(keys, t0 + i * 1000);
    expect(lockedMinutes(keys, t0 + 10_000)).toBe(0);
    recordFailure(keys, t0 + 10_000);
    expect(lockedMinutes(keys, t0 + 10_000)).toBe(15);
    // Unlocks once the oldest failure leaves the window.
    expect(lockedMinutes(keys, t0 + WINDOW_MS - 60_000)).toBe(1);
    expect(lockedMinutes(keys, t0 + WINDOW_MS + 1)).toBe(0);
  });

  it("counts failures per client address across accounts", () => {
    const ip = ipKey("203.0.113.7");
    const t0 = 2_000_000_000_000;
    for (let i = 0; i < LIMITS.ip; i++) recordFailure({ account: accountKey(`u${i}@example.com`), ip }, t0);
    expect(lockedMinutes({ account: accountKey("fresh@example.com"), ip }, t0 + 1)).toBe(15);
    expect(lockedMinutes({ account: accountKey("fresh@example.com"), ip: ipKey("198.51.100.1") }, t0 + 1)).toBe(0);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const unknown = await checkCredentials("nobody@example.com", "rolebook-demo", "192.0.2.1");
    const wrong = await checkCredentials("employee@example.com", "not-the-password", "192.0.2.1");
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts the right password, case-insensitively on the email", async () => {
    const ok = await checkCredentials("Employee@Example.com", "rolebook-demo", "192.0.2.2");
    expect(ok.ok).toBe(true);
  });

  it("refuses even the right password while the account is locked", async () => {
    for (let i = 0; i < LIMITS.account; i++) await checkCredentials("supervisor@example.com", "bad", "192.0.2.3");
    const result = await checkCredentials("supervisor@example.com", "rolebook-demo", "192.0.2.3");
    expect(result).toMatchObject({ ok: false, reason: "locked" });
    expect(result.ok === false && result.reason === "locked" && result.minutes).toBeGreaterThan(0);
  });
});
