import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { eq } from "drizzle-orm";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/**
 * The signed-in person, re-checked against the database on every request: a deactivated person,
 * or one whose session version was bumped, is signed out on their next request. App role, team
 * and job role are read fresh, so changes take effect at once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  const sv = (session as { sv?: number } | null)?.sv;
  if (!Number.isInteger(id) || id <= 0 || typeof sv !== "number") return null;
  const row = getDb()
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
    .where(eq(people.id, id))
    .get();
  if (!row || !row.active || row.sessionVersion !== sv) return null;
  const { active: _a, sessionVersion: _s, ...actor } = row;
  return actor;
});

/**
 * For pages: the signed-in person, or a redirect to the sign-in page. Transfers, reminders and
 * automatic pulses are the scheduler's jobs (lib/jobs), not side effects of a request.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?expired=1");
  return actor;
}
