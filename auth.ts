import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { authConfig } from "./auth.config";
import { authorizeCredentials } from "./lib/auth/authorize";
import { clientAddress, userAgentOf } from "./lib/auth/request-info";
import { securityEvent } from "./lib/auth/security-audit";
import { endSession, liveSession } from "./lib/auth/sessions";
import { SSO_PROVIDER_ID, ssoProviders, ssoSignIn } from "./lib/auth/sso";

/**
 * Auth.js with server-side sessions (lib/auth/sessions.ts): the cookie carries the person's id, their
 * session version and the session's id; it is worth something only while that session is live.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  // Wrong passwords are expected, audited events (security.signinFailed), not errors with stack traces.
  logger: {
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin" || type === "AccessDenied") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      authorize: (raw, request) => authorizeCredentials(raw, request.headers) as never,
    }),
    ...ssoProviders(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account, profile }) {
      if (account?.provider === SSO_PROVIDER_ID) return ssoSignIn({ user: user as Record<string, unknown>, profile: profile as Record<string, unknown> | null });
      return true;
    },
    /** Sign-in copies the person and session into the token; afterwards a token lives only while its session does. */
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; sessionVersion?: number; sid?: string };
        return { sub: u.id, sv: u.sessionVersion, sid: u.sid };
      }
      if (typeof token.sid !== "string" || !liveSession(token.sid)) return null;
      return token;
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const sid = typeof token?.sid === "string" ? token.sid : null;
      if (!sid) return;
      const ended = endSession(sid, "signout");
      const h = await headers();
      const personId = Number(token?.sub) || null;
      if (ended) securityEvent("signout", { actorId: personId, personId, ip: clientAddress(h), userAgent: userAgentOf(h) });
    },
  },
});
