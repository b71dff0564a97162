import "server-only";
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { threadMessages } from "@/lib/concerns/messages";
import { concernAddressees, concernAuthors, concerns, jobRoles, people, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can, outOfScope } from "@/lib/auth/policy";
import { concernAccess, concernsCondition, type ConcernAccess } from "@/lib/auth/confidence-policy";
import { NotFoundError } from "@/lib/core/errors";
import { todayIso } from "@/lib/core/dates";
import { pageOf, type Page } from "@/lib/core/pagination";
import { CONCERN_REMINDER_WORKING_DAYS, type ConcernAudience, type ConcernMessageKind, type ConcernStatus } from "@/lib/confidence/vocabulary";
import { holidaysBetween } from "@/lib/org/settings";
import { currentDoc } from "@/lib/roles/documents";
import { workingDaysBetween } from "./status";
import { cappedCount } from "@/lib/core/capped-count";

/*
 * Reading concerns (issue 10, points 3 and 4): the addressee's inbox, "waiting for the author"
 * (come back to check it was solved), the named author's own concerns, HR's list, and one concern
 * with its thread. Every query is narrowed by the policy's `concernsCondition`. An anonymous
 * concern never names its author: the thread shows "Anonymous author" for the author's messages.
 */

export const CONCERN_VIEWS = ["inbox", "followUp", "mine", "all"] as const;
export type ConcernView = (typeof CONCERN_VIEWS)[number];
export const CONCERNS_PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A concern id as the app creates it (a lowercase UUIDv4), or null. */
export function parseConcernId(value: unknown): string | null {
  return typeof value === "string" && UUID.test(value) ? value : null;
}

const author = alias(people, "concern_author");
const addressedTo = (personId: number) => inArray(concerns.id, sql`(select ${concernAddressees.concernId} from ${concernAddressees} where ${concernAddressees.personId} = ${personId})`);
const writtenBy = (personId: number) => inArray(concerns.id, sql`(select ${concernAuthors.concernId} from ${concernAuthors} where ${concernAuthors.personId} = ${personId})`);

export type ConcernListRow = {
  id: string;
  anonymous: boolean;
  status: ConcernStatus;
  excerpt: string;
  createdOn: string;
  waitingSince: string | null;
  /** Working days it has waited for an addressee (open concerns). */
  waitingDays: number | null;
  /** More than the reminder limit. */
  overdue: boolean;
  /** The named author (null for anonymous ones). */
  authorName: string | null;
  roleTitle: string | null;
  /** When the thread last changed (an instant, or a day for an anonymous author's message). */
  lastAt: string;
  /** Answered ones: working days since the last word, waiting for the author to reply or resolve. */
  quietDays: number | null;
  /** Answered and quiet for more than the reminder limit: come back and check it was solved. */
  checkBack: boolean;
};

function viewCondition(actor: Actor, view: ConcernView, status: ConcernStatus | undefined): SQL {
  switch (view) {
    case "inbox":
      return and(eq(concerns.status, "open"), addressedTo(actor.id))!;
    case "followUp":
      return and(eq(concerns.status, "answered"), addressedTo(actor.id))!;
    case "mine":
      return and(writtenBy(actor.id), status ? eq(concerns.status, status) : undefined)!;
    case "all":
      return status ? eq(concerns.status, status) : sql`1 = 1`;
  }
}

