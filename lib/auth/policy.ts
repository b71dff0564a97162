import "server-only";
import { and, eq, gte, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { acknowledgements, auditLog, evaluations, jobRoles, onboardingItems, onboardings, people, roleVersions, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PERMISSION_TABLE, type Permission } from "@/lib/auth/permissions";
import type { AppRole } from "@/lib/people/vocabulary";
import { editableRolesScope, peopleScope } from "@/lib/auth/scope";
import { audit } from "@/lib/audit/log";
import { ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { RELEASED_STATUSES, type EvaluationStatus } from "@/lib/evaluations/vocabulary";
import type { Assignee } from "@/lib/onboarding/vocabulary";

/**
 * The policy: every authorization question in lib/ is answered here (with the permission table in
 * ./permissions and the scope fragments in ./scope). Three kinds of answer:
 * - `can` / `authorize`: what an app role may do at all (the table);
 * - scope fragments: which records a person may see, as SQL to narrow a query;
 * - named relationship rules (`planAccess` and its `mayManage`, `mayTick`, `mayTrackVersion`, …):
 *   what a person may do to one record because of how they relate to it.
 * Pages ask the same functions before they show a control, so a button is shown only when its
 * action would be allowed. The confidence tools' rules are in ./confidence-policy.ts and the
 * capability tool's in ./capability-policy.ts, both part of this module.
 */

export type { Permission };
export { editableRolesScope, peopleScope, teamsScope, ownRows } from "@/lib/auth/scope";

type Who = Pick<Actor, "id" | "appRole">;
type Target = { type: string; id?: string | number | null };

/** True when the permission table lets the person's app role do this. */
export function can(actor: Pick<Actor, "appRole">, permission: Permission): boolean {
  return PERMISSION_TABLE[actor.appRole]?.has(permission) ?? false;
}

/**
 * Writes an `access.denied` row, at most one per person, record and hour: a crawler walking ids
 * cannot flood the log. Call it outside a transaction that is about to roll back.
 */
export function recordDenied(actor: Who, target: Target, detail: Record<string, string>, now = new Date()): void {
  const entityId = target.id == null ? null : String(target.id);
  const hour = `${now.toISOString().slice(0, 13)}:00:00.000Z`;
  const seen = getDb()
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, target.type),
        entityId == null ? isNull(auditLog.entityId) : eq(auditLog.entityId, entityId),
        eq(auditLog.actorId, actor.id),
        eq(auditLog.action, "access.denied"),
        gte(auditLog.at, hour),
      ),
    )
    .limit(1)
    .get();
  if (!seen) audit({ actorId: actor.id, action: "access.denied", entityType: target.type, entityId, detail });
}

/** Refuses (ForbiddenError, audited) unless the permission table allows it. */
export function authorize(actor: Who, permission: Permission, target?: Target): void {
  if (can(actor, permission)) return;
  recordDenied(actor, target ?? { type: "permission" }, { permission });
  throw new ForbiddenError(permission);
}

/**
 * For a record that exists but is outside what the person may see or do: audits the attempt and
 * returns the "not found" to throw (a refusal never confirms that the record exists).
 */
export function outOfScope(actor: Who, target: Target & { id: string | number }, rule: string): NotFoundError {
  recordDenied(actor, target, { rule });
  return new NotFoundError(target.type);
}

// ---------- People ----------

/**
 * For a person the actor's scoped query did not find: absent, or there but out of scope. Same
 * answer either way ("not found"); an attempt on a real person is audited.
 */
export function personNotVisible(actor: Who, personId: number): NotFoundError {
  const exists = getDb().select({ id: people.id }).from(people).where(eq(people.id, personId)).get();
  return exists ? outOfScope(actor, { type: "person", id: personId }, "peopleScope") : new NotFoundError("person");
}

/** Changing someone's app role needs its own permission on top of editing them. */
export function authorizeAppRoleChange(actor: Who, from: Actor["appRole"], to: Actor["appRole"], personId: number): void {
  if (from !== to) authorize(actor, "people.assignAppRole", { type: "person", id: personId });
}

/** The person is in the actor's people scope (themself included). One indexed query. */
export function maySeePerson(actor: Actor, personId: number): boolean {
  return Boolean(getDb().select({ id: people.id }).from(people).where(and(eq(people.id, personId), peopleScope(actor))).get());
}

// ---------- Roles ----------

/** May edit this role's description (HR every role; a manager the roles they own or their teams hold). */
export function mayEditRole(actor: Actor, roleId: number): boolean {
  return Boolean(getDb().select({ id: jobRoles.id }).from(jobRoles).where(and(eq(jobRoles.id, roleId), editableRolesScope(actor))).get());
}

