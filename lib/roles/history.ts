import "server-only";
import { and, asc, desc, eq, gt, lte } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { people, roleVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/core/errors";
import { diffRoles, type RoleDiff } from "@/lib/roles/diff";
import { parseRoleDoc, type RoleDoc } from "@/lib/roles/doc";
import { roleBySlug, type RoleRow } from "@/lib/roles/documents";
import type { VersionKind } from "@/lib/roles/vocabulary";

/** A role's published versions: the list, one version, and the comparison of any two. */
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

/** One published version's summary, as a diff spanning several versions lists them. */
export type VersionSummary = { number: number; publishedAt: string; summary: string };

/**
 * The versions after `from` up to and including `to`, oldest first (what a diff from `from` to `to`
 * spans). For lib callers that already checked the reader may see the role.
 */
export function versionsBetween(jobRoleId: number, from: number, to: number): VersionSummary[] {
  return getDb()
    .select({ number: roleVersions.number, publishedAt: roleVersions.publishedAt, summary: roleVersions.summary })
    .from(roleVersions)
    .where(and(eq(roleVersions.jobRoleId, jobRoleId), gt(roleVersions.number, Math.min(from, to)), lte(roleVersions.number, Math.max(from, to))))
    .orderBy(asc(roleVersions.number))
    .limit(500)
    .all();
}

export function compareVersions(
  actor: Actor,
  slug: string,
  from: number,
  to: number,
): { role: RoleRow; from: VersionMeta; to: VersionMeta; diff: RoleDiff; versions: VersionSummary[] } {
  const a = getVersion(actor, slug, from);
  const b = getVersion(actor, slug, to);
  return { role: a.role, from: a.meta, to: b.meta, diff: diffRoles(a.doc, b.doc), versions: versionsBetween(a.role.id, from, to) };
}
