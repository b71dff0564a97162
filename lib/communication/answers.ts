import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, preparedQuery } from "@/db/client";
import { acknowledgements, ackMessages, announcements, jobRoles, people, roleVersions } from "@/db/schema";
import type { AckState } from "@/lib/communication/vocabulary";
import { authorize, mayReplyToAck, outOfScope, ownRows } from "@/lib/auth/policy";
import { nextAckState, OPEN_ACK_STATES, type AckEvent } from "@/lib/communication/ack-state";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/log";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { notify } from "@/lib/notifications/notifications";
import { pageOf, type Page } from "@/lib/core/pagination";
import { hasUnderstoodRole, roleContents, type ContentsEntry } from "@/lib/communication/role-reading";
import { completeReadRoleItems } from "@/lib/onboarding/read-role";
import { diffRoles, onlyChanges, type RoleDiff } from "@/lib/roles/diff";
import { parseRoleDoc, type RoleDoc } from "@/lib/roles/doc";
import { versionsBetween, type VersionSummary } from "@/lib/roles/history";
import { cappedCount } from "@/lib/core/capped-count";

const baseVersion = alias(roleVersions, "base_version");
const owner = alias(people, "owner");
const holder = alias(people, "holder");

export type PendingItem = {
  id: number;
  state: AckState;
  createdAt: string;
  kind: "role" | "announcement";
  title: string;
  roleSlug: string | null;
  version: number | null;
  summary: string | null;
};

export const CHANGES_PAGE_SIZE = 20;

/** The actor's own items to answer (open first), role changes and announcements alike. */
export function listMyItems(actor: Actor, opts: { page?: number; open?: boolean } = {}): Page<PendingItem> {
  authorize(actor, "acks.answer");
  const db = getDb();
  const where = and(ownRows(acknowledgements.personId, actor), opts.open ? inArray(acknowledgements.state, OPEN_ACK_STATES) : sql`${acknowledgements.state} <> 'superseded'`);
  const total = db.select({ n: count() }).from(acknowledgements).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, CHANGES_PAGE_SIZE);
  const rows = db
    .select({
      id: acknowledgements.id,
      state: acknowledgements.state,
      createdAt: acknowledgements.createdAt,
      announcementTitle: announcements.title,
      roleTitle: jobRoles.title,
      roleSlug: jobRoles.slug,
      version: roleVersions.number,
      summary: roleVersions.summary,
    })
    .from(acknowledgements)
    .leftJoin(roleVersions, eq(roleVersions.id, acknowledgements.roleVersionId))
    .leftJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .leftJoin(announcements, eq(announcements.id, acknowledgements.announcementId))
    .where(where)
    .orderBy(sql`case when ${acknowledgements.state} in ('pending','clarification','answered') then 0 else 1 end`, desc(acknowledgements.createdAt), desc(acknowledgements.id))
    .limit(CHANGES_PAGE_SIZE)
    .offset(offset)
    .all();
  return {
    rows: rows.map((r) => ({
      id: r.id,
      state: r.state,
      createdAt: r.createdAt,
      kind: r.announcementTitle !== null ? "announcement" : "role",
      title: r.announcementTitle ?? r.roleTitle ?? "",
      roleSlug: r.roleSlug,
      version: r.version,
      summary: r.summary,
    })),
    total,
    page,
    pageCount,
    pageSize: CHANGES_PAGE_SIZE,
  };
}

export function openItemCount(actor: Actor): number {
  authorize(actor, "acks.answer");
  return cappedCount(
    getDb()
      .select({ one: sql`1` })
      .from(acknowledgements)
      .where(and(ownRows(acknowledgements.personId, actor), inArray(acknowledgements.state, OPEN_ACK_STATES))),
  );
}

type AckRow = {
  id: number;
  personId: number;
  ownerId: number | null;
  state: AckState;
  revision: number;
  roleVersionId: number | null;
  announcementId: number | null;
  jobRoleId: number | null;
};

