import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { eq, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/client";
import { people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { liveSession, type LiveSession } from "@/lib/auth/sessions";
import { decodeSessionCookie, SESSION_COOKIES } from "@/lib/auth/token-cache";

export { SESSION_COOKIES };

export type SessionToken = { sub?: string; sid?: string; sv?: number };

/**
 * The request's session token, decoded from the cookie (without renewing it: only Auth.js's own
 * endpoint re-issues the cookie, and it asks `liveSession` first, see auth.ts). Decoded once per
 * token, not per request (lib/auth/token-cache.ts).
 */
const currentToken = cache(async (): Promise<SessionToken | null> => {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (!value) continue;
    // A token from another secret or a tampered one decodes to null: signed out.
    const token = (await decodeSessionCookie(value, name, process.env.AUTH_SECRET ?? "")) as SessionToken | null;
    if (token) return token;
  }
  return null;
});

/** The live server-side session of this request, or null (revoked, idle, expired, or none). */
export const currentSession = cache(async (): Promise<LiveSession | null> => sessionOfToken(await currentToken()));

/** The live session a decoded token names, if it is that person's (exported for tests). */
export function sessionOfToken(token: SessionToken | null, now = Date.now(), touch = true): LiveSession | null {
  const id = Number(token?.sub);
  if (!token?.sid || !Number.isInteger(id) || id <= 0) return null;
  const session = liveSession(token.sid, now, touch);
  return session && session.personId === id ? session : null;
}

/**
 * The signed-in person, re-checked against the database on every request: a revoked, idle or
 * expired session, a deactivated person, or one whose session version was bumped, is signed out on
 * their next request. App role, team and job role are read fresh, so changes take effect at once.
 */
export const getActor = cache(async (): Promise<Actor | null> => actorOfToken(await currentToken()));

/**
 * The same, without recording the request on the session (its last-seen time): for the actions of an
 * anonymous author (raising an anonymous concern, the receipt actions), so the session does not
 * note when they posted.
 */
export const getActorUntouched = cache(async (): Promise<Actor | null> => actorOfToken(await currentToken(), Date.now(), false));

/** Every request's person: built once (db/client.ts `preparedQuery`). */
const actorById = preparedQuery((db) =>
  db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      appRole: people.appRole,
      jobRoleId: people.jobRoleId,
      teamId: people.teamId,
      reportsToId: people.reportsToId,
      locale: people.locale,
      active: people.active,
      sessionVersion: people.sessionVersion,
    })
    .from(people)
    .where(eq(people.id, sql.placeholder("id")))
    .prepare(),
);

/** The person a decoded session token signs in, or null (exported for tests). */
export function actorOfToken(token: SessionToken | null, now = Date.now(), touch = true): Actor | null {
  const session = sessionOfToken(token, now, touch);
  if (!session || typeof token?.sv !== "number") return null;
  const row = actorById().get({ id: session.personId });
  if (!row || !row.active || row.sessionVersion !== token.sv) return null;
  const { active: _a, sessionVersion: _s, ...actor } = row;
  return actor;
}

/**
 * For pages: the signed-in person, or a redirect to the sign-in page. Transfers, reminders and
 * automatic pulses are the scheduler's jobs (lib/jobs), not side effects of a request.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?expired=1");
  return actor;
}