/** May see who answered a version of this role, and remind: its owner, or someone who may edit it. */
export function mayTrackVersion(actor: Actor, role: { id: number; ownerId: number | null }): boolean {
  if (role.ownerId === actor.id) return true;
  return mayEditRole(actor, role.id);
}

// ---------- Communication ----------

/**
 * Items whose questions the actor may answer, as SQL over `acknowledgements`: the items they own
 * (the role's owner, the announcement's author), items owned by someone who reports to them (the
 * owner's or author's manager), items about a role they may edit, and every item for whoever
 * oversees communication (HR); never their own item. The one definition behind `mayReplyToAck`, the
 * "Questions to answer" inbox and its count in the navigation, so they cannot disagree.
 */
export function answerableAcksCondition(actor: Actor, state?: "clarification"): SQL {
  const db = getDb();
  const reportsOf = db.select({ id: people.id }).from(people).where(eq(people.reportsToId, actor.id));
  const editableVersions = db
    .select({ id: roleVersions.id })
    .from(roleVersions)
    .innerJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .where(editableRolesScope(actor));
  if (!state || can(actor, "communication.oversee")) {
    return and(
      state ? eq(acknowledgements.state, state) : undefined,
      ne(acknowledgements.personId, actor.id),
      or(
        eq(acknowledgements.ownerId, actor.id),
        can(actor, "communication.oversee") ? sql`1 = 1` : undefined,
        inArray(acknowledgements.ownerId, reportsOf),
        inArray(acknowledgements.roleVersionId, editableVersions),
      ),
    )!;
  }
  // The same rule for the items in one state (the list and the navigation's count), written so
  // each way of being allowed is its own lookup in ack_state_owner_idx or ack_state_version_idx:
  // as one OR, SQLite read every item in the state on every page (issue 15).
  const a = alias(acknowledgements, "answerable");
  const allowed = sql`select ${a.id} from ${acknowledgements} ${a} where ${a.state} = ${state} and ${a.ownerId} = ${actor.id}
    union all select ${a.id} from ${acknowledgements} ${a} where ${a.state} = ${state} and ${a.ownerId} in ${reportsOf}
    union all select ${a.id} from ${acknowledgements} ${a} where ${a.state} = ${state} and ${a.roleVersionId} in ${editableVersions}`;
  return and(eq(acknowledgements.state, state), ne(acknowledgements.personId, actor.id), sql`${acknowledgements.id} in (${allowed})`)!;
}

/** May answer questions on this item (and read its thread): `answerableAcksCondition` for one row. */
export function mayReplyToAck(actor: Actor, ack: { id: number }): boolean {
  return Boolean(
    getDb()
      .select({ id: acknowledgements.id })
      .from(acknowledgements)
      .where(and(eq(acknowledgements.id, ack.id), answerableAcksCondition(actor)))
      .get(),
  );
}

/** May see who answered an announcement, and remind: its author, or HR. */
export function mayTrackAnnouncement(actor: Actor, announcement: { authorId: number | null }): boolean {
  return announcement.authorId === actor.id || can(actor, "communication.oversee");
}

// ---------- Onboarding ----------

type PlanPeople = { personId: number; buddyId: number | null; managerId: number | null };

/** What the actor may do on one plan, from how they relate to it. */
export type PlanAccess = {
  isHire: boolean;
  isBuddy: boolean;
  /** Named as the plan's manager. */
  isManager: boolean;
  /** Does HR's items (accounts, equipment, tools). */
  doesHrItems: boolean;
  /** Add and remove items, close the plan, read and write check-ins. */
  mayManage: boolean;
  /** Write a check-in note (the buddy, or whoever may manage). */
  mayCheckin: boolean;
  /** Read the plan at all. */
  mayView: boolean;
};

/** HR, or a manager whose people include the hire (the table's onboarding.manage, narrowed by scope). */
function managesPerson(actor: Actor, personId: number): boolean {
  return can(actor, "onboarding.manage") && maySeePerson(actor, personId);
}

export function planAccess(actor: Actor, plan: PlanPeople): PlanAccess {
  const isHire = plan.personId === actor.id;
  const isBuddy = plan.buddyId === actor.id;
  const isManager = plan.managerId === actor.id;
  const mayManage = isManager || (!isHire && managesPerson(actor, plan.personId));
  return {
    isHire,
    isBuddy,
    isManager,
    doesHrItems: can(actor, "onboarding.hrItems"),
    mayManage,
    mayCheckin: isBuddy || mayManage,
    mayView: isHire || isBuddy || mayManage,
  };
}

