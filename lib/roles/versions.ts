import "server-only";
import { and, desc, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type DB } from "@/db/client";
import {
  acknowledgements,
  jobRoles,
  people,
  responsibilities,
  roleDrafts,
  roleVersions,
  tasks,
  type VersionKind,
} from "@/db/schema";
import { authorize, editableRolesScope, mayEditRole, outOfScope } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/log";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { notify } from "@/lib/notifications/notifications";
import { diffRoles, type RoleDiff } from "@/lib/roles/diff";
import { parseRoleDoc, roleDocSchema, type RoleDoc } from "@/lib/roles/doc";
import { NAME_MAX } from "@/lib/core/validation";
import { reindexRole } from "@/lib/roles/search-index";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

type RoleRow = { id: number; slug: string; title: string; ownerId: number | null; currentVersion: number };

function roleBySlug(slug: string): RoleRow | undefined {
  return getDb()
    .select({
      id: jobRoles.id,
      slug: jobRoles.slug,
      title: jobRoles.title,
      ownerId: jobRoles.ownerId,
      currentVersion: jobRoles.currentVersion,
    })
    .from(jobRoles)
    .where(eq(jobRoles.slug, slug))
    .get();
}

/** The role, if the actor may edit it; otherwise not found (its draft is invisible to them). */
function editableRole(actor: Actor, slug: string): RoleRow {
  authorize(actor, "roles.edit", { type: "job_role", id: slug });
  const role = roleBySlug(slug);
  if (!role) throw new NotFoundError("job role");
  if (!mayEditRole(actor, role.id)) throw outOfScope(actor, { type: "job_role", id: slug }, "mayEditRole");
  return role;
}

function versionContent(roleId: number, number: number): string | undefined {
  return getDb()
    .select({ content: roleVersions.content })
    .from(roleVersions)
    .where(and(eq(roleVersions.jobRoleId, roleId), eq(roleVersions.number, number)))
    .get()?.content;
}

/** The current published document of a role (or an empty one before the first version). */
export function currentDoc(role: { id: number; title: string; currentVersion: number }): RoleDoc {
  const content = role.currentVersion ? versionContent(role.id, role.currentVersion) : undefined;
  return content ? parseRoleDoc(content) : { title: role.title, purpose: "", responsibilities: [] };
}

export type DraftView = {
  role: { id: number; slug: string; title: string; currentVersion: number };
  doc: RoleDoc;
  /** 0 when no draft has been saved yet (the editor starts from the current version). */
  revision: number;
  baseVersion: number;
  updatedBy: string | null;
  updatedAt: string | null;
  hasDraft: boolean;
};

const editor = alias(people, "editor");

export function getDraft(actor: Actor, slug: string): DraftView {
  const role = editableRole(actor, slug);
  const draft = getDb()
    .select({
      content: roleDrafts.content,
      revision: roleDrafts.revision,
      baseVersion: roleDrafts.baseVersion,
      updatedAt: roleDrafts.updatedAt,
      updatedBy: editor.name,
    })
    .from(roleDrafts)
    .leftJoin(editor, eq(editor.id, roleDrafts.updatedById))
    .where(eq(roleDrafts.jobRoleId, role.id))
    .get();
  if (draft) {
    return {
      role,
      doc: parseRoleDoc(draft.content),
      revision: draft.revision,
      baseVersion: draft.baseVersion,
      updatedBy: draft.updatedBy,
      updatedAt: draft.updatedAt,
      hasDraft: true,
    };
  }
  return { role, doc: currentDoc(role), revision: 0, baseVersion: role.currentVersion, updatedBy: null, updatedAt: null, hasDraft: false };
}

/** Validates a document sent by the editor; field errors are keyed by path, e.g. "responsibilities.2.title". */
export function validateDoc(input: unknown): RoleDoc {
  const parsed = roleDocSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".");
      if (errors[path]) continue;
      if (issue.code === "too_small") errors[path] = "required";
      else if (issue.code === "too_big")
        errors[path] = issue.origin === "array" ? "tooMany" : Number(issue.maximum) <= NAME_MAX ? "titleTooLong" : "textTooLong";
      else errors[path] = "invalid";
    }
    throw new FieldError(errors);
  }
  const keys = new Set<string>();
  for (const r of parsed.data.responsibilities) {
    for (const k of [r.key, ...r.tasks.map((t) => t.key)]) {
      if (keys.has(k)) throw new FieldError({ _form: "invalid" });
      keys.add(k);
    }
  }
  return parsed.data;
}

