import "server-only";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { onboardings, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can, maySeePerson, peopleBelow } from "@/lib/auth/policy";
import { peopleScope } from "@/lib/auth/scope";
import type { SignoffRelation } from "@/lib/capability/vocabulary";

/**
 * The policy for the capability tool (issue 11): part of the one policy module (lib/auth/), kept in
 * its own file beside ./policy.ts. Permissions come from the table; these are the named
 * relationship rules and scope fragments the capability lib asks.
 */

/**
 * Whose readiness the actor may see and act on (assign training), as SQL over `people`: HR every
 * active person; managers and supervisors the active people in their people scope; never
 * themself (their own capability page is "My capability").
 */
export function readinessPeopleCondition(actor: Actor): SQL {
  if (!can(actor, "readiness.read")) return sql`0 = 1`;
  return and(peopleScope(actor), ne(people.id, actor.id), eq(people.active, true))!;
}

/** The person is an open onboarding plan's hire with the actor as buddy. */
function isBuddyOf(actor: Pick<Actor, "id">, personId: number): boolean {
  return Boolean(
    getDb()
      .select({ id: onboardings.id })
      .from(onboardings)
      .where(and(eq(onboardings.personId, personId), eq(onboardings.buddyId, actor.id), eq(onboardings.status, "open")))
      .get(),
  );
}

/**
 * May see a person's capabilities, evidence and certificate files: the person themself, whoever
 * sees their readiness (`readinessPeopleCondition`), and their buddy while the plan is open (who
 * may sign them off).
 */
export function mayViewCapabilities(actor: Actor, personId: number): boolean {
  if (personId === actor.id) return true;
  if (can(actor, "readiness.read") && personId !== actor.id && maySeePerson(actor, personId)) return true;
  return isBuddyOf(actor, personId);
}

/**
 * How the actor may sign off a person's capability, or null when they may not: their supervisor
 * (the person reports to them), a manager above them (up the reports-to chain, or their team's
 * manager), or their buddy on an open onboarding plan. Never their own; HR only in one of these
 * relations (someone must have watched them do it).
 */
export function signoffRelation(actor: Actor, personId: number): SignoffRelation | null {
  if (!can(actor, "evidence.signoff") || personId === actor.id) return null;
  const row = getDb()
    .select({ reportsToId: people.reportsToId, below: sql<number>`${people.id} in ${peopleBelow(actor.id)}` })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.active, true)))
    .get();
  if (!row) return null;
  if (row.reportsToId === actor.id) return "supervisor";
  if (row.below) return "manager";
  return isBuddyOf(actor, personId) ? "buddy" : null;
}

/** May add an external certificate as evidence: for themself, or for someone whose readiness they see. */
export function mayAddCertificate(actor: Actor, personId: number): boolean {
  if (!can(actor, "evidence.certify")) return false;
  if (personId === actor.id) return true;
  return can(actor, "readiness.read") && maySeePerson(actor, personId);
}

/** May assign training to this person: training.assign and the person in `readinessPeopleCondition`. */
export function mayAssignTraining(actor: Actor, personId: number): boolean {
  if (!can(actor, "training.assign")) return false;
  return Boolean(getDb().select({ id: people.id }).from(people).where(and(eq(people.id, personId), readinessPeopleCondition(actor))).get());
}

/**
 * Whose tools-and-access checklist the actor may tick, as SQL over `people`: with access.manage,
 * the people in their scope (HR everyone, a manager their people), deactivated ones included (their
 * access must be revoked); never their own (nobody grants themself access).
 */
export function accessPeopleCondition(actor: Actor): SQL {
  if (!can(actor, "access.manage")) return sql`0 = 1`;
  return and(peopleScope(actor), ne(people.id, actor.id))!;
}

/** May tick this person's access: `accessPeopleCondition` for one row. */
export function mayManageAccess(actor: Actor, personId: number): boolean {
  return Boolean(getDb().select({ id: people.id }).from(people).where(and(eq(people.id, personId), accessPeopleCondition(actor))).get());
}

/** May edit a course: HR any (courses.oversee), a manager the courses they wrote. */
export function mayEditCourse(actor: Actor, course: { authorId: number | null }): boolean {
  if (can(actor, "courses.oversee")) return true;
  return can(actor, "courses.write") && course.authorId === actor.id;
}
