import "server-only";
import { sql } from "drizzle-orm";
import type { OIDCConfig } from "next-auth/providers";
import type { Provider } from "next-auth/providers";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { people } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { clientAddress, userAgentOf } from "@/lib/auth/request-info";
import { securityEvent } from "@/lib/auth/security-audit";
import { securitySettings } from "@/lib/auth/security-settings";
import { createSession } from "@/lib/auth/sessions";
import { todayIso } from "@/lib/core/dates";
import { personSearchText } from "@/lib/core/search-text";
import { unusablePasswordHash } from "@/lib/email/invitations";

/**
 * OpenID Connect single sign-on (issue 14 point 5). Configured by environment: OIDC_ISSUER,
 * OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (and OIDC_NAME, the button's label); without the first three
 * there is no SSO provider and the sign-in page shows no SSO button. The identity provider's
 * redirect URI to register is `<APP_URL>/api/auth/callback/oidc`.
 *
 * Who may sign in: the provider must say the email is verified (`email_verified === true`); the
 * email must belong to an ACTIVE person (case-insensitively). Deactivated people are refused. An
 * email nobody has is refused unless HR turned on `ssoCreatesPeople` (/settings/security): then a
 * person is created with the employee app role only, and an unusable password.
 */

/** The provider id Auth.js uses for the OpenID Connect provider (callback /api/auth/callback/oidc). */
export const SSO_PROVIDER_ID = "oidc";

const DEFAULT_NAME = "Single sign-on";

function ssoConfig(env: NodeJS.ProcessEnv = process.env) {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: env.OIDC_NAME?.trim() || DEFAULT_NAME };
}

/** The OIDC provider when configured, else none. */
export function ssoProviders(): Provider[] {
  const config = ssoConfig();
  if (!config) return [];
  const provider: OIDCConfig<Record<string, unknown>> = {
    id: SSO_PROVIDER_ID,
    name: config.name,
    type: "oidc",
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid profile email" } },
    // The claims come from the userinfo endpoint (after the ID token is validated): many providers
    // put email and email_verified only there.
    idToken: false,
  };
  return [provider];
}

/** Whether SSO is configured (the sign-in page shows its button). */
export function ssoEnabled(): boolean {
  return ssoConfig() !== null;
}

/** The label of the SSO button: OIDC_NAME, or "Single sign-on". */
export function ssoName(): string {
  return ssoConfig()?.name ?? DEFAULT_NAME;
}

export type SsoRefusal = "unverified" | "noEmail" | "deactivated" | "unknown";
export type SsoMatch = { ok: true; personId: number; sessionVersion: number; created: boolean } | { ok: false; reason: SsoRefusal; email: string | null };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The verified email of an OIDC profile, lower-cased, or why there is none. */
export function verifiedEmail(profile: Record<string, unknown> | null | undefined): { email: string } | { refusal: "unverified" | "noEmail"; email: string | null } {
  const raw = typeof profile?.email === "string" ? profile.email.trim().toLowerCase() : "";
  const email = raw && raw.length <= 320 && EMAIL.test(raw) ? raw : null;
  if (!email) return { refusal: "noEmail", email: null };
  // Only the boolean true: a provider that does not vouch for the address must not sign anyone in.
  if (profile?.email_verified !== true) return { refusal: "unverified", email };
  return { email };
}

/** The name a person created by SSO gets: the profile's name, else given + family name, else the email's local part. */
export function profileName(profile: Record<string, unknown> | null | undefined, email: string): string {
  const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const name = str(profile?.name) || [str(profile?.given_name), str(profile?.family_name)].filter(Boolean).join(" ") || str(profile?.preferred_username) || email.split("@")[0];
  // Plain text only: no control or bidirectional characters, a sane length.
  return name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").slice(0, 120) || email;
}

/**
 * Whom an OIDC profile signs in as: an active person with that verified email, or (when HR allows
 * it) a new employee created now. Never anyone else.
 */
export function matchSsoPerson(profile: Record<string, unknown> | null | undefined, now = new Date()): SsoMatch {
  const verified = verifiedEmail(profile);
  if ("refusal" in verified) return { ok: false, reason: verified.refusal, email: verified.email };
  const { email } = verified;
  const db = getDb();
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: people.id, active: people.active, sessionVersion: people.sessionVersion })
      .from(people)
      .where(sql`lower(${people.email}) = ${email}`)
      .get();
    if (existing) {
      if (!existing.active) return { ok: false, reason: "deactivated", email } as const;
      return { ok: true, personId: existing.id, sessionVersion: existing.sessionVersion, created: false } as const;
    }
    if (!securitySettings().ssoCreatesPeople) return { ok: false, reason: "unknown", email } as const;
    const name = profileName(profile, email);
    const row = tx
      .insert(people)
      .values({ name, email, searchText: personSearchText(name, email), passwordHash: unusablePasswordHash(), appRole: "employee", startDate: todayIso(now) })
      .returning({ id: people.id, sessionVersion: people.sessionVersion })
      .get();
    // Nobody in the portal did this: the identity provider vouched for the email and HR allowed it.
    audit({ actorId: null, action: "person.create", entityType: "person", entityId: row.id, detail: { appRole: "employee", via: "sso" } }, tx);
    return { ok: true, personId: row.id, sessionVersion: row.sessionVersion, created: true } as const;
  });
}

/**
 * ssoSignIn with the request's headers given (tests call this): matches the person, starts an SSO
 * session and audits the outcome.
 */
export function ssoSignInWith(
  params: { user: Record<string, unknown>; profile?: Record<string, unknown> | null },
  request: Headers,
  now = new Date(),
): boolean {
  const ip = clientAddress(request);
  const userAgent = userAgentOf(request);
  const match = matchSsoPerson(params.profile, now);
  if (!match.ok) {
    const personId = match.email ? personIdByEmail(match.email) : null;
    securityEvent("ssoRefused", { actorId: null, personId, ip, userAgent }, { reason: match.reason, email: match.email });
    return false;
  }
  const sid = createSession({ personId: match.personId, method: "sso", secondFactor: false, ip, userAgent }, now.getTime());
  securityEvent("ssoSignin", { actorId: match.personId, personId: match.personId, ip, userAgent }, { method: "sso", ...(match.created ? { created: true } : {}) });
  params.user.id = String(match.personId);
  params.user.sessionVersion = match.sessionVersion;
  params.user.sid = sid;
  return true;
}

function personIdByEmail(email: string): number | null {
  return getDb().select({ id: people.id }).from(people).where(sql`lower(${people.email}) = ${email}`).get()?.id ?? null;
}

/**
 * Auth.js's signIn callback for the SSO provider: true when the verified email matches an active
 * person (or HR allows creating one). It must set `user.id` (the person's id as a string),
 * `user.sessionVersion` and `user.sid` (a session from createSession, method "sso") on the given
 * user object: the jwt callback in auth.ts copies them into the token. Refusals are audited.
 */
export async function ssoSignIn(params: { user: Record<string, unknown>; profile?: Record<string, unknown> | null }): Promise<boolean> {
  return ssoSignInWith(params, await headers());
}
