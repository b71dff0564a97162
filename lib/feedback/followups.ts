import "server-only";
import { and, asc, count, desc, eq, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type DB } from "@/db/client";
import { jobRoles, people, ratingFollowups, ratings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { followupAccess, followupHandoverTargetsCondition, followupsCondition, type FollowupAccess } from "@/lib/auth/feedback-policy";
import { authorize, can, outOfScope } from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { todayIso } from "@/lib/core/dates";
import { ActionError, ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { TEXT_MAX } from "@/lib/core/limits";
import { pageOf, type Page } from "@/lib/core/pagination";
import { foldForSearch } from "@/lib/core/search-text";
import { notify } from "@/lib/notifications/notifications";
import { isFollowupOverdue } from "./due";
import { tagsOf } from "./my-ratings";
import type { FollowupStatus, RatingSource, RatingTag } from "./vocabulary";
import { containsText } from "@/lib/core/like";
import { cappedCount } from "@/lib/core/capped-count";

/*
 * Follow-ups of low ratings (issue 12, point 5; seed 003: listen, record what happened, hand it to
 * the right person, contact the customer again, solve). `recordRating` (./record.ts) opens one for
 * the employee's supervisor when a rating of 1–2 comes with contact details. Who sees one (and the
 * customer's contact details, shown only here) and who may take each step is `followupAccess`
 * (lib/auth/feedback-policy.ts). Every step is guarded by the follow-up's revision and audited.
 */

export const FOLLOWUPS_PAGE_SIZE = 20;
export const FOLLOWUP_NOTE_MAX = TEXT_MAX;

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
const owner = alias(people, "followup_owner");
const handedTo = alias(people, "followup_handed_to");
const link = (id: number) => `/feedback/follow-ups/${id}`;

export type FollowupListRow = {
  id: number;
  status: FollowupStatus;
  dueOn: string;
  overdue: boolean;
  stars: number;
  personName: string;
  ownerName: string | null;
  handedToName: string | null;
  ratedOn: string;
  /** The customer's comment (plain text), for recognising the case in the list. */
  comment: string;
};

/** Open first (earliest due first), then solved (latest first). */
export function listFollowups(actor: Actor, opts: { page?: number } = {}, now = new Date()): Page<FollowupListRow> {
  authorize(actor, "followups.handle");
  const db = getDb();
  const where = followupsCondition(actor);
  const total = db.select({ n: count() }).from(ratingFollowups).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, FOLLOWUPS_PAGE_SIZE);
  const solved = sql<number>`case when ${ratingFollowups.status} = 'solved' then 1 else 0 end`;
  const rows = db
    .select({
      id: ratingFollowups.id,
      status: ratingFollowups.status,
      dueOn: ratingFollowups.dueOn,
      stars: ratings.stars,
      personName: people.name,
      ownerName: owner.name,
      handedToName: handedTo.name,
      ratedOn: ratings.createdOn,
      comment: ratings.comment,
    })
    .from(ratingFollowups)
    .innerJoin(ratings, eq(ratings.id, ratingFollowups.ratingId))
    .innerJoin(people, eq(people.id, ratings.personId))
    .leftJoin(owner, eq(owner.id, ratingFollowups.ownerId))
    .leftJoin(handedTo, eq(handedTo.id, ratingFollowups.handedToId))
    .where(where)
    .orderBy(asc(solved), sql`case when ${ratingFollowups.status} = 'solved' then null else ${ratingFollowups.dueOn} end`, desc(ratingFollowups.solvedAt), desc(ratingFollowups.id))
    .limit(FOLLOWUPS_PAGE_SIZE)
    .offset(offset)
    .all();
  const today = todayIso(now);
  return { rows: rows.map((r) => ({ ...r, overdue: isFollowupOverdue(r, today) })), total, page, pageCount, pageSize: FOLLOWUPS_PAGE_SIZE };
}

/** Follow-ups waiting on the actor: not solved, and theirs or handed to them (the nav badge). */
export function followupsWaitingCount(actor: Actor): number {
  authorize(actor, "followups.handle");
  return cappedCount(
    getDb()
      .select({ one: sql`1` })
      .from(ratingFollowups)
      .where(and(followupsCondition(actor), ne(ratingFollowups.status, "solved"), or(eq(ratingFollowups.ownerId, actor.id), eq(ratingFollowups.handedToId, actor.id)))),
  );
}

/**
 * Whether the Follow-ups section is the actor's business: they oversee or lead people whose ratings
 * they read, or at least one follow-up (open or solved) is theirs or was handed to them.
 */
export function hasFollowupsSection(actor: Actor): boolean {
  if (!can(actor, "followups.handle")) return false;
  if (can(actor, "ratings.aggregate")) return true;
  return Boolean(getDb().select({ id: ratingFollowups.id }).from(ratingFollowups).where(followupsCondition(actor)).limit(1).get());
}

type Row = typeof ratingFollowups.$inferSelect & { personId: number };

function load(actor: Actor, id: number): Row {
  const row = getDb()
    .select({ f: ratingFollowups, personId: ratings.personId })
    .from(ratingFollowups)
    .innerJoin(ratings, eq(ratings.id, ratingFollowups.ratingId))
    .where(eq(ratingFollowups.id, id))
    .get();
  if (!row) throw new NotFoundError("rating_followup");
  const f = { ...row.f, personId: row.personId };
  if (!followupAccess(actor, f).mayRead) throw outOfScope(actor, { type: "rating_followup", id }, "followupAccess");
  return f;
}

export type FollowupView = {
  id: number;
  status: FollowupStatus;
  dueOn: string;
  overdue: boolean;
  revision: number;
  whatHappened: string;
  handoverNote: string;
  contactNote: string;
  contactedAt: string | null;
  solvedAt: string | null;
  createdAt: string;
  owner: { id: number; name: string } | null;
  handedTo: { id: number; name: string } | null;
  solvedByName: string | null;
  rating: {
    id: number;
    stars: number;
    comment: string;
    tags: RatingTag[];
    source: RatingSource;
    createdAt: string;
    personName: string;
    roleTitle: string | null;
    /** The customer's contact details: only here, only for those who must follow up. */
    contact: { name: string | null; phone: string | null; email: string | null };
  };
  me: FollowupAccess;
};

/** One follow-up with its rating and the customer's contact details, for those `followupAccess` lets read it. */
export function getFollowup(actor: Actor, id: number, now = new Date()): FollowupView {
  authorize(actor, "followups.handle");
  const f = load(actor, id);
  const db = getDb();
  const solvedBy = alias(people, "followup_solved_by");
  const r = db
    .select({
      id: ratings.id,
      stars: ratings.stars,
      comment: ratings.comment,
      source: ratings.source,
      createdAt: ratings.createdAt,
      contactName: ratings.contactName,
      contactPhone: ratings.contactPhone,
      contactEmail: ratings.contactEmail,
      personName: people.name,
      roleTitle: jobRoles.title,
      ownerName: owner.name,
      handedToName: handedTo.name,
      solvedByName: solvedBy.name,
    })
    .from(ratings)
    .innerJoin(people, eq(people.id, ratings.personId))
    .leftJoin(jobRoles, eq(jobRoles.id, ratings.jobRoleId))
    .leftJoin(owner, eq(owner.id, sql`${f.ownerId}`))
    .leftJoin(handedTo, eq(handedTo.id, sql`${f.handedToId}`))
    .leftJoin(solvedBy, eq(solvedBy.id, sql`${f.solvedById}`))
    .where(eq(ratings.id, f.ratingId))
    .get()!;
  return {
    id: f.id,
    status: f.status,
    dueOn: f.dueOn,
    overdue: isFollowupOverdue(f, todayIso(now)),
    revision: f.revision,
    whatHappened: f.whatHappened,
    handoverNote: f.handoverNote,
    contactNote: f.contactNote,
    contactedAt: f.contactedAt,
    solvedAt: f.solvedAt,
    createdAt: f.createdAt,
    owner: f.ownerId != null && r.ownerName != null ? { id: f.ownerId, name: r.ownerName } : null,
    handedTo: f.handedToId != null && r.handedToName != null ? { id: f.handedToId, name: r.handedToName } : null,
    solvedByName: r.solvedByName,
    rating: {
      id: r.id,
      stars: r.stars,
      comment: r.comment,
      tags: tagsOf([r.id]).get(r.id) ?? [],
      source: r.source,
      createdAt: r.createdAt,
      personName: r.personName,
      roleTitle: r.roleTitle,
      contact: { name: r.contactName, phone: r.contactPhone, email: r.contactEmail },
    },
    me: followupAccess(actor, f),
  };
}

function textOf(raw: string | undefined, field: string, optional = false): string {
  const text = (raw ?? "").trim();
  if (!text && !optional) throw new FieldError({ [field]: "required" });
  if (text.length > FOLLOWUP_NOTE_MAX) throw new FieldError({ [field]: "tooLong" }, { [field]: { max: FOLLOWUP_NOTE_MAX } });
  return text;
}

function refuse(f: Row, what: string): never {
  if (f.status === "solved") throw new ActionError("followups.solved");
  throw new ForbiddenError(`followups.${what}`);
}

/** Changes the follow-up if nobody changed it since the form was loaded. */
function change(tx: Tx, f: Row, revision: number, set: Partial<typeof ratingFollowups.$inferInsert>, at: string): void {
  const res = tx
    .update(ratingFollowups)
    .set({ ...set, revision: f.revision + 1, updatedAt: at })
    .where(and(eq(ratingFollowups.id, f.id), eq(ratingFollowups.revision, revision), ne(ratingFollowups.status, "solved")))
    .run();
  if (res.changes === 0) throw new ConflictError();
}

export type Revisioned = { revision: number };

/** The owner (or HR) records what happened, as they found out. */
export function recordWhatHappened(actor: Actor, id: number, input: Revisioned & { text?: string }, now = new Date()): { revision: number } {
  authorize(actor, "followups.handle");
  const f = load(actor, id);
  if (!followupAccess(actor, f).mayHandOver) refuse(f, "record");
  const text = textOf(input.text, "text");
  const at = now.toISOString();
  getDb().transaction((tx) => {
    change(tx, f, input.revision, { whatHappened: text }, at);
    audit({ actorId: actor.id, action: "followup.noted", entityType: "rating_followup", entityId: f.id }, tx);
  });
  return { revision: f.revision + 1 };
}

/** People the follow-up may be handed to, matching the text: at most 20. */
export function searchHandoverTargets(actor: Actor, id: number, q: string): { id: number; name: string }[] {
  authorize(actor, "followups.handle");
  const f = load(actor, id);
  if (!followupAccess(actor, f).mayHandOver) refuse(f, "handOver");
  const text = foldForSearch(q.trim());
  if (!text) return [];
  return getDb()
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(followupHandoverTargetsCondition(actor, f.personId), containsText(people.searchText, text)))
    .orderBy(asc(people.name), asc(people.id))
    .limit(20)
    .all();
}

