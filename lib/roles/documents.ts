import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { getDb, preparedQuery, type DB } from "@/db/client";
import { jobRoles, roleVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { editableRolesScope } from "@/lib/auth/policy";
import { parseRoleDoc, type RoleDoc } from "@/lib/roles/doc";

/** Reading role documents: a role by slug, its current document, many roles' documents in one query. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export type RoleRow = { id: number; slug: string; title: string; ownerId: number | null; currentVersion: number };
/** Read by every role page and role edit: built once (db/client.ts `preparedQuery`). */
const roleRowBySlug = preparedQuery((db) =>
  db
    .select({
      id: jobRoles.id,
      slug: jobRoles.slug,
      title: jobRoles.title,
      ownerId: jobRoles.ownerId,
      currentVersion: jobRoles.currentVersion,
    })
    .from(jobRoles)
    .where(eq(jobRoles.slug, sql.placeholder("slug")))
    .prepare(),
);

export function roleBySlug(slug: string): RoleRow | undefined {
  return roleRowBySlug().get({ slug });
}

export function versionContent(roleId: number, number: number): string | undefined {
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