/** Read by every answer: built once (db/client.ts `preparedQuery`). */
const ackById = preparedQuery((db) =>
  db
    .select({
      id: acknowledgements.id,
      personId: acknowledgements.personId,
      ownerId: acknowledgements.ownerId,
      state: acknowledgements.state,
      revision: acknowledgements.revision,
      roleVersionId: acknowledgements.roleVersionId,
      announcementId: acknowledgements.announcementId,
      jobRoleId: roleVersions.jobRoleId,
    })
    .from(acknowledgements)
    .leftJoin(roleVersions, eq(roleVersions.id, acknowledgements.roleVersionId))
    .where(eq(acknowledgements.id, sql.placeholder("id")))
    .prepare(),
);

function loadAck(id: number): AckRow | undefined {
  return ackById().get({ id });
}


export type AckDetail = {
  id: number;
  state: AckState;
  revision: number;
  createdAt: string;
  answeredAt: string | null;
  isMine: boolean;
  canReply: boolean;
  person: { id: number; name: string };
  owner: { id: number; name: string } | null;
  role: {
    slug: string;
    title: string;
    version: number;
    fromVersion: number | null;
    summary: string;
    diff: RoleDiff;
    /**
     * "whole": the person never understood any version of the role, so they read the whole version
     * (`whole`), not a diff between versions they never saw. "diff": only what changed since the
     * version they last understood, with every version in between (`versions`, oldest first).
     */
    mode: "whole" | "diff";
    whole: { doc: RoleDoc; contents: ContentsEntry[] } | null;
    versions: VersionSummary[];
  } | null;
  announcement: { id: number; title: string; body: string; effectiveDate: string } | null;
  messages: { id: number; authorId: number | null; authorName: string | null; body: string; createdAt: string }[];
};

/**
 * One item with what changed (only the changes since the version the person last understood) and
 * its thread. Visible to the person it is for and to those who may answer; otherwise not found.
 */
export function getAck(actor: Actor, id: number): AckDetail {
  authorize(actor, "acks.answer");
  const ack = loadAck(id);
  if (!ack) throw new NotFoundError("acknowledgement");
  const canReply = mayReplyToAck(actor, ack);
  if (ack.personId !== actor.id && !canReply) throw outOfScope(actor, { type: "acknowledgement", id }, "mayReadAck");
  const db = getDb();
  const row = db
    .select({
      a: acknowledgements,
      personName: holder.name,
      ownerName: owner.name,
      version: roleVersions,
      base: baseVersion,
      roleSlug: jobRoles.slug,
      roleTitle: jobRoles.title,
      ann: announcements,
    })
    .from(acknowledgements)
    .innerJoin(holder, eq(holder.id, acknowledgements.personId))
    .leftJoin(owner, eq(owner.id, acknowledgements.ownerId))
    .leftJoin(roleVersions, eq(roleVersions.id, acknowledgements.roleVersionId))
    .leftJoin(baseVersion, eq(baseVersion.id, acknowledgements.baseVersionId))
    .leftJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .leftJoin(announcements, eq(announcements.id, acknowledgements.announcementId))
    .where(eq(acknowledgements.id, id))
    .get()!;
  const author = alias(people, "author");
  const messages = db
    .select({ id: ackMessages.id, authorId: ackMessages.authorId, authorName: author.name, body: ackMessages.body, createdAt: ackMessages.createdAt })
    .from(ackMessages)
    .leftJoin(author, eq(author.id, ackMessages.authorId))
    .where(eq(ackMessages.acknowledgementId, id))
    .orderBy(asc(ackMessages.createdAt), asc(ackMessages.id))
    .limit(500)
    .all();
  const whole = row.version ? !hasUnderstoodRole(row.a.personId, row.version.jobRoleId) : false;
  const doc = row.version ? parseRoleDoc(row.version.content) : null;
  const role =
    row.version && row.roleSlug && doc
      ? {
          slug: row.roleSlug,
          title: row.roleTitle ?? "",
          version: row.version.number,
          fromVersion: whole ? null : (row.base?.number ?? null),
          summary: row.version.summary,
          diff: onlyChanges(diffRoles(row.base && !whole ? parseRoleDoc(row.base.content) : { title: doc.title, purpose: "", responsibilities: [] }, doc)),
          mode: whole ? ("whole" as const) : ("diff" as const),
          whole: whole ? { doc, contents: roleContents(doc) } : null,
          versions: row.base && !whole ? versionsBetween(row.version.jobRoleId, row.base.number, row.version.number) : [],
        }
      : null;
  return {
    id,
    state: row.a.state,
    revision: row.a.revision,
    createdAt: row.a.createdAt,
    answeredAt: row.a.answeredAt,
    isMine: row.a.personId === actor.id,
    canReply,
    person: { id: row.a.personId, name: row.personName },
    owner: row.a.ownerId ? { id: row.a.ownerId, name: row.ownerName ?? "" } : null,
    role,
    announcement: row.ann ? { id: row.ann.id, title: row.ann.title, body: row.ann.body, effectiveDate: row.ann.effectiveDate } : null,
    messages,
  };
}

