import { beforeEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { clearDecodedTokens, decodeSessionCookie } from "@/lib/auth/token-cache";

vi.mock("next-auth/jwt", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...actual, decode: vi.fn(actual.decode) };
});

const SECRET = "a-test-secret-of-enough-length-for-hkdf";
const SALT = "authjs.session-token";

beforeEach(() => {
  clearDecodedTokens();
  vi.mocked(decode).mockClear();
});

describe("decodeSessionCookie", () => {
  it("decodes a token once and answers the same token from then on", async () => {
    const value = await encode({ token: { sub: "7", sid: "s1", sv: 1 }, secret: SECRET, salt: SALT, maxAge: 3600 });
    const first = await decodeSessionCookie(value, SALT, SECRET);
    expect(first).toMatchObject({ sub: "7", sid: "s1", sv: 1 });
    expect(await decodeSessionCookie(value, SALT, SECRET)).toEqual(first);
    expect(decode).toHaveBeenCalledTimes(1);
  });

  it("keys by the cookie's name too: the same text under another salt is decoded (and refused)", async () => {
    const value = await encode({ token: { sub: "7" }, secret: SECRET, salt: SALT, maxAge: 3600 });
    expect(await decodeSessionCookie(value, SALT, SECRET)).not.toBeNull();
    expect(await decodeSessionCookie(value, "__Secure-authjs.session-token", SECRET)).toBeNull();
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it("refuses a tampered token and one of another secret, and keeps neither", async () => {
    const value = await encode({ token: { sub: "7" }, secret: SECRET, salt: SALT, maxAge: 3600 });
    const tampered = value.slice(0, -4) + (value.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await decodeSessionCookie(tampered, SALT, SECRET)).toBeNull();
    expect(await decodeSessionCookie(value, SALT, "another-secret-of-enough-length-too")).toBeNull();
    expect(await decodeSessionCookie(tampered, SALT, SECRET)).toBeNull();
    expect(decode).toHaveBeenCalledTimes(3);
  });

  it("does not answer a kept token once it has expired", async () => {
    const value = await encode({ token: { sub: "7" }, secret: SECRET, salt: SALT, maxAge: 60 });
    const token = await decodeSessionCookie(value, SALT, SECRET);
    expect(token).not.toBeNull();
    const after = (token!.exp as number) * 1000 + 1;
    // Past its exp the kept entry is dropped and the token decoded again (jose then judges it).
    await decodeSessionCookie(value, SALT, SECRET, after);
    expect(decode).toHaveBeenCalledTimes(2);
  });
});
