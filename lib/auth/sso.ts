import "server-only";
import type { Provider } from "next-auth/providers";

/**
 * OpenID Connect single sign-on (issue 14 point 5). STUBS with fixed signatures: THE SSO PART fills
 * them in. Configured by environment (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET); without
 * them there is no SSO provider and the sign-in page shows no SSO button.
 */

/** The provider id Auth.js uses for the OpenID Connect provider (callback /api/auth/callback/oidc). */
export const SSO_PROVIDER_ID = "oidc";

/** The OIDC provider when configured, else none. */
export function ssoProviders(): Provider[] {
  return [];
}

/** Whether SSO is configured (the sign-in page shows its button). */
export function ssoEnabled(): boolean {
  return false;
}

/**
 * Auth.js's signIn callback for the SSO provider: true when the verified email matches an active
 * person (or HR allows creating one). It must set `user.id` (the person's id as a string),
 * `user.sessionVersion` and `user.sid` (a session from createSession, method "sso") on the given
 * user object: the jwt callback in auth.ts copies them into the token. Refusals are audited.
 */
export async function ssoSignIn(params: { user: Record<string, unknown>; profile?: Record<string, unknown> | null }): Promise<boolean> {
  void params;
  return false;
}
