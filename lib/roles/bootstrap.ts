import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { DB } from "@/db/client";
import { jobRoles, responsibilities, tasks } from "@/db/schema";
import { emptyResponsibility, type RoleDoc } from "@/lib/roles/doc";
import { publishDoc } from "@/lib/roles/publish";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/**
 * Gives every role that has never been published a first version built from its live
 * responsibilities and tasks (the demo seed, and databases from before versioning). Set-based reads.
 */
export function ensureInitialVersions(tx: Tx, summary = "First published version"): number {
  const roles = tx.select().from(jobRoles).where(eq(jobRoles.currentVersion, 0)).all();
  if (!roles.length) return 0;
  const ids = roles.map((r) => r.id);
  const resps = tx
    .select()
    .from(responsibilities)
    .where(inArray(responsibilities.jobRoleId, ids))
    .orderBy(asc(responsibilities.position), asc(responsibilities.id))
    .all();
  const taskRows = resps.length
    ? tx
        .select()
        .from(tasks)
        .where(inArray(tasks.responsibilityId, resps.map((r) => r.id)))
        .orderBy(asc(tasks.position), asc(tasks.id))
        .all()
    : [];
  for (const role of roles) {
    const doc: RoleDoc = {
      title: role.title,
      purpose: role.purpose,
      responsibilities: resps
        .filter((r) => r.jobRoleId === role.id)
        .map((r) => ({
          ...emptyResponsibility(r.key),
          title: r.title,
          description: r.description,
          tasks: taskRows.filter((t) => t.responsibilityId === r.id).map((t) => ({ key: t.key, title: t.title, description: t.description })),
        })),
    };
    publishDoc(tx, role.ownerId, { id: role.id, slug: role.slug, title: role.title, ownerId: role.ownerId, currentVersion: 0 }, doc, {
      summary,
      kind: "editorial",
    });
  }
  return roles.length;
}