/** May tick this item: only whoever owes it (the hire, the buddy, the plan's managers, HR). */
export function mayTick(access: PlanAccess, assignee: Assignee): boolean {
  return (
    (assignee === "hire" && access.isHire) ||
    (assignee === "buddy" && access.isBuddy) ||
    (assignee === "manager" && access.mayManage) ||
    (assignee === "hr" && access.doesHrItems)
  );
}

/**
 * Open items the actor owes to other people's plans, as SQL over onboarding_items joined to
 * onboardings: as buddy, as the named manager, and HR's items for HR. (The one definition behind
 * "My onboarding tasks", the navigation count and the calendar.)
 */
export function owedItemsCondition(actor: Actor): SQL {
  return or(
    and(eq(onboardingItems.assignee, "buddy"), eq(onboardings.buddyId, actor.id)),
    and(eq(onboardingItems.assignee, "manager"), eq(onboardings.managerId, actor.id)),
    can(actor, "onboarding.hrItems") ? eq(onboardingItems.assignee, "hr") : undefined,
  )!;
}

/** Plans that name the actor as the hire's buddy or manager. */
export function supportedPlansCondition(actor: Actor): SQL {
  return or(eq(onboardings.buddyId, actor.id), eq(onboardings.managerId, actor.id))!;
}

/** Plans the actor may list in the overview: the hires in their scope, and plans naming them manager. */
export function plansScope(actor: Actor): SQL {
  return or(peopleScope(actor), eq(onboardings.managerId, actor.id))!;
}

/**
 * Who owes an onboarding item assigned to "hr", as SQL over `people`: every active person whose app
 * role may tick HR's items (`onboarding.hrItems`; their scope is every hire). The daily "due
 * tomorrow" reminder of an HR item goes to them.
 */
export function onboardingHrItemOwnersCondition(): SQL {
  const roles = (Object.keys(PERMISSION_TABLE) as AppRole[]).filter((role) => PERMISSION_TABLE[role].has("onboarding.hrItems"));
  return and(eq(people.active, true), roles.length ? inArray(people.appRole, roles) : sql`0 = 1`)!;
}

/**
 * Who may be named a hire's plan manager, as SQL over `people`: someone up the hire's reports-to
 * chain, a manager of the hire's team, or HR.
 */
export function planManagerCondition(hireId: number): SQL {
  return or(
    sql`${people.id} in (with recursive chain(id) as (
          select reports_to_id from people where id = ${hireId}
          union select p.reports_to_id from people p join chain on p.id = chain.id
        ) select id from chain where id is not null)`,
    sql`${people.id} in (select t.manager_id from teams t join people h on h.team_id = t.id where h.id = ${hireId})`,
    eq(people.appRole, "hr_admin"),
  )!;
}

// ---------- Evaluations ----------

/**
 * The people below someone, as a subquery of ids: everyone down their reports-to chain, and the
 * people of the teams they manage. "Their managers" of a person are the people this finds them under.
 */
export function peopleBelow(personId: number): SQL {
  return sql`(with recursive below(id) as (
      select id from people where reports_to_id = ${personId}
      union select p.id from people p join below on p.reports_to_id = below.id
    ) select id from below
    union select p.id from people p join teams t on t.id = p.team_id where t.manager_id = ${personId})`;
}

/**
 * Whom the actor may evaluate, as SQL over `people`: with evaluations.write, their direct reports
 * (they are the person's supervisor) and the people of the teams they manage; everyone for HR
 * (evaluations.oversee); never themself. Behind the person picker, starting, and "Evaluations due".
 */
export function evaluableCondition(actor: Actor): SQL {
  if (!can(actor, "evaluations.write")) return sql`0 = 1`;
  return and(
    ne(people.id, actor.id),
    eq(people.active, true),
    can(actor, "evaluations.oversee")
      ? sql`1 = 1`
      : or(eq(people.reportsToId, actor.id), inArray(people.teamId, sql`(select ${teams.id} from ${teams} where ${teams.managerId} = ${actor.id})`)),
  )!;
}

/** May start an evaluation of this person: `evaluableCondition` for one row. */
export function mayEvaluate(actor: Actor, personId: number): boolean {
  return Boolean(getDb().select({ id: people.id }).from(people).where(and(eq(people.id, personId), evaluableCondition(actor))).get());
}

