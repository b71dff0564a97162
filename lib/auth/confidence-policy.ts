import "server-only";
import { and, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { concernAddressees, concernAuthors, concerns, jobRoles, people, taskThreads } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can, mayEditRole, peopleBelow } from "@/lib/auth/policy";
import { CONCERN_FINAL, type ConcernStatus, type ThreadStatus } from "@/lib/confidence/vocabulary";

/**
 * The policy for the confidence tools (issue 10): concerns, FAQ, task threads and the role-clarity
 * pulse. Part of the one policy module (lib/auth/), in its own file beside ./policy.ts; the
 * permissions come from the table, these are the named relationship rules and scope fragments.
 */

// ---------- Confidence: concerns ----------

/**
 * Concerns the actor may see, as SQL over `concerns`: every one for HR (concerns.oversee); a named
 * concern's author; its addressees (whom it was addressed or forwarded to). Nobody else. An
 * anonymous concern has no author to match: its author reads it with the receipt code
 * (`receiptAccess`), signed in or not.
 */
export function concernsCondition(actor: Actor): SQL {
  if (can(actor, "concerns.oversee")) return sql`1 = 1`;
  return or(
    inArray(concerns.id, sql`(select ${concernAuthors.concernId} from ${concernAuthors} where ${concernAuthors.personId} = ${actor.id})`),
    inArray(concerns.id, sql`(select ${concernAddressees.concernId} from ${concernAddressees} where ${concernAddressees.personId} = ${actor.id})`),
  )!;
}

/** What the actor may do with one concern they can see (`concernsCondition`). */
export type ConcernAccess = {
  /** The named author. */
  isAuthor: boolean;
  /** Addressed to them, or forwarded to them. */
  isAddressee: boolean;
  /** Reply as an addressee (answering), while it is not resolved or closed. Only addressees answer (HR may forward it to themself). */
  mayAnswer: boolean;
  /** Reply as the named author, while not resolved or closed. */
  mayReplyAsAuthor: boolean;
  /** Mark it resolved: the named author, while not resolved or closed. */
  mayResolve: boolean;
  /** Close it with a reason: an addressee, while not resolved or closed. */
  mayClose: boolean;
  /** Forward it to another manager or HR: an addressee or HR, while not resolved or closed. */
  mayForward: boolean;
  /** Turn it into an FAQ entry on its role: once answered, an addressee or whoever may edit the role. */
  mayWriteFaq: boolean;
};

export function concernAccess(
  actor: Actor,
  c: { status: ConcernStatus; jobRoleId: number | null; isAuthor: boolean; isAddressee: boolean },
): ConcernAccess {
  const live = !CONCERN_FINAL.includes(c.status);
  const isAuthor = c.isAuthor;
  const isAddressee = c.isAddressee && !isAuthor;
  const answered = c.status === "answered" || c.status === "resolved";
  return {
    isAuthor,
    isAddressee,
    mayAnswer: isAddressee && live,
    mayReplyAsAuthor: isAuthor && live,
    mayResolve: isAuthor && live,
    mayClose: isAddressee && live,
    mayForward: (isAddressee || (can(actor, "concerns.oversee") && !isAuthor)) && live,
    mayWriteFaq: answered && c.jobRoleId !== null && !isAuthor && (isAddressee || mayEditRole(actor, c.jobRoleId)),
  };
}

/** Who answers a concern addressed to HR, as SQL over `people`: every active HR admin. */
export function concernHrCondition(): SQL {
  return and(eq(people.appRole, "hr_admin"), eq(people.active, true))!;
}

/**
 * Whom a concern may be forwarded to, as SQL over `people`: active managers, supervisors and HR
 * (the people who answer concerns); never the actor, except HR taking a concern on themself. Behind
 * the forward picker and the forward action. The concern's own author and its current addressees
 * are refused by the action.
 */
export function concernForwardTargetsCondition(actor: Pick<Actor, "id" | "appRole">): SQL {
  const answerers = and(eq(people.active, true), inArray(people.appRole, ["manager", "supervisor", "hr_admin"]))!;
  return can(actor, "concerns.oversee") ? answerers : and(answerers, ne(people.id, actor.id))!;
}

/** What the holder of a concern's receipt code may do (anonymous concerns; no person involved). */
export function receiptAccess(c: { status: ConcernStatus }): { mayReply: boolean; mayResolve: boolean } {
  const live = !CONCERN_FINAL.includes(c.status);
  return { mayReply: live, mayResolve: live };
}

// ---------- Confidence: FAQ ----------

