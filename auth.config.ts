import type { NextAuthConfig } from "next-auth";
import { safeCallbackPath } from "./lib/auth/callback-url";

/**
 * The part of the Auth.js configuration that needs no database: used by proxy.ts, which only
 * redirects signed-out visitors. Every page and lib function checks the person again on the server.
 */
const PUBLIC_PATHS = [/^\/sign-in(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/health$/, /^\/jobs(\/|$)/, /^\/receipt$/, /^\/r\/[^/]+$/, /^\/q\/[^/]+$/, /^\/api\/v1\//, /^\/unsubscribe\/[^/]+$/, /^\/api\/unsubscribe$/, /^\/invite\/[^/]+$/, /^\/setup$/, /^\/forgot-password$/, /^\/reset-password\/[^/]+$/];

/** The request header proxy.ts sets to the requested path (read by the portal layout). */
export const PATH_HEADER = "x-rolebook-path";

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => p.test(pathname));
}

export const authConfig = {
  trustHost: true,
  // A refused or failed single sign-on comes back to the sign-in page (?error=AccessDenied, …).
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // The cookie may live as long as the longest absolute lifetime HR can set (24 h); the server-side
  // session (lib/auth/sessions.ts) decides when it really ends.
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 },
  providers: [],
  callbacks: {
    /** Auth.js's own redirects (sign-out, single sign-on) stay on the app's origin, like the sign-in form's callbackUrl. */
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
    /** The token carries only the person's id (sub), session version (sv) and session id (sid); see auth.ts. */
    session({ session, token }) {
      return {
        ...session,
        user: { id: token.sub ?? "" } as typeof session.user,
        sv: typeof token.sv === "number" ? token.sv : 0,
      };
    },
  },
} satisfies NextAuthConfig;
