import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobPostings, jobRoles, roleVersions } from "@/db/schema";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/log";
import { NotFoundError } from "@/lib/core/errors";
import { parseRoleDoc, type RoleDoc } from "@/lib/roles/doc";

export type PostingStatus = { published: boolean; location: string };

export function postingStatus(actor: Actor, slug: string): PostingStatus {
  authorize(actor, "postings.manage", { type: "job_posting", id: slug });
  const row = getDb()
    .select({ published: jobPostings.published, location: jobPostings.location })
    .from(jobRoles)
    .leftJoin(jobPostings, eq(jobPostings.jobRoleId, jobRoles.id))
    .where(eq(jobRoles.slug, slug))
    .get();
  if (!row) throw new NotFoundError("job role");
  return { published: row.published ?? false, location: row.location ?? "" };
}

/** HR publishes or withdraws the public job advert for a role. */
export function setPosting(actor: Actor, slug: string, input: PostingStatus): void {
  authorize(actor, "postings.manage", { type: "job_posting", id: slug });
  const db = getDb();
  const role = db.select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get();
  if (!role) throw new NotFoundError("job role");
  db.transaction((tx) => {
    const now = new Date().toISOString();
    tx.insert(jobPostings)
      .values({ jobRoleId: role.id, published: input.published, location: input.location, publishedById: actor.id, updatedAt: now })
      .onConflictDoUpdate({
        target: jobPostings.jobRoleId,
        set: { published: input.published, location: input.location, publishedById: actor.id, updatedAt: now },
      })
      .run();
    audit(
      { actorId: actor.id, action: input.published ? "posting.publish" : "posting.withdraw", entityType: "job_role", entityId: role.id },
      tx,
    );
  });
}

export type PublicPosting = { slug: string; location: string; doc: RoleDoc; version: number; publishedAt: string };

/**
 * The public advert (no sign-in): generated from the role's current published version, so it can
 * never drift from the real role. Null when the role has no published posting.
 */
export function getPublicPosting(slug: string): PublicPosting | null {
  const row = getDb()
    .select({
      slug: jobRoles.slug,
      location: jobPostings.location,
      version: roleVersions.number,
      publishedAt: roleVersions.publishedAt,
      content: roleVersions.content,
    })
    .from(jobRoles)
    .innerJoin(jobPostings, and(eq(jobPostings.jobRoleId, jobRoles.id), eq(jobPostings.published, true)))
    .innerJoin(roleVersions, and(eq(roleVersions.jobRoleId, jobRoles.id), eq(roleVersions.number, jobRoles.currentVersion)))
    .where(eq(jobRoles.slug, slug))
    .get();
  if (!row) return null;
  return { slug: row.slug, location: row.location, version: row.version, publishedAt: row.publishedAt, doc: parseRoleDoc(row.content) };
}
