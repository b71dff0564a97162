import "server-only";
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { acknowledgements, announcements, jobRoles, people, taskTransfers, teams } from "@/db/schema";
import { authorize, can, editableRolesScope, mayTrackAnnouncement, outOfScope, peopleScope, teamsScope } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/log";
import { type Audience, isEmptyAudience, resolveAudience } from "@/lib/communication/audience";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { notify } from "@/lib/notifications/notifications";
import { pageOf, type Page } from "@/lib/core/pagination";
import { taskIndex } from "@/lib/roles/doc";
import { currentDocs, editableRoleDocs } from "@/lib/roles/documents";
import { applyDueTransfers } from "@/lib/communication/transfers";
import { todayIso } from "@/lib/core/dates";
import { ownedTaskKeysOf } from "@/lib/roles/whose-task";
import { batches } from "@/lib/core/batches";
import { containsText } from "@/lib/core/like";
import { foldForSearch } from "@/lib/core/search-text";
import { searchTeamsIn, TEAM_LIST_MAX } from "@/lib/org/team-filter";

export type TransferInput =
  | { type: "role"; taskKey: string; fromRoleId: number; toRoleId: number; toResponsibilityKey: string | null }
  | { type: "person"; taskKey: string; fromPersonId: number; toPersonId: number };

export type AnnouncementInput = {
  title: string;
  body: string;
  effectiveDate: string;
  audience: Audience;
  transfers: TransferInput[];
};

/**
 * Publishes a change announcement. Managers address the people of their teams and move tasks of the
 * roles they may edit; HR addresses anyone. Every transfer is checked (the source must own the
 * task; its date cannot be in the past) before anything is written.
 */
export function createAnnouncement(actor: Actor, input: AnnouncementInput, now = new Date()): { id: number; recipients: number } {
  authorize(actor, "announcements.create", { type: "announcement" });
  if (input.audience.everyone) authorize(actor, "announcements.createForAll", { type: "announcement" });
  const db = getDb();
  const errors: Record<string, string> = {};
  if (isEmptyAudience(input.audience)) errors.audience = "audienceRequired";
  if (input.transfers.length && input.effectiveDate < todayIso(now)) errors.effectiveDate = "effectiveDatePast";

  const editable = new Map(editableRoleDocs(actor).map((r) => [r.role.id, r]));
  const titles: string[] = [];
  input.transfers.forEach((t, i) => {
    const field = `transfers.${i}`;
    if (t.type === "role") {
      const from = editable.get(t.fromRoleId);
      const to = editable.get(t.toRoleId);
      if (!from || !to) errors[field] = "roleOutOfScope";
      else if (from.role.id === to.role.id) errors[field] = "sameSource";
      else {
        const task = taskIndex(from.doc).get(t.taskKey);
        if (!task) errors[field] = "taskNotOwned";
        else {
          titles[i] = task.task.title;
          if (!to.doc.responsibilities.length) errors[field] = "destinationEmpty";
          else if (t.toResponsibilityKey && !to.doc.responsibilities.some((r) => r.key === t.toResponsibilityKey))
            errors[field] = "invalidChoice";
        }
      }
    } else {
      if (t.fromPersonId === t.toPersonId) errors[field] = "sameSource";
      const visible = db
        .select({ id: people.id })
        .from(people)
        .where(and(inArray(people.id, [t.fromPersonId, t.toPersonId]), eq(people.active, true), peopleScope(actor)))
        .all();
      if (visible.length !== 2 && !errors[field]) errors[field] = "personOutOfScope";
      else if (!errors[field]) {
        const owned = ownedTaskKeysOf(t.fromPersonId);
        if (!owned.has(t.taskKey)) errors[field] = "taskNotOwned";
        else titles[i] = owned.get(t.taskKey)!;
      }
    }
  });
  if (Object.keys(errors).length) throw new FieldError(errors);

  const recipients = resolveAudience(db, actor, input.audience).filter((id) => id !== actor.id);
  const result = db.transaction((tx) => {
    const at = now.toISOString();
    const row = tx
      .insert(announcements)
      .values({
        title: input.title,
        body: input.body,
        effectiveDate: input.effectiveDate,
        authorId: actor.id,
        audience: JSON.stringify(input.audience),
        publishedAt: at,
      })
      .returning({ id: announcements.id })
      .get();
    if (input.transfers.length)
      tx.insert(taskTransfers)
        .values(
          input.transfers.map((t, i) => ({
            announcementId: row.id,
            taskKey: t.taskKey,
            taskTitle: titles[i],
            effectiveDate: input.effectiveDate,
            ...(t.type === "role"
              ? { fromRoleId: t.fromRoleId, toRoleId: t.toRoleId, toResponsibilityKey: t.toResponsibilityKey }
              : { fromPersonId: t.fromPersonId, toPersonId: t.toPersonId }),
          })),
        )
        .run();
    if (recipients.length) {
      for (const batch of batches(recipients))
        tx.insert(acknowledgements)
          .values(batch.map((personId) => ({ personId, announcementId: row.id, ownerId: actor.id, state: "pending" as const, createdAt: at })))
          .run();
      notify(tx, recipients, "announcement.new", { title: input.title }, `/announcements/${row.id}`);
    }
    audit(
      {
        actorId: actor.id,
        action: "announcement.publish",
        entityType: "announcement",
        entityId: row.id,
        detail: { recipients: recipients.length, transfers: input.transfers.length, effectiveDate: input.effectiveDate },
      },
      tx,
    );
    for (const [i, t] of input.transfers.entries())
      audit(
        {
          actorId: actor.id,
          action: "transfer.schedule",
          entityType: "announcement",
          entityId: row.id,
          detail: { task: titles[i], ...t },
        },
        tx,
      );
    return { id: row.id, recipients: recipients.length };
  });
  applyDueTransfers(now);
  return result;
}