/**
 * Refuses a document that carries the key of a responsibility or task of another role: keys are
 * identities, and publishing would otherwise take that role's live rows over. (Tasks move between
 * roles only through transfers.)
 */
function assertOwnKeys(roleId: number, doc: RoleDoc): void {
  const db = getDb();
  const respKeys = doc.responsibilities.map((r) => r.key);
  const taskKeys = doc.responsibilities.flatMap((r) => r.tasks.map((t) => t.key));
  const foreignResp = respKeys.length
    ? db
        .select({ key: responsibilities.key })
        .from(responsibilities)
        .where(and(inArray(responsibilities.key, respKeys), sql`${responsibilities.jobRoleId} <> ${roleId}`))
        .limit(1)
        .get()
    : undefined;
  const foreignTask = taskKeys.length
    ? db
        .select({ key: tasks.key })
        .from(tasks)
        .innerJoin(responsibilities, eq(responsibilities.id, tasks.responsibilityId))
        .where(and(inArray(tasks.key, taskKeys), sql`${responsibilities.jobRoleId} <> ${roleId}`))
        .limit(1)
        .get()
    : undefined;
  if (foreignResp || foreignTask) throw new FieldError({ _form: "invalid" });
}

/**
 * Saves the draft. `revision` is the one the editor loaded (0 for a new draft); if someone saved
 * in between, nothing is written and the caller gets a conflict.
 */
export function saveDraft(actor: Actor, slug: string, revision: number, input: unknown): { revision: number } {
  const role = editableRole(actor, slug);
  const doc = validateDoc(input);
  assertOwnKeys(role.id, doc);
  const db = getDb();
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const content = JSON.stringify(doc);
    if (revision === 0) {
      const inserted = tx
        .insert(roleDrafts)
        .values({ jobRoleId: role.id, content, revision: 1, baseVersion: role.currentVersion, updatedById: actor.id, updatedAt: now })
        .onConflictDoNothing()
        .run();
      if (inserted.changes === 0) throw new ConflictError();
      audit({ actorId: actor.id, action: "role.draft.save", entityType: "job_role", entityId: role.id }, tx);
      return { revision: 1 };
    }
    const updated = tx
      .update(roleDrafts)
      .set({ content, revision: revision + 1, updatedById: actor.id, updatedAt: now })
      .where(and(eq(roleDrafts.jobRoleId, role.id), eq(roleDrafts.revision, revision)))
      .run();
    if (updated.changes === 0) throw new ConflictError();
    audit({ actorId: actor.id, action: "role.draft.save", entityType: "job_role", entityId: role.id }, tx);
    return { revision: revision + 1 };
  });
}

export function discardDraft(actor: Actor, slug: string, revision: number): void {
  const role = editableRole(actor, slug);
  getDb().transaction((tx) => {
    const res = tx
      .delete(roleDrafts)
      .where(and(eq(roleDrafts.jobRoleId, role.id), eq(roleDrafts.revision, revision)))
      .run();
    if (res.changes === 0) throw new ConflictError();
    audit({ actorId: actor.id, action: "role.draft.discard", entityType: "job_role", entityId: role.id }, tx);
  });
}

/**
 * Makes the live responsibilities and tasks tables match a published document, keeping row ids
 * stable by key (a task moved in from another role keeps its row). Set-based: no query per item.
 */
export function materializeRole(tx: Tx, roleId: number, doc: RoleDoc): void {
  const now = new Date().toISOString();
  const respKeys = doc.responsibilities.map((r) => r.key);
  if (respKeys.length) {
    tx.insert(responsibilities)
      .values(
        doc.responsibilities.map((r, i) => ({ jobRoleId: roleId, key: r.key, position: i + 1, title: r.title, description: r.description })),
      )
      .onConflictDoUpdate({
        target: responsibilities.key,
        set: {
          jobRoleId: sql`excluded.job_role_id`,
          position: sql`excluded.position`,
          title: sql`excluded.title`,
          description: sql`excluded.description`,
          updatedAt: now,
        },
      })
      .run();
  }
  const respIds = new Map(
    (respKeys.length
      ? tx.select({ id: responsibilities.id, key: responsibilities.key }).from(responsibilities).where(inArray(responsibilities.key, respKeys)).all()
      : []
    ).map((r) => [r.key, r.id]),
  );
  const taskRows = doc.responsibilities.flatMap((r) =>
    r.tasks.map((t, i) => ({ responsibilityId: respIds.get(r.key)!, key: t.key, position: i + 1, title: t.title, description: t.description })),
  );
  if (taskRows.length) {
    tx.insert(tasks)
      .values(taskRows)
      .onConflictDoUpdate({
        target: tasks.key,
        set: {
          responsibilityId: sql`excluded.responsibility_id`,
          position: sql`excluded.position`,
          title: sql`excluded.title`,
          description: sql`excluded.description`,
          updatedAt: now,
        },
      })
      .run();
  }
  const ownResp = tx.select({ id: responsibilities.id }).from(responsibilities).where(eq(responsibilities.jobRoleId, roleId));
  tx.delete(tasks)
    .where(
      and(
        inArray(tasks.responsibilityId, ownResp),
        taskRows.length ? notInArray(tasks.key, taskRows.map((t) => t.key)) : undefined,
      ),
    )
    .run();
  tx.delete(responsibilities)
    .where(and(eq(responsibilities.jobRoleId, roleId), respKeys.length ? notInArray(responsibilities.key, respKeys) : undefined))
    .run();
}

