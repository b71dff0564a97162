import { describe, expect, it } from "vitest";
import { expiryFrom, hashToken, isTokenShape, linkState, newToken } from "./tokens";

describe("rating link tokens", () => {
  it("are random, URL-safe and 43 characters", () => {
    const a = newToken();
    const b = newToken();
    expect(a).not.toBe(b);
    expect(isTokenShape(a)).toBe(true);
    expect(isTokenShape("abc")).toBe(false);
    expect(isTokenShape(`${a.slice(0, 42)}/`)).toBe(false);
  });
  it("are stored as a SHA-256 hash, never as themselves", () => {
    const t = newToken();
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).not.toContain(t);
    expect(hashToken(t)).toBe(hashToken(t));
  });
});

describe("linkState", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  it("is open until it expires 14 days after it was made", () => {
    const expiresAt = expiryFrom(now);
    expect(expiresAt).toBe("2026-12-15T10:00:00.000Z");
    expect(linkState({ usedAt: null, expiresAt }, new Date("2026-12-15T09:59:59Z"))).toBe("open");
    expect(linkState({ usedAt: null, expiresAt }, new Date("2026-12-15T10:00:00Z"))).toBe("expired");
  });
  it("is used once a rating came through it, whatever the date", () => {
    expect(linkState({ usedAt: "2026-12-02T00:00:00Z", expiresAt: expiryFrom(now) }, now)).toBe("used");
  });
});
