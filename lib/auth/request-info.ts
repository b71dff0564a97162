import "server-only";

/**
 * Who is asking, from a request's headers. OWNED BY THE SIGN-IN HARDENING PART: today it still
 * trusts X-Forwarded-For; it must become the socket address (set by the server, see issue 14 point 6)
 * with X-Forwarded-For honoured only behind TRUSTED_PROXIES.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

/** The user agent, trimmed to a length worth storing (sessions list, audit). */
export function userAgentOf(headers: Headers): string | null {
  const ua = headers.get("user-agent")?.trim();
  return ua ? ua.slice(0, 300) : null;
}
