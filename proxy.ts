import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath, PATH_HEADER } from "./auth.config";
import { contentSecurityPolicy, makeNonce, NONCE_HEADER } from "./lib/core/csp";
import { decodeSessionCookie, SESSION_COOKIES } from "./lib/auth/token-cache";

/**
 * Only redirects signed-out visitors to /sign-in (and adds transport headers). It is never the only
 * guard: every page, lib function and Server Action checks the person again on the server.
 *
 * It reads the session token without re-issuing it (Auth.js's proxy wrapper would re-set the
 * session cookie on every response, including the one that signs the person out).
 *
 * It also sets the Content Security Policy with a fresh nonce (lib/core/csp.ts): on the request,
 * where Next reads the nonce for the scripts it renders (and our own code via `x-nonce`), and on
 * the response. Every page therefore renders per request (the root layout reads headers anyway).
 */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const nonce = makeNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", oidcIssuer: process.env.OIDC_ISSUER });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // The path, for the portal layout (a person who must enrol a second factor sees only /security):
  // always set here, so a client cannot send its own.
  requestHeaders.set(PATH_HEADER, pathname);
  // Next answers 500 (not 400 or 404) when a dynamic segment does not percent-decode, e.g.
  // /people/%C3%28 (vercel/next.js#92557). Such a path names nothing: show the not-found page.
  if (!pathDecodes(pathname)) return withCsp(notFoundPage(req, requestHeaders), csp);
  const https = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const isPublic = isPublicPath(pathname);
  if (!isPublic) {
    const token = await sessionToken(req, https);
    if (!token?.sub) {
      const url = new URL("/sign-in", req.nextUrl.origin);
      if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
      return withCsp(NextResponse.redirect(url), csp);
    }
  }
  const res = withCsp(NextResponse.next({ request: { headers: requestHeaders } }), csp);
  if (https) res.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  // Uploaded files (/files/<id>) set their own "private" caching in their route handler.
  if ((!isPublic && !pathname.startsWith("/files/")) || pathname.startsWith("/sign-in")) res.headers.set("Cache-Control", "no-store");
  // The public rating pages carry their token in the URL: never cached, and never sent on as a
  // referrer to another site ("same-origin", not "no-referrer": a form posted without JavaScript
  // must still carry its Origin, or Next refuses the Server Action).
  if (/^\/[rq]\//.test(pathname)) {
    res.headers.set("Cache-Control", "no-store");
    res.headers.set("Referrer-Policy", "same-origin");
  }
  return res;
}

/**
 * The request's session token: Auth.js's cookie (the __Secure- one over https), decoded once per
 * token (lib/auth/token-cache.ts). A cookie Auth.js split into chunks (never for our small
 * tokens) is read by Auth.js's own getToken.
 */
async function sessionToken(req: NextRequest, https: boolean) {
  const [secure, plain] = SESSION_COOKIES;
  const name = https ? secure : plain;
  const secret = process.env.AUTH_SECRET ?? "";
  const value = req.cookies.get(name)?.value;
  if (value) return decodeSessionCookie(value, name, secret);
  if (req.cookies.has(`${name}.0`)) return getToken({ req, secret, secureCookie: https });
  return null;
}

function withCsp(res: NextResponse, csp: string): NextResponse {
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

/** Whether every segment of the raw path percent-decodes to valid UTF-8. */
export function pathDecodes(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * Renders the app's not-found page with status 404: a rewrite to a path no route matches (folders
 * starting with "_" are private in the App Router, so nothing can ever be served there).
 */
function notFoundPage(req: NextRequest, headers: Headers) {
  const res = NextResponse.rewrite(new URL("/_not-found-path", req.nextUrl.origin), { request: { headers } });
  res.headers.set("Cache-Control", "no-store");
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/health).*)"],
};
