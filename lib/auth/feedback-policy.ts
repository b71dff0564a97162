import "server-only";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { feedbackNotes, people, ratingFollowups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can, peopleBelow } from "@/lib/auth/policy";

/**
 * The policy for customer ratings, praise and suggestions, upward feedback and the rating API
 * (issue 12): part of the one policy module (lib/auth/), beside ./policy.ts. Permissions come from
 * the table; these are the named relationship rules the feedback lib asks.
 */

/** The people a person reports to directly: their supervisor and the managers of their team, as SQL over `people` (the leaders). */
function directLeadersOf(personId: number): SQL {
  return sql`(select reports_to_id from people where id = ${personId} and reports_to_id is not null
    union select t.manager_id from people p join teams t on t.id = p.team_id where p.id = ${personId} and t.manager_id is not null)`;
}

/** People whose direct leader the actor is (they report to them or are in a team they manage), as a subquery of ids. */
function directReportsOf(actorId: number): SQL {
  return sql`(select id from people where reports_to_id = ${actorId}
    union select p.id from people p join teams t on t.id = p.team_id where t.manager_id = ${actorId})`;
}

/**
 * Whose customer ratings the actor may read beyond their own (comments, tags, aggregates), as SQL
 * over `people`: HR (ratings.oversee) everyone; supervisors and managers (ratings.aggregate) the
 * people below them. Never the contact details: those follow `followupAccess`.
 */
export function ratingPeopleCondition(actor: Actor): SQL {
  if (can(actor, "ratings.oversee")) return sql`1 = 1`;
  if (!can(actor, "ratings.aggregate")) return sql`0 = 1`;
  return inArray(people.id, peopleBelow(actor.id));
}

/** May read this person's ratings: themself (ratings.read) or `ratingPeopleCondition`. */
export function mayReadRatingsOf(actor: Actor, personId: number): boolean {
  if (personId === actor.id) return can(actor, "ratings.read");
  return Boolean(getDb().select({ id: people.id }).from(people).where(and(eq(people.id, personId), ratingPeopleCondition(actor))).get());
}

/**
 * May make a per-service rating link (or see the personal QR code) for this person: the person
 * themself, or whoever reads their ratings (their supervisor and managers, HR). The person must be
 * active.
 */
export function mayMakeRatingLink(actor: Actor, personId: number): boolean {
  if (!can(actor, "ratings.links")) return false;
  const row = getDb()
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.active, true), personId === actor.id ? sql`1 = 1` : ratingPeopleCondition(actor)))
    .get();
  return Boolean(row);
}

/**
 * No self-rating: a signed-in person may not rate themself (opening their own link, or submitting
 * from their own signed-in browser). `actor` is whoever the browser is signed in as, or null.
 */
export function isSelfRating(actor: Pick<Actor, "id"> | null, personId: number): boolean {
  return actor != null && actor.id === personId;
}

/**
 * Follow-ups of low ratings the actor may see, as SQL over `rating_followups`: HR (ratings.oversee)
 * every one; the owner (the employee's supervisor) and the person it was handed to.
 */
export function followupsCondition(actor: Actor): SQL {
  if (!can(actor, "followups.handle")) return sql`0 = 1`;
  if (can(actor, "ratings.oversee")) return sql`1 = 1`;
  return or(eq(ratingFollowups.ownerId, actor.id), eq(ratingFollowups.handedToId, actor.id))!;
}

export type FollowupAccess = {
  /** Sees the follow-up and the customer's contact details: the people who must follow up. */
  mayRead: boolean;
  /** Records what happened and hands it to the right person: the owner, or HR. */
  mayHandOver: boolean;
  /** Records the customer contact and marks it solved: the owner, the person it was handed to, HR. */
  mayResolve: boolean;
};

/** What the actor may do with one follow-up. The employee who was rated is not among them. */
export function followupAccess(actor: Actor, f: { ownerId: number | null; handedToId: number | null; status: string }): FollowupAccess {
  if (!can(actor, "followups.handle")) return { mayRead: false, mayHandOver: false, mayResolve: false };
  const hr = can(actor, "ratings.oversee");
  const owner = f.ownerId === actor.id;
  const handed = f.handedToId === actor.id;
  const read = hr || owner || handed;
  const open = f.status !== "solved";
  return { mayRead: read, mayHandOver: open && (hr || owner), mayResolve: open && read };
}

/**
 * Praise and suggestions the actor may read, as SQL over `feedback_notes`: those they sent or
 * received; praise made visible to the team, for the recipient's team; a suggestion the sender
 * shared with the recipient's manager, for that manager (the recipient's supervisor or team manager).
 */
export function notesCondition(actor: Actor): SQL {
  if (!can(actor, "feedback.give")) return sql`0 = 1`;
  return or(
    eq(feedbackNotes.toId, actor.id),
    eq(feedbackNotes.fromId, actor.id),
    actor.teamId != null ? and(eq(feedbackNotes.kind, "praise"), eq(feedbackNotes.visibility, "team"), eq(feedbackNotes.teamId, actor.teamId)) : undefined,
    and(eq(feedbackNotes.visibility, "manager"), inArray(feedbackNotes.toId, directReportsOf(actor.id))),
  )!;
}

/** May send praise or a suggestion to this person: any active colleague but oneself. */
export function mayGiveNote(actor: Actor, toId: number): boolean {
  if (!can(actor, "feedback.give") || toId === actor.id) return false;
  return Boolean(getDb().select({ id: people.id }).from(people).where(and(eq(people.id, toId), eq(people.active, true))).get());
}

/** The leaders the actor may give upward feedback to, as SQL over `people`: whom they report to and their team's manager (active, never themself). */
export function upwardLeadersCondition(actor: Actor): SQL {
  if (!can(actor, "upward.give")) return sql`0 = 1`;
  return and(inArray(people.id, directLeadersOf(actor.id)), eq(people.active, true), sql`${people.id} <> ${actor.id}`)!;
}

export function mayGiveUpward(actor: Actor, leaderId: number): boolean {
  return Boolean(getDb().select({ id: people.id }).from(people).where(and(eq(people.id, leaderId), upwardLeadersCondition(actor))).get());
}

/** Those who lead somebody (someone reports to them or they manage a team with people): they have upward results to read. */
export function leadsAnyone(actor: Actor): boolean {
  return Boolean(getDb().select({ id: people.id }).from(people).where(inArray(people.id, directReportsOf(actor.id))).limit(1).get());
}

/** API keys and webhooks: HR. */
export function mayManageIntegrations(actor: Actor): boolean {
  return can(actor, "integrations.manage");
}

/**
 * Whom a follow-up may be handed to ("the right person"), as SQL over `people`: any active colleague
 * but the actor and the employee who was rated (they must not receive the customer's contact details).
 */
export function followupHandoverTargetsCondition(actor: Actor, ratedPersonId: number): SQL {
  if (!can(actor, "followups.handle")) return sql`0 = 1`;
  return and(eq(people.active, true), sql`${people.id} <> ${actor.id}`, sql`${people.id} <> ${ratedPersonId}`)!;
}
