import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database: used by proxy.ts, which only
 * redirects signed-out visitors. Every page and lib function checks the person again on the server.
 */
const PUBLIC_PATHS = [/^\/sign-in(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/health$/, /^\/jobs(\/|$)/, /^\/receipt$/, /^\/r\/[^/]+$/, /^\/q\/[^/]+$/, /^\/api\/v1\//, /^\/unsubscribe\/[^/]+$/, /^\/api\/unsubscribe$/, /^\/invite\/[^/]+$/];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => p.test(pathname));
}

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  providers: [],
  callbacks: {
    /** The token carries only the person's id (sub) and session version (sv). */
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; sessionVersion?: number };
        return { sub: u.id, sv: u.sessionVersion };
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { id: token.sub ?? "" } as typeof session.user,
        sv: typeof token.sv === "number" ? token.sv : 0,
      };
    },
  },
} satisfies NextAuthConfig;