export type AnnouncementSummary = {
  id: number;
  title: string;
  effectiveDate: string;
  publishedAt: string;
  authorName: string | null;
  myState: string | null;
  myAckId: number | null;
};

const author = alias(people, "author");
export const FEED_PAGE_SIZE = 20;

/** The actor's feed: announcements addressed to them or written by them, unanswered first. */
export function listFeed(actor: Actor, opts: { page?: number } = {}): Page<AnnouncementSummary> {
  authorize(actor, "announcements.read");
  const db = getDb();
  const mine = db
    .select({ announcementId: acknowledgements.announcementId, state: acknowledgements.state, id: acknowledgements.id })
    .from(acknowledgements)
    .where(and(eq(acknowledgements.personId, actor.id), sql`${acknowledgements.announcementId} is not null`))
    .as("mine");
  const where = sql`(${mine.id} is not null or ${announcements.authorId} = ${actor.id})`;
  const total =
    db.select({ n: count() }).from(announcements).leftJoin(mine, eq(mine.announcementId, announcements.id)).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, FEED_PAGE_SIZE);
  const rows = db
    .select({
      id: announcements.id,
      title: announcements.title,
      effectiveDate: announcements.effectiveDate,
      publishedAt: announcements.publishedAt,
      authorName: author.name,
      myState: mine.state,
      myAckId: mine.id,
    })
    .from(announcements)
    .leftJoin(mine, eq(mine.announcementId, announcements.id))
    .leftJoin(author, eq(author.id, announcements.authorId))
    .where(where)
    .orderBy(
      sql`case when ${mine.state} in ('pending','clarification','answered') then 0 else 1 end`,
      desc(announcements.publishedAt),
      desc(announcements.id),
    )
    .limit(FEED_PAGE_SIZE)
    .offset(offset)
    .all();
  return { rows, total, page, pageCount, pageSize: FEED_PAGE_SIZE };
}

export type AnnouncementDetail = {
  id: number;
  title: string;
  body: string;
  effectiveDate: string;
  publishedAt: string;
  authorId: number | null;
  authorName: string | null;
  audience: { everyone: boolean; roles: string[]; teams: string[]; people: string[] };
  transfers: {
    id: number;
    taskTitle: string;
    fromRole: string | null;
    toRole: string | null;
    fromPerson: string | null;
    toPerson: string | null;
    appliedAt: string | null;
  }[];
  myAckId: number | null;
  canTrack: boolean;
};

