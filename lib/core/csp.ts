/**
 * The Content Security Policy (issue 14, point 7). proxy.ts makes a fresh nonce per request and
 * sends the policy on the request (Next reads the nonce from it and puts it on every script it
 * renders; our own inline scripts read it from the `x-nonce` request header) and on the response.
 *
 * Pure and free of server-only imports: proxy.ts and unit tests use it.
 */

/** The request header our own server components read the nonce from. */
export const NONCE_HEADER = "x-nonce";

/** 16 random bytes as base64: unpredictable and different on every request. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The origin of an http(s) URL, or null (e.g. OIDC_ISSUER unset or malformed). */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : null;
  } catch {
    return null;
  }
}

export type CspOptions = {
  nonce: string;
  /** `next dev` evaluates code for Fast Refresh and error overlays; never in production. */
  dev?: boolean;
  /**
   * The OpenID provider's issuer (OIDC_ISSUER). The single sign-on button posts to Auth.js, which
   * answers with a redirect to the provider; browsers check form-action on that redirect too.
   */
  oidcIssuer?: string;
};

export function contentSecurityPolicy({ nonce, dev = false, oidcIssuer }: CspOptions): string {
  const issuer = originOf(oidcIssuer);
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next's nonce'd scripts load are trusted; hosts and 'self' are then
    // ignored by browsers that understand it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // data: and blob: for QR codes and generated images.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The email viewer's sandboxed srcdoc frame (settings/email/[id]).
    "frame-src 'self'",
    "frame-ancestors 'none'",
    `form-action 'self'${issuer ? ` ${issuer}` : ""}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}