export type PublishInput = { summary: string; kind: VersionKind; announcementId?: number | null };

/**
 * Publishes a document as the role's next immutable version, inside the caller's transaction:
 * updates the live tables and search index, and for a material change opens a pending answer for
 * every active holder (superseding their older open ones) and notifies them.
 */
export function publishDoc(tx: Tx, actorId: number | null, role: RoleRow, doc: RoleDoc, input: PublishInput): { number: number; versionId: number } {
  const number = role.currentVersion + 1;
  const now = new Date().toISOString();
  const version = tx
    .insert(roleVersions)
    .values({
      jobRoleId: role.id,
      number,
      content: JSON.stringify(doc),
      summary: input.summary,
      kind: input.kind,
      authorId: actorId,
      announcementId: input.announcementId ?? null,
      publishedAt: now,
    })
    .returning({ id: roleVersions.id })
    .get();
  const previous = tx
    .select({ id: roleVersions.id })
    .from(roleVersions)
    .where(and(eq(roleVersions.jobRoleId, role.id), eq(roleVersions.number, role.currentVersion)))
    .get();
  tx.update(jobRoles)
    .set({ title: doc.title, purpose: doc.purpose, currentVersion: number, updatedAt: now })
    .where(eq(jobRoles.id, role.id))
    .run();
  materializeRole(tx, role.id, doc);
  reindexRole(tx, role.id, role.slug, doc);

  if (input.kind === "material" && previous) {
    const holders = tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.jobRoleId, role.id), eq(people.active, true)))
      .all()
      .map((p) => p.id);
    if (holders.length) {
      // A holder who had not yet understood an earlier version sees every change since the last
      // version they did understand.
      const roleVersionIds = tx.select({ id: roleVersions.id }).from(roleVersions).where(eq(roleVersions.jobRoleId, role.id));
      const open = tx
        .select({ personId: acknowledgements.personId, baseVersionId: acknowledgements.baseVersionId })
        .from(acknowledgements)
        .where(
          and(
            inArray(acknowledgements.roleVersionId, roleVersionIds),
            inArray(acknowledgements.state, ["pending", "clarification", "answered"]),
          ),
        )
        .all();
      const baseOf = new Map(open.map((o) => [o.personId, o.baseVersionId]));
      tx.update(acknowledgements)
        .set({ state: "superseded", revision: sql`${acknowledgements.revision} + 1` })
        .where(
          and(
            inArray(acknowledgements.roleVersionId, roleVersionIds),
            inArray(acknowledgements.state, ["pending", "clarification", "answered"]),
            sql`${acknowledgements.roleVersionId} <> ${version.id}`,
          ),
        )
        .run();
      tx.insert(acknowledgements)
        .values(
          holders.map((personId) => ({
            personId,
            roleVersionId: version.id,
            baseVersionId: baseOf.get(personId) ?? previous.id,
            ownerId: role.ownerId,
            state: "pending" as const,
            createdAt: now,
          })),
        )
        .run();
      notify(tx, holders, "role.changed", { role: doc.title, version: number }, "/changes");
    }
  }
  audit(
    {
      actorId,
      action: "role.publish",
      entityType: "job_role",
      entityId: role.id,
      detail: { version: number, kind: input.kind, announcementId: input.announcementId ?? null },
    },
    tx,
  );
  return { number, versionId: version.id };
}