/** The owner (or HR) hands it to the right person, who then sees it (with the contact details) and is told. */
export function handOverFollowup(actor: Actor, id: number, input: Revisioned & { personId: number; note?: string }, now = new Date()): { revision: number } {
  authorize(actor, "followups.handle");
  const f = load(actor, id);
  if (!followupAccess(actor, f).mayHandOver) refuse(f, "handOver");
  const note = textOf(input.note, "note", true);
  const db = getDb();
  const target = db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.id, input.personId), followupHandoverTargetsCondition(actor, f.personId))).get();
  if (!target) throw new FieldError({ personId: "followups.notTarget" });
  const person = db.select({ name: people.name }).from(people).where(eq(people.id, f.personId)).get()!;
  const at = now.toISOString();
  db.transaction((tx) => {
    change(tx, f, input.revision, { status: "handed", handedToId: target.id, handoverNote: note }, at);
    audit({ actorId: actor.id, action: "followup.handed", entityType: "rating_followup", entityId: f.id, detail: { to: target.id } }, tx);
    notify(tx, [target.id], "followup.handed", { name: actor.name, person: person.name }, link(f.id));
  });
  return { revision: f.revision + 1 };
}

/** The owner, the person it was handed to, or HR records how the customer was contacted again. */
export function recordCustomerContact(actor: Actor, id: number, input: Revisioned & { note?: string }, now = new Date()): { revision: number } {
  authorize(actor, "followups.handle");
  const f = load(actor, id);
  if (!followupAccess(actor, f).mayResolve) refuse(f, "contact");
  const note = textOf(input.note, "note");
  const at = now.toISOString();
  getDb().transaction((tx) => {
    change(tx, f, input.revision, { status: "contacted", contactNote: note, contactedAt: at }, at);
    audit({ actorId: actor.id, action: "followup.contacted", entityType: "rating_followup", entityId: f.id }, tx);
  });
  return { revision: f.revision + 1 };
}

/** Marks it solved: it is no longer waiting, nor overdue. */
export function solveFollowup(actor: Actor, id: number, input: Revisioned, now = new Date()): void {
  authorize(actor, "followups.handle");
  const f = load(actor, id);
  if (!followupAccess(actor, f).mayResolve) refuse(f, "solve");
  const at = now.toISOString();
  getDb().transaction((tx) => {
    change(tx, f, input.revision, { status: "solved", solvedAt: at, solvedById: actor.id }, at);
    audit({ actorId: actor.id, action: "followup.solved", entityType: "rating_followup", entityId: f.id }, tx);
  });
}