function link(ack: AckRow) {
  return `/changes/${ack.id}`;
}

/**
 * The holder answers: "understood", or "ask" with a question. Only the person the item is for may
 * answer it, and only along the state machine; `revision` guards against a double submit.
 */
export function answerAck(actor: Actor, id: number, revision: number, event: "understood" | "ask", question?: string): AckState {
  authorize(actor, "acks.answer", { type: "acknowledgement", id });
  const ack = loadAck(id);
  if (!ack) throw new NotFoundError("acknowledgement");
  if (ack.personId !== actor.id) throw outOfScope(actor, { type: "acknowledgement", id }, "ownAck");
  return transition(actor, ack, revision, event, question);
}

/** The owner (or HR, or an editor of the role) replies to a question. */
export function replyToAck(actor: Actor, id: number, revision: number, body: string): AckState {
  authorize(actor, "acks.answer", { type: "acknowledgement", id });
  const ack = loadAck(id);
  if (!ack) throw new NotFoundError("acknowledgement");
  if (!mayReplyToAck(actor, ack)) throw outOfScope(actor, { type: "acknowledgement", id }, "mayReplyToAck");
  return transition(actor, ack, revision, "reply", body);
}

function transition(actor: Actor, ack: AckRow, revision: number, event: AckEvent, body?: string): AckState {
  const next = nextAckState(ack.state, event);
  if (!next) throw new FieldError({ _form: "ackClosed" });
  if ((event === "ask" || event === "reply") && !body?.trim()) throw new FieldError({ body: "required" });
  return getDb().transaction((tx) => {
    const now = new Date().toISOString();
    const res = tx
      .update(acknowledgements)
      .set({
        state: next,
        revision: ack.revision + 1,
        ...(event === "understood" ? { answeredAt: now } : {}),
        ...(event === "ask" && ack.state === "pending" ? { answeredAt: now } : {}),
      })
      .where(and(eq(acknowledgements.id, ack.id), eq(acknowledgements.revision, revision)))
      .run();
    if (res.changes === 0) throw new ConflictError();
    if (body) tx.insert(ackMessages).values({ acknowledgementId: ack.id, authorId: actor.id, body: body.trim(), createdAt: now }).run();
    // Confirming their role ticks the hire's "Read and answer your role description" item.
    if (event === "understood" && ack.jobRoleId) completeReadRoleItems(tx, ack.personId, ack.jobRoleId, now);
    if (event === "ask" && ack.ownerId) notify(tx, [ack.ownerId], "ack.question", { name: actor.name }, link(ack));
    if (event === "reply") notify(tx, [ack.personId], "ack.reply", { name: actor.name }, link(ack));
    audit(
      {
        actorId: actor.id,
        action: event === "reply" ? "ack.reply" : event === "ask" ? "ack.ask" : "ack.understood",
        entityType: "acknowledgement",
        entityId: ack.id,
        detail: { roleVersionId: ack.roleVersionId, announcementId: ack.announcementId, state: next },
      },
      tx,
    );
    return next;
  });
}
