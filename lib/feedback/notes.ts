import "server-only";
import { and, asc, count, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { alias } from "drizzle-orm/sqlite-core";
import { feedbackNotes, jobRoles, people, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { mayGiveNote, notesCondition } from "@/lib/auth/feedback-policy";
import { authorize, outOfScope } from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { foldForSearch } from "@/lib/core/search-text";
import { notify } from "@/lib/notifications/notifications";
import { currentDoc, currentDocs } from "@/lib/roles/documents";
import { NOTE_BODY_MAX, NOTE_KINDS, RATING_TAGS, type NoteKind, type NoteVisibility, type RatingTag } from "./vocabulary";
import { containsText } from "@/lib/core/like";

/*
 * Praise and suggestions between colleagues (issue 12, point 7). Anyone may send either to any
 * active colleague but themself (`mayGiveNote`), optionally tied to one responsibility or one
 * service-standard category of the recipient's role. Praise reaches the recipient, or also their
 * team; a suggestion reaches only the recipient, or also their manager (who they report to and
 * their team's manager). Reading is narrowed by `notesCondition`.
 */

type Who = { id: number; name: string };

/** Active colleagues to send a note to (search-as-you-type, at most 20, never oneself). */
export function searchNoteRecipients(actor: Actor, text: string): (Who & { roleTitle: string | null })[] {
  authorize(actor, "feedback.give", { type: "feedback_note" });
  const q = foldForSearch(text.trim());
  if (!q) return [];
  return getDb()
    .select({ id: people.id, name: people.name, roleTitle: jobRoles.title })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .where(and(eq(people.active, true), ne(people.id, actor.id), containsText(people.searchText, q)))
    .orderBy(asc(people.name), asc(people.id))
    .limit(20)
    .all();
}

export type NoteTies = {
  roleTitle: string | null;
  responsibilities: { key: string; title: string }[];
  /** The standard categories the role's published version has standards in. */
  standards: RatingTag[];
};

function recipientOf(actor: Actor, toId: number) {
  authorize(actor, "feedback.give", { type: "feedback_note" });
  if (!mayGiveNote(actor, toId)) {
    const exists = getDb().select({ id: people.id }).from(people).where(eq(people.id, toId)).get();
    if (exists && toId !== actor.id) throw outOfScope(actor, { type: "person", id: toId }, "mayGiveNote");
    throw new NotFoundError("person");
  }
  return getDb()
    .select({ id: people.id, name: people.name, jobRoleId: people.jobRoleId, teamId: people.teamId, reportsToId: people.reportsToId, teamManagerId: teams.managerId })
    .from(people)
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(eq(people.id, toId))
    .get()!;
}

function tiesOfRole(jobRoleId: number | null): NoteTies {
  if (jobRoleId == null) return { roleTitle: null, responsibilities: [], standards: [] };
  const role = getDb().select({ id: jobRoles.id, title: jobRoles.title, currentVersion: jobRoles.currentVersion }).from(jobRoles).where(eq(jobRoles.id, jobRoleId)).get();
  if (!role) return { roleTitle: null, responsibilities: [], standards: [] };
  const doc = currentDoc(role);
  const present = new Set(doc.responsibilities.flatMap((r) => r.standards.map((s) => s.category)));
  return {
    roleTitle: doc.title,
    responsibilities: doc.responsibilities.map((r) => ({ key: r.key, title: r.title })),
    standards: RATING_TAGS.filter((c) => present.has(c)),
  };
}

/** What a note to this person may be tied to: the responsibilities and standard categories of their role. */
export function noteTies(actor: Actor, toId: number): NoteTies {
  const to = recipientOf(actor, toId);
  return tiesOfRole(to.jobRoleId);
}

export type NoteInput = {
  toId: number;
  kind: NoteKind;
  visibility: NoteVisibility;
  /** "r:<responsibility key>", "s:<standard category>", or empty. */
  tie?: string | null;
  body: string;
};

/** The visibilities each kind allows. */
export const VISIBILITIES_OF: Record<NoteKind, readonly NoteVisibility[]> = { praise: ["recipient", "team"], suggestion: ["recipient", "manager"] };

/**
 * Sends praise or a suggestion. Validates the kind's visibility, the tie (one of the recipient's
 * role's responsibilities or standard categories) and the body (plain text, 1…2,000). Notifies
 * the recipient and, for a suggestion shared with the manager, their leaders.
 */
export function giveNote(actor: Actor, input: NoteInput, now = new Date()): { id: number } {
  const to = recipientOf(actor, input.toId);
  const errors: Record<string, string> = {};
  if (!(NOTE_KINDS as readonly string[]).includes(input.kind)) errors.kind = "invalidChoice";
  else if (!VISIBILITIES_OF[input.kind].includes(input.visibility)) errors.visibility = "notes.visibilityNotForKind";
  const body = input.body.trim();
  if (!body) errors.body = "required";
  else if (body.length > NOTE_BODY_MAX) errors.body = "notes.bodyTooLong";
  let responsibilityKey: string | null = null;
  let standardCategory: RatingTag | null = null;
  if (input.tie) {
    const ties = tiesOfRole(to.jobRoleId);
    const [kind, value] = [input.tie.slice(0, 2), input.tie.slice(2)];
    if (kind === "r:" && ties.responsibilities.some((r) => r.key === value)) responsibilityKey = value;
    else if (kind === "s:" && (ties.standards as string[]).includes(value)) standardCategory = value as RatingTag;
    else errors.tie = "notes.notTheirRole";
  }
  if (Object.keys(errors).length) throw new FieldError(errors);

  const at = now.toISOString();
  return getDb().transaction((tx) => {
    const { id } = tx
      .insert(feedbackNotes)
      .values({
        kind: input.kind,
        fromId: actor.id,
        toId: to.id,
        visibility: input.visibility,
        jobRoleId: to.jobRoleId,
        teamId: to.teamId,
        responsibilityKey,
        standardCategory,
        body,
        createdAt: at,
      })
      .returning({ id: feedbackNotes.id })
      .get();
    notify(tx, [to.id], input.kind === "praise" ? "feedback.praise" : "feedback.suggestion", { name: actor.name }, `/feedback/notes#note-${id}`);
    if (input.visibility === "manager") {
      const leaders = [to.reportsToId, to.teamManagerId].filter((p): p is number => p != null && p !== actor.id && p !== to.id);
      notify(tx, leaders, "feedback.suggestionShared", { name: actor.name, person: to.name }, `/feedback/notes?box=shared#note-${id}`);
    }
    audit({ actorId: actor.id, action: "feedback.note", entityType: "person", entityId: to.id, detail: { kind: input.kind } }, tx);
    return { id };
  });
}

/** Received, sent, my team's praise, suggestions shared with me as the recipient's manager. */
export const NOTE_BOXES = ["received", "sent", "team", "shared"] as const;
export type NoteBox = (typeof NOTE_BOXES)[number];
export const NOTES_PAGE_SIZE = 20;

export type NoteView = {
  id: number;
  kind: NoteKind;
  visibility: NoteVisibility;
  from: Who;
  to: Who;
  body: string;
  createdAt: string;
  /** The responsibility's title in the recipient's role as it is now (null when untied or gone). */
  responsibility: string | null;
  standardCategory: RatingTag | null;
};

function boxCondition(actor: Actor, box: NoteBox): SQL {
  switch (box) {
    case "received":
      return eq(feedbackNotes.toId, actor.id);
    case "sent":
      return eq(feedbackNotes.fromId, actor.id);
    case "team":
      return and(eq(feedbackNotes.kind, "praise"), eq(feedbackNotes.visibility, "team"), ne(feedbackNotes.toId, actor.id), ne(feedbackNotes.fromId, actor.id))!;
    case "shared":
      return and(eq(feedbackNotes.visibility, "manager"), ne(feedbackNotes.toId, actor.id), ne(feedbackNotes.fromId, actor.id))!;
  }
}

/** One list of notes the actor may read (`notesCondition`), newest first, paginated. */
export function listNotes(actor: Actor, box: NoteBox, opts: { page?: number } = {}): Page<NoteView> {
  authorize(actor, "feedback.give", { type: "feedback_note" });
  const db = getDb();
  const where = and(notesCondition(actor), boxCondition(actor, box));
  const total = db.select({ n: count() }).from(feedbackNotes).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, NOTES_PAGE_SIZE);
  const sender = alias(people, "sender");
  const recipient = alias(people, "recipient");
  const rows = db
    .select({
      id: feedbackNotes.id,
      kind: feedbackNotes.kind,
      visibility: feedbackNotes.visibility,
      fromId: feedbackNotes.fromId,
      fromName: sender.name,
      toId: feedbackNotes.toId,
      toName: recipient.name,
      body: feedbackNotes.body,
      createdAt: feedbackNotes.createdAt,
      jobRoleId: feedbackNotes.jobRoleId,
      responsibilityKey: feedbackNotes.responsibilityKey,
      standardCategory: feedbackNotes.standardCategory,
    })
    .from(feedbackNotes)
    .innerJoin(sender, eq(sender.id, feedbackNotes.fromId))
    .innerJoin(recipient, eq(recipient.id, feedbackNotes.toId))
    .where(where)
    .orderBy(desc(feedbackNotes.createdAt), desc(feedbackNotes.id))
    .limit(NOTES_PAGE_SIZE)
    .offset(offset)
    .all();
  // Responsibility titles from the roles' current documents: one query for the page's roles.
  const roleIds = [...new Set(rows.filter((r) => r.responsibilityKey && r.jobRoleId != null).map((r) => r.jobRoleId!))];
  const titles = new Map<string, string>();
  if (roleIds.length)
    for (const { role, doc } of currentDocs(inArray(jobRoles.id, roleIds))) for (const r of doc.responsibilities) titles.set(`${role.id}:${r.key}`, r.title);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      visibility: r.visibility,
      from: { id: r.fromId, name: r.fromName },
      to: { id: r.toId, name: r.toName },
      body: r.body,
      createdAt: r.createdAt,
      responsibility: r.responsibilityKey ? (titles.get(`${r.jobRoleId}:${r.responsibilityKey}`) ?? null) : null,
      standardCategory: r.standardCategory,
    })),
    total,
    page,
    pageCount,
    pageSize: NOTES_PAGE_SIZE,
  };
}

/** Whether the actor has any suggestion shared with them (the "Shared with me" tab shows only then). */
export function hasSharedNotes(actor: Actor): boolean {
  authorize(actor, "feedback.give", { type: "feedback_note" });
  return Boolean(getDb().select({ id: feedbackNotes.id }).from(feedbackNotes).where(and(notesCondition(actor), boxCondition(actor, "shared"))).limit(1).get());
}