/** One page of concerns for a view: inbox and "waiting for the author" oldest first, the others newest first. */
export function listConcerns(actor: Actor, opts: { view: ConcernView; page?: number; status?: ConcernStatus }, now = new Date()): Page<ConcernListRow> {
  authorize(actor, opts.view === "all" ? "concerns.oversee" : "concerns.raise");
  const db = getDb();
  const where = and(concernsCondition(actor), viewCondition(actor, opts.view, opts.status));
  const total = db.select({ n: count() }).from(concerns).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, CONCERNS_PAGE_SIZE);
  const lastAt = sql<string>`(select max(m.created_at) from concern_messages m where m.concern_id = ${concerns.id})`;
  const order =
    opts.view === "inbox"
      ? [asc(concerns.waitingSince), asc(concerns.createdOn), asc(concerns.id)]
      : opts.view === "followUp"
        ? [asc(lastAt), asc(concerns.id)]
        : [desc(concerns.createdOn), asc(concerns.id)];
  const rows = db
    .select({
      id: concerns.id,
      anonymous: concerns.anonymous,
      status: concerns.status,
      excerpt: sql<string>`substr(${concerns.body}, 1, 240)`,
      createdOn: concerns.createdOn,
      waitingSince: concerns.waitingSince,
      authorName: author.name,
      roleTitle: jobRoles.title,
      lastAt,
    })
    .from(concerns)
    .leftJoin(concernAuthors, eq(concernAuthors.concernId, concerns.id))
    .leftJoin(author, eq(author.id, concernAuthors.personId))
    .leftJoin(jobRoles, eq(jobRoles.id, concerns.jobRoleId))
    .where(where)
    .orderBy(...order)
    .limit(CONCERNS_PAGE_SIZE)
    .offset(offset)
    .all();
  const today = todayIso(now);
  const since = (r: (typeof rows)[number]) => (r.status === "open" ? r.waitingSince : r.status === "answered" ? (r.lastAt ?? r.createdOn).slice(0, 10) : null);
  const earliest = rows.reduce<string | null>((min, r) => {
    const d = since(r);
    return d && (!min || d < min) ? d : min;
  }, null);
  const holidays = earliest ? holidaysBetween(earliest, today) : new Set<string>();
  return {
    rows: rows.map((r) => {
      const days = since(r) ? workingDaysBetween(since(r)!, today, holidays) : null;
      const waitingDays = r.status === "open" ? days : null;
      const quietDays = r.status === "answered" ? days : null;
      return {
        ...r,
        authorName: r.anonymous ? null : r.authorName,
        waitingDays,
        overdue: waitingDays !== null && waitingDays > CONCERN_REMINDER_WORKING_DAYS,
        lastAt: r.lastAt ?? r.createdOn,
        quietDays,
        checkBack: quietDays !== null && quietDays > CONCERN_REMINDER_WORKING_DAYS,
      };
    }),
    total,
    page,
    pageCount,
    pageSize: CONCERNS_PAGE_SIZE,
  };
}

/** How many concerns wait for the actor's answer (the navigation's count; the inbox's condition). */
export function inboxCount(actor: Actor): number {
  if (!can(actor, "concerns.raise")) return 0;
  return cappedCount(getDb().select({ one: sql`1` }).from(concerns).where(and(concernsCondition(actor), viewCondition(actor, "inbox", undefined))));
}

export type ConcernRow = {
  id: string;
  anonymous: boolean;
  audience: ConcernAudience;
  audienceTeamId: number | null;
  jobRoleId: number | null;
  responsibilityKey: string | null;
  taskKey: string | null;
  body: string;
  status: ConcernStatus;
  closeReason: string | null;
  createdOn: string;
  waitingSince: string | null;
  revision: number;
  authorId: number | null;
  isAuthor: boolean;
  isAddressee: boolean;
};

/**
 * One concern the actor may see, with how they relate to it. Anything else is "not found": a named
 * concern out of sight is audited as `access.denied`; an anonymous one is not, since whoever tries
 * to open it may be its author, and no record may tie them to it.
 */
export function loadConcern(actor: Actor, rawId: unknown): ConcernRow {
  const id = parseConcernId(rawId);
  if (!id) throw new NotFoundError("concern");
  const db = getDb();
  const row = db
    .select({
      id: concerns.id,
      anonymous: concerns.anonymous,
      audience: concerns.audience,
      audienceTeamId: concerns.audienceTeamId,
      jobRoleId: concerns.jobRoleId,
      responsibilityKey: concerns.responsibilityKey,
      taskKey: concerns.taskKey,
      body: concerns.body,
      status: concerns.status,
      closeReason: concerns.closeReason,
      createdOn: concerns.createdOn,
      waitingSince: concerns.waitingSince,
      revision: concerns.revision,
      authorId: concernAuthors.personId,
      isAddressee: sql<number>`exists (select 1 from ${concernAddressees} where ${concernAddressees.concernId} = ${concerns.id} and ${concernAddressees.personId} = ${actor.id})`,
    })
    .from(concerns)
    .leftJoin(concernAuthors, eq(concernAuthors.concernId, concerns.id))
    .where(and(eq(concerns.id, id), concernsCondition(actor)))
    .get();
  if (row) return { ...row, authorId: row.anonymous ? null : row.authorId, isAuthor: !row.anonymous && row.authorId === actor.id, isAddressee: Boolean(row.isAddressee) };
  const exists = db.select({ id: concerns.id, anonymous: concerns.anonymous }).from(concerns).where(eq(concerns.id, id)).get();
  if (exists && !exists.anonymous) throw outOfScope(actor, { type: "concern", id }, "concernsCondition");
  throw new NotFoundError("concern");
}