/**
 * Evaluations the actor may see, as SQL over `evaluations`:
 * - HR (evaluations.oversee): every one;
 * - the author, and the people above the author: drafts and released ones;
 * - whoever reviews an escalated disagreement;
 * - from release on: the employee themself, and the people above the employee.
 * The buddy, peers and anyone else: none (a lookup outside this is "not found").
 * A draft waiting for a self-assessment shows the employee only the self-assessment form
 * (`evaluationAccess(...).selfAssessOnly`), never the author's draft.
 */
export function evaluationsCondition(actor: Actor): SQL {
  if (can(actor, "evaluations.oversee")) return sql`1 = 1`;
  const released = inArray(evaluations.status, [...RELEASED_STATUSES]);
  return or(
    eq(evaluations.authorId, actor.id),
    inArray(evaluations.authorId, peopleBelow(actor.id)),
    eq(evaluations.escalatedToId, actor.id),
    and(eq(evaluations.personId, actor.id), or(released, eq(evaluations.status, "self_assessment"))),
    and(released, inArray(evaluations.personId, peopleBelow(actor.id))),
  )!;
}

/** What the actor may do with one evaluation they can see (`evaluationsCondition`). */
export type EvaluationAccess = {
  /** The evaluated person. */
  isEmployee: boolean;
  isAuthor: boolean;
  /** The employee sees only the self-assessment form (the draft is not theirs to read). */
  selfAssessOnly: boolean;
  /** Change the draft, ask for a self-assessment, release (the author, while not released). */
  mayEditDraft: boolean;
  /** Submit the self-assessment (the employee, while asked). */
  maySelfAssess: boolean;
  /** Add a correction after release (the author). */
  mayAddendum: boolean;
  /** Answer: understood, question, disagree, keep the disagreement (the employee, while the answer is theirs: released or answered). */
  mayRespond: boolean;
  /** Reply to the employee's question or disagreement (the author; HR when the author is gone). */
  mayReply: boolean;
  /** Review a kept disagreement and close it (whom it was escalated to, or HR). */
  mayReview: boolean;
  /** Private notes and the author's draft ratings: everyone who may see it but the employee. */
  seesPrivate: boolean;
};

export function evaluationAccess(
  actor: Actor,
  /** `authorActive`: false when the author was deactivated (gone, like a deleted author). */
  ev: { personId: number; authorId: number | null; escalatedToId: number | null; status: EvaluationStatus; authorActive?: boolean },
): EvaluationAccess {
  const isEmployee = ev.personId === actor.id;
  const authorGone = ev.authorId === null || ev.authorActive === false;
  const isAuthor = ev.authorId === actor.id && !isEmployee;
  const oversee = can(actor, "evaluations.oversee") && !isEmployee;
  const released = (RELEASED_STATUSES as readonly string[]).includes(ev.status);
  const draft = !released;
  return {
    isEmployee,
    isAuthor,
    selfAssessOnly: isEmployee && draft,
    mayEditDraft: isAuthor && draft,
    maySelfAssess: isEmployee && ev.status === "self_assessment",
    mayAddendum: isAuthor && released,
    mayRespond: isEmployee && (ev.status === "released" || ev.status === "answered"),
    mayReply: (isAuthor || (oversee && authorGone)) && (ev.status === "questioned" || ev.status === "disagreed"),
    mayReview: ev.status === "escalated" && !isEmployee && (ev.escalatedToId === actor.id || oversee),
    seesPrivate: !isEmployee,
  };
}

/**
 * Evaluations whose author is below the actor (down their reports-to chain or in a team they
 * manage), as SQL over `evaluations`: "their managers see unanswered ones".
 */
export function evaluationAuthorBelow(actor: Pick<Actor, "id">): SQL {
  return inArray(evaluations.authorId, peopleBelow(actor.id));
}

/**
 * Who reviews a kept disagreement: the author's supervisor (reports-to), else the manager of the
 * author's team, else the longest-serving HR admin. Null when there is nobody (an organisation with
 * no HR admin).
 */
export function escalationReviewer(authorId: number | null, employeeId: number): number | null {
  const db = getDb();
  if (authorId !== null) {
    const author = db
      .select({ reportsToId: people.reportsToId, teamManagerId: teams.managerId })
      .from(people)
      .leftJoin(teams, eq(teams.id, people.teamId))
      .where(eq(people.id, authorId))
      .get();
    for (const id of [author?.reportsToId, author?.teamManagerId]) if (id && id !== authorId && id !== employeeId) return id;
  }
  const hr = db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.appRole, "hr_admin"), eq(people.active, true), ne(people.id, employeeId)))
    .orderBy(people.startDate, people.id)
    .get();
  return hr?.id ?? null;
}