/** One announcement, if the actor is in its audience, wrote it, or is HR. */
export function getAnnouncement(actor: Actor, id: number): AnnouncementDetail {
  authorize(actor, "announcements.read");
  const db = getDb();
  const row = db
    .select({ a: announcements, authorName: author.name })
    .from(announcements)
    .leftJoin(author, eq(author.id, announcements.authorId))
    .where(eq(announcements.id, id))
    .get();
  if (!row) throw new NotFoundError("announcement");
  const myAck = db
    .select({ id: acknowledgements.id })
    .from(acknowledgements)
    .where(and(eq(acknowledgements.announcementId, id), eq(acknowledgements.personId, actor.id)))
    .get();
  const canTrack = mayTrackAnnouncement(actor, row.a);
  if (!myAck && !canTrack) throw outOfScope(actor, { type: "announcement", id }, "mayReadAnnouncement");
  const aud = JSON.parse(row.a.audience) as Audience;
  const fromRole = alias(jobRoles, "from_role");
  const toRole = alias(jobRoles, "to_role");
  const fromPerson = alias(people, "from_person");
  const toPerson = alias(people, "to_person");
  const transfers = db
    .select({
      id: taskTransfers.id,
      taskTitle: taskTransfers.taskTitle,
      fromRole: fromRole.title,
      toRole: toRole.title,
      fromPerson: fromPerson.name,
      toPerson: toPerson.name,
      appliedAt: taskTransfers.appliedAt,
    })
    .from(taskTransfers)
    .leftJoin(fromRole, eq(fromRole.id, taskTransfers.fromRoleId))
    .leftJoin(toRole, eq(toRole.id, taskTransfers.toRoleId))
    .leftJoin(fromPerson, eq(fromPerson.id, taskTransfers.fromPersonId))
    .leftJoin(toPerson, eq(toPerson.id, taskTransfers.toPersonId))
    .where(eq(taskTransfers.announcementId, id))
    .all();
  const names = <T extends { name: string }>(rows: T[]) => rows.map((r) => r.name);
  return {
    id,
    title: row.a.title,
    body: row.a.body,
    effectiveDate: row.a.effectiveDate,
    publishedAt: row.a.publishedAt,
    authorId: row.a.authorId,
    authorName: row.authorName,
    audience: {
      everyone: aud.everyone,
      roles: aud.roleIds.length ? names(db.select({ name: jobRoles.title }).from(jobRoles).where(inArray(jobRoles.id, aud.roleIds)).all()) : [],
      teams: aud.teamIds.length ? names(db.select({ name: teams.name }).from(teams).where(inArray(teams.id, aud.teamIds)).all()) : [],
      people: aud.personIds.length ? names(db.select({ name: people.name }).from(people).where(inArray(people.id, aud.personIds)).all()) : [],
    },
    transfers,
    myAckId: myAck?.id ?? null,
    canTrack,
  };
}

/** Choices for the announcement form, narrowed to what the author may address and move. */
export function announcementFormOptions(actor: Actor) {
  authorize(actor, "announcements.create", { type: "announcement" });
  const db = getDb();
  // People are searched as the author types (searchAnnouncementPeople), never listed here; so are
  // teams beyond TEAM_LIST_MAX (searchAnnouncementTeams), and a role's tasks load once it is chosen.
  const teamRows = db.select({ id: teams.id, name: teams.name }).from(teams).where(teamsScope(actor)).orderBy(teams.name).limit(TEAM_LIST_MAX + 1).all();
  const teamSearch = teamRows.length > TEAM_LIST_MAX;
  return {
    everyoneAllowed: can(actor, "announcements.createForAll"),
    teamSearch,
    teams: teamSearch ? [] : teamRows,
    roles: db.select({ id: jobRoles.id, title: jobRoles.title }).from(jobRoles).where(editableRolesScope(actor)).orderBy(jobRoles.title).all(),
  };
}

/** The announcement form's team search (when the teams are too many to list): at most 20 teams in the author's scope whose name contains the text. */
export function searchAnnouncementTeams(actor: Actor, text: string): { id: number; name: string }[] {
  authorize(actor, "announcements.create", { type: "announcement" });
  return searchTeamsIn(teamsScope(actor), text);
}

/**
 * A role the author may edit, with its current responsibilities and tasks: what a transfer row
 * offers once its role (or its giver, by their role) is chosen. Another role is not found.
 */
export function announcementRoleTasks(actor: Actor, roleId: number) {
  authorize(actor, "announcements.create", { type: "announcement" });
  const found = currentDocs(and(editableRolesScope(actor), eq(jobRoles.id, roleId)))[0];
  if (!found) throw outOfScope(actor, { type: "role", id: roleId }, "editableRolesScope");
  const { role, doc } = found;
  return {
    id: role.id,
    title: role.title,
    responsibilities: doc.responsibilities.map((x) => ({ key: x.key, title: x.title })),
    tasks: doc.responsibilities.flatMap((x) => x.tasks.map((t) => ({ key: t.key, title: t.title, responsibility: x.title }))),
  };
}

/** At most this many people come back from the announcement form's person search. */
export const ANNOUNCEMENT_PEOPLE_SEARCH_LIMIT = 20;

/**
 * The announcement form's person search (the audience's people, and a transfer between people): at
 * most 20 active people in the author's people scope whose name or email contains the text, with
 * their job role (a transfer offers the tasks of the giver's role).
 */
export function searchAnnouncementPeople(actor: Actor, text: string): { id: number; name: string; email: string; jobRoleId: number | null }[] {
  authorize(actor, "announcements.create", { type: "announcement" });
  const q = foldForSearch(text.trim().slice(0, 100));
  if (!q) return [];
  return getDb()
    .select({ id: people.id, name: people.name, email: people.email, jobRoleId: people.jobRoleId })
    .from(people)
    .where(and(eq(people.active, true), peopleScope(actor), containsText(people.searchText, q)))
    .orderBy(people.name, people.id)
    .limit(ANNOUNCEMENT_PEOPLE_SEARCH_LIMIT)
    .all();
}
