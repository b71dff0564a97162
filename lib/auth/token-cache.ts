import { decode, type JWT } from "next-auth/jwt";

/**
 * Session tokens decoded once, not on every request (issue 15): decoding Auth.js's encrypted cookie
 * derives its key with HKDF, imports it and checks an HMAC, about 1 ms, and the proxy and the page
 * or Server Action each decoded it again. A decoded token is kept, keyed by the cookie's exact text
 * and its salt (the cookie's name), until it expires; the cache holds nothing a request could not
 * already decode itself. Whether the session is still live (not revoked or idle) is asked of the
 * database on every request all the same (lib/auth/session.ts).
 */
/** Auth.js's session cookie: the __Secure- name over https, the plain one over http (also its salt). */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

const MAX = 1000;
const decoded = new Map<string, { token: JWT; expiresAt: number }>();

/** Forgets every decoded token (tests). */
export function clearDecodedTokens(): void {
  decoded.clear();
}

/** The decoded token, or null when it does not decode with this secret or has expired. */
export async function decodeSessionCookie(value: string, salt: string, secret: string, now = Date.now()): Promise<JWT | null> {
  const key = `${salt}\u0000${value}`;
  const hit = decoded.get(key);
  if (hit && hit.expiresAt > now) {
    decoded.delete(key);
    decoded.set(key, hit);
    return hit.token;
  }
  if (hit) decoded.delete(key);
  let token: JWT | null;
  try {
    token = await decode({ token: value, secret, salt });
  } catch {
    // Another secret's token, or a tampered one: not signed in (and not kept).
    return null;
  }
  // Auth.js's tokens always carry exp (seconds); one without it is decoded every time.
  if (!token || typeof token.exp !== "number") return token ?? null;
  decoded.set(key, { token, expiresAt: token.exp * 1000 });
  if (decoded.size > MAX) decoded.delete(decoded.keys().next().value!);
  return token;
}