export function accessOf(actor: Actor, c: ConcernRow): ConcernAccess {
  return concernAccess(actor, { status: c.status, jobRoleId: c.jobRoleId, isAuthor: c.isAuthor, isAddressee: c.isAddressee });
}

export type ConcernThreadMessage = {
  id: string;
  seq: number;
  kind: ConcernMessageKind;
  fromAuthor: boolean;
  /** Who wrote it; null for an anonymous author. */
  personName: string | null;
  forwardedToName: string | null;
  body: string;
  createdAt: string;
};

export type ConcernDetail = Omit<ConcernRow, "authorId"> & {
  authorName: string | null;
  roleTitle: string | null;
  roleSlug: string | null;
  responsibilityTitle: string | null;
  taskTitle: string | null;
  audienceTeamName: string | null;
  addressees: { personId: number; name: string; forwarded: boolean; forwardedByName: string | null }[];
  messages: ConcernThreadMessage[];
  access: ConcernAccess;
};

const forwarder = alias(people, "concern_forwarder");

/** One concern with its thread and what the actor may do with it; out of scope is "not found". */
export function getConcern(actor: Actor, rawId: unknown): ConcernDetail {
  authorize(actor, "concerns.raise");
  const c = loadConcern(actor, rawId);
  const db = getDb();
  const authorName = c.authorId !== null ? (db.select({ name: people.name }).from(people).where(eq(people.id, c.authorId)).get()?.name ?? null) : null;
  const role = c.jobRoleId !== null ? db.select({ id: jobRoles.id, title: jobRoles.title, slug: jobRoles.slug, currentVersion: jobRoles.currentVersion }).from(jobRoles).where(eq(jobRoles.id, c.jobRoleId)).get() : undefined;
  let responsibilityTitle: string | null = null;
  let taskTitle: string | null = null;
  if (role && (c.responsibilityKey || c.taskKey)) {
    const doc = currentDoc(role);
    for (const r of doc.responsibilities) {
      if (r.key === c.responsibilityKey) responsibilityTitle = r.title;
      const task = r.tasks.find((t) => t.key === c.taskKey);
      if (task) {
        taskTitle = task.title;
        responsibilityTitle ??= r.title;
      }
    }
  }
  const audienceTeamName = c.audienceTeamId !== null ? (db.select({ name: teams.name }).from(teams).where(eq(teams.id, c.audienceTeamId)).get()?.name ?? null) : null;
  const addressees = db
    .select({ personId: concernAddressees.personId, name: people.name, forwardedById: concernAddressees.forwardedById, forwardedByName: forwarder.name })
    .from(concernAddressees)
    .innerJoin(people, eq(people.id, concernAddressees.personId))
    .leftJoin(forwarder, eq(forwarder.id, concernAddressees.forwardedById))
    .where(eq(concernAddressees.concernId, c.id))
    .orderBy(asc(concernAddressees.addedOn), asc(people.name))
    .all()
    .map((a) => ({ personId: a.personId, name: a.name, forwarded: a.forwardedById !== null, forwardedByName: a.forwardedByName }));
  // An anonymous author's messages never carry a name (they have no person, but be sure).
  const messages = threadMessages(c.id, c.anonymous);
  const { authorId: _authorId, ...rest } = c;
  void _authorId;
  return {
    ...rest,
    authorName,
    roleTitle: role?.title ?? null,
    roleSlug: role?.slug ?? null,
    responsibilityTitle,
    taskTitle,
    audienceTeamName,
    addressees,
    messages,
    access: accessOf(actor, c),
  };
}
