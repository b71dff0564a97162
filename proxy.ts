import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig, isPublicPath } from "./auth.config";

/**
 * Only redirects signed-out visitors to /sign-in (and adds transport headers). It is never the only
 * guard: every page, lib function and Server Action checks the person again on the server.
 */
const { auth } = NextAuth(authConfig);

export const proxy = auth((req) => {
  const { pathname, search } = req.nextUrl;
  const isPublic = isPublicPath(pathname);
  if (!isPublic && !req.auth?.user) {
    const url = new URL("/sign-in", req.nextUrl.origin);
    if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  const res = NextResponse.next();
  const https = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  if (https) res.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  if (!isPublic || pathname.startsWith("/sign-in")) res.headers.set("Cache-Control", "no-store");
  return res;
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