/**
 * May write, publish, unpublish or delete FAQ entries on a role: whoever may edit the role; for an
 * entry made from a concern (or being made from one), also whoever may turn that concern into an
 * FAQ entry (`concernAccess(...).mayWriteFaq`: an addressee, once it is answered).
 */
export function mayEditFaq(actor: Actor, jobRoleId: number, fromConcern: Pick<ConcernAccess, "mayWriteFaq"> | null): boolean {
  return Boolean(fromConcern?.mayWriteFaq) || mayEditRole(actor, jobRoleId);
}

// ---------- Confidence: task threads ----------

/**
 * Task threads the actor may read, as SQL over `task_threads`: every one for HR
 * (communication.oversee); those of the role they hold, of the roles held by people below them
 * (they manage those holders), and of the roles they own.
 */
export function threadsCondition(actor: Actor): SQL {
  if (can(actor, "communication.oversee")) return sql`1 = 1`;
  return or(
    eq(taskThreads.jobRoleId, actor.jobRoleId ?? -1),
    inArray(taskThreads.jobRoleId, sql`(select job_role_id from people where active = 1 and job_role_id is not null and id in ${peopleBelow(actor.id)})`),
    inArray(taskThreads.jobRoleId, sql`(select ${jobRoles.id} from ${jobRoles} where ${jobRoles.ownerId} = ${actor.id})`),
  )!;
}

/**
 * Roles whose threads the actor may read, as SQL over `job_roles`: the same reach as
 * `threadsCondition` (their own role, the roles of people below them, the roles they own; every role
 * for HR). For the list's role filter and the "Discuss" links on role pages.
 */
export function threadRolesCondition(actor: Actor): SQL {
  if (can(actor, "communication.oversee")) return sql`1 = 1`;
  return or(
    eq(jobRoles.id, actor.jobRoleId ?? -1),
    inArray(jobRoles.id, sql`(select job_role_id from people where active = 1 and job_role_id is not null and id in ${peopleBelow(actor.id)})`),
    eq(jobRoles.ownerId, actor.id),
  )!;
}

/** Manages someone who holds this role (a holder is below them), or is HR. */
export function managesHoldersOf(actor: Actor, jobRoleId: number): boolean {
  if (can(actor, "communication.oversee")) return true;
  return Boolean(
    getDb()
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.jobRoleId, jobRoleId), eq(people.active, true), sql`${people.id} in ${peopleBelow(actor.id)}`))
      .get(),
  );
}

/** May open a thread on a task of this role: only a holder of the role. */
export function mayStartThread(actor: Actor, jobRoleId: number): boolean {
  return can(actor, "threads.participate") && actor.jobRoleId === jobRoleId;
}

export type ThreadAccess = {
  holdsRole: boolean;
  /** Manages holders of the role (or HR). */
  managesHolders: boolean;
  isStarter: boolean;
  /** Reply: holders of the role and their managers. */
  mayPost: boolean;
  /** Mark a reply as the solution: the starter or a manager. */
  mayMarkSolution: boolean;
  /** Propose the solution to the role's owner as a change: the starter or a manager, once solved, once. */
  mayPropose: boolean;
};

export function threadAccess(
  actor: Actor,
  t: { jobRoleId: number; authorId: number | null; status: ThreadStatus; proposedAt: string | null },
  managesHolders: boolean,
): ThreadAccess {
  const holdsRole = actor.jobRoleId === t.jobRoleId && can(actor, "threads.participate");
  const isStarter = t.authorId === actor.id && holdsRole;
  const mayPost = holdsRole || managesHolders;
  const steers = isStarter || managesHolders;
  return {
    holdsRole,
    managesHolders,
    isStarter,
    mayPost,
    mayMarkSolution: steers,
    mayPropose: steers && t.status === "solved" && t.proposedAt === null,
  };
}

// ---------- Confidence: role-clarity pulse ----------

/**
 * Roles whose clarity results the actor may see, as SQL over `job_roles`: every role for HR
 * (clarity.oversee); for managers (clarity.read) the roles held by people below them and the roles
 * they own. Results still show only for groups of at least the organisation's minimum.
 */
export function clarityRolesCondition(actor: Actor): SQL {
  if (!can(actor, "clarity.read")) return sql`0 = 1`;
  if (can(actor, "clarity.oversee")) return sql`1 = 1`;
  return or(
    inArray(jobRoles.id, sql`(select job_role_id from people where job_role_id is not null and id in ${peopleBelow(actor.id)})`),
    eq(jobRoles.ownerId, actor.id),
  )!;
}