/** Publishes the saved draft (which must be the revision the publisher saw). */
export function publishDraft(actor: Actor, slug: string, revision: number, input: { summary: string; kind: VersionKind }) {
  const role = editableRole(actor, slug);
  return getDb().transaction((tx) => {
    const draft = tx.select().from(roleDrafts).where(eq(roleDrafts.jobRoleId, role.id)).get();
    if (!draft || draft.revision !== revision) throw new ConflictError();
    // Re-read the role inside the transaction so two publishes cannot take the same number.
    const fresh = tx.select({ currentVersion: jobRoles.currentVersion }).from(jobRoles).where(eq(jobRoles.id, role.id)).get()!;
    if (fresh.currentVersion !== draft.baseVersion) throw new ConflictError();
    const doc = parseRoleDoc(draft.content);
    assertOwnKeys(role.id, doc);
    const result = publishDoc(tx, actor.id, { ...role, currentVersion: fresh.currentVersion }, doc, input);
    tx.delete(roleDrafts).where(eq(roleDrafts.jobRoleId, role.id)).run();
    return result;
  });
}

export type VersionMeta = {
  id: number;
  number: number;
  summary: string;
  kind: VersionKind;
  authorName: string | null;
  publishedAt: string;
  announcementId: number | null;
};

const author = alias(people, "author");

/** Readable role (everyone may read role descriptions): not found when the slug does not exist. */
function readableRole(actor: Actor, slug: string): RoleRow {
  authorize(actor, "roles.read", { type: "job_role", id: slug });
  const role = roleBySlug(slug);
  if (!role) throw new NotFoundError("job role");
  return role;
}

export function listVersions(actor: Actor, slug: string): { role: RoleRow; versions: VersionMeta[] } {
  const role = readableRole(actor, slug);
  const versions = getDb()
    .select({
      id: roleVersions.id,
      number: roleVersions.number,
      summary: roleVersions.summary,
      kind: roleVersions.kind,
      authorName: author.name,
      publishedAt: roleVersions.publishedAt,
      announcementId: roleVersions.announcementId,
    })
    .from(roleVersions)
    .leftJoin(author, eq(author.id, roleVersions.authorId))
    .where(eq(roleVersions.jobRoleId, role.id))
    .orderBy(desc(roleVersions.number))
    .limit(500)
    .all();
  return { role, versions };
}

export function getVersion(actor: Actor, slug: string, number: number): { role: RoleRow; meta: VersionMeta; doc: RoleDoc } {
  const role = readableRole(actor, slug);
  const row = getDb()
    .select({
      id: roleVersions.id,
      number: roleVersions.number,
      summary: roleVersions.summary,
      kind: roleVersions.kind,
      authorName: author.name,
      publishedAt: roleVersions.publishedAt,
      announcementId: roleVersions.announcementId,
      content: roleVersions.content,
    })
    .from(roleVersions)
    .leftJoin(author, eq(author.id, roleVersions.authorId))
    .where(and(eq(roleVersions.jobRoleId, role.id), eq(roleVersions.number, number)))
    .get();
  if (!row) throw new NotFoundError("version");
  const { content, ...meta } = row;
  return { role, meta, doc: parseRoleDoc(content) };
}

export function compareVersions(actor: Actor, slug: string, from: number, to: number): { role: RoleRow; from: VersionMeta; to: VersionMeta; diff: RoleDiff } {
  const a = getVersion(actor, slug, from);
  const b = getVersion(actor, slug, to);
  return { role: a.role, from: a.meta, to: b.meta, diff: diffRoles(a.doc, b.doc) };
}

/** What the draft changes against the current version (for the publish step). */
export function draftChanges(actor: Actor, slug: string): RoleDiff {
  const draft = getDraft(actor, slug);
  return diffRoles(currentDoc(draft.role), draft.doc);
}

/** Roles with their current published documents, in one query (optionally narrowed). */
export function currentDocs(where?: SQL): { role: typeof jobRoles.$inferSelect; doc: RoleDoc }[] {
  return getDb()
    .select({ role: jobRoles, content: roleVersions.content })
    .from(jobRoles)
    .leftJoin(roleVersions, and(eq(roleVersions.jobRoleId, jobRoles.id), eq(roleVersions.number, jobRoles.currentVersion)))
    .where(where)
    .orderBy(jobRoles.title)
    .all()
    .map(({ role, content }) => ({
      role,
      doc: content ? parseRoleDoc(content) : { title: role.title, purpose: role.purpose, responsibilities: [] },
    }));
}

/** Roles the actor may edit, with their current documents. */
export function editableRoleDocs(actor: Actor) {
  return currentDocs(editableRolesScope(actor));
}
