import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, preparedQuery } from "@/db/client";
import { jobRoles, people, responsibilities, roleDrafts, tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, mayEditRole, outOfScope } from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { NAME_MAX } from "@/lib/core/validation";
import { diffRoles, type RoleDiff } from "@/lib/roles/diff";
import { parseRoleDoc, roleDocSchema, type RoleDoc } from "@/lib/roles/doc";
import { currentDoc, roleBySlug, type RoleRow } from "@/lib/roles/documents";
import { publishDoc } from "@/lib/roles/publish";
import type { VersionKind } from "@/lib/roles/vocabulary";

/** Editing a role description: the draft, its conflicts, and publishing it. */
/** The role, if the actor may edit it; otherwise not found (its draft is invisible to them). */
function editableRole(actor: Actor, slug: string): RoleRow {
  authorize(actor, "roles.edit", { type: "job_role", id: slug });
  const role = roleBySlug(slug);
  if (!role) throw new NotFoundError("job role");
  if (!mayEditRole(actor, role.id)) throw outOfScope(actor, { type: "job_role", id: slug }, "mayEditRole");
  return role;
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
  const duplicates = duplicateItemKeys(parsed.data);
  if (Object.keys(duplicates).length) throw new FieldError(duplicates);
  return parsed.data;
}

/**
 * Evaluation criteria and capabilities whose key repeats, as field errors on the repeat (the first
 * keeps its key). Keys are identities that evaluations and training follow across versions, so a
 * repeat is refused rather than renumbered: the editor never makes one (new rows get a new key, edits
 * and moves keep theirs), and quietly giving one a new key would cut its history.
 * - A criterion key is unique in the whole document (ratings name it with its responsibility).
 * - A capability key names one capability, which several responsibilities of a role may need (the
 *   same capability shares one key across roles too): it is unique within a responsibility.
 */
export function duplicateItemKeys(doc: RoleDoc): Record<string, string> {
  const errors: Record<string, string> = {};
  const criteria = new Set<string>();
  doc.responsibilities.forEach((r, i) => {
    r.evaluation.forEach((e, k) => {
      if (criteria.has(e.key)) errors[`responsibilities.${i}.evaluation.${k}.criterion`] = "duplicateKey";
      criteria.add(e.key);
    });
    const capabilities = new Set<string>();
    r.capabilities.forEach((c, k) => {
      if (capabilities.has(c.key)) errors[`responsibilities.${i}.capabilities.${k}.name`] = "duplicateKey";
      capabilities.add(c.key);
    });
  });
  return errors;
}

/**
 * Refuses a document that carries the key of a responsibility or task of another role: keys are
 * identities, and publishing would otherwise take that role's live rows over. (Tasks move between
 * roles only through transfers.)
 */
function assertOwnKeys(roleId: number, doc: RoleDoc): void {
  const respKeys = doc.responsibilities.map((r) => r.key);
  const taskKeys = doc.responsibilities.flatMap((r) => r.tasks.map((t) => t.key));
  const foreignResp = respKeys.length ? foreignResponsibilityKey().get({ keys: JSON.stringify(respKeys), roleId }) : undefined;
  const foreignTask = taskKeys.length ? foreignTaskKey().get({ keys: JSON.stringify(taskKeys), roleId }) : undefined;
  if (foreignResp || foreignTask) throw new FieldError({ _form: "invalid" });
}

/*
 * Run on every save and publish: built once (db/client.ts `preparedQuery`), the keys passed as one
 * JSON array (json_each), so the statement does not depend on how many there are.
 */
const foreignResponsibilityKey = preparedQuery((db) =>
  db
    .select({ key: responsibilities.key })
    .from(responsibilities)
    .where(and(sql`${responsibilities.key} IN (SELECT value FROM json_each(${sql.placeholder("keys")}))`, sql`${responsibilities.jobRoleId} <> ${sql.placeholder("roleId")}`))
    .limit(1)
    .prepare(),
);
const foreignTaskKey = preparedQuery((db) =>
  db
    .select({ key: tasks.key })
    .from(tasks)
    .innerJoin(responsibilities, eq(responsibilities.id, tasks.responsibilityId))
    .where(and(sql`${tasks.key} IN (SELECT value FROM json_each(${sql.placeholder("keys")}))`, sql`${responsibilities.jobRoleId} <> ${sql.placeholder("roleId")}`))
    .limit(1)
    .prepare(),
);

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

/** What the draft changes against the current version (for the publish step). */
export function draftChanges(actor: Actor, slug: string): RoleDiff {
  const draft = getDraft(actor, slug);
  return diffRoles(currentDoc(draft.role), draft.doc);
}
