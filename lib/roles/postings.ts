import "server-only";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobPostings, jobRoles, roleVersions } from "@/db/schema";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/log";
import { NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { organisationSettings } from "@/lib/org/settings";
import { parseRoleDoc, type RoleDoc } from "@/lib/roles/doc";

export type PostingStatus = { published: boolean; location: string };
/** What HR's posting controls show: the posting, and the organisation defaults it falls back on. */
export type PostingControls = PostingStatus & { defaultLocation: string; applyEmail: string; applyUrl: string };

export function postingStatus(actor: Actor, slug: string): PostingControls {
  authorize(actor, "postings.manage", { type: "job_posting", id: slug });
  const row = getDb()
    .select({ published: jobPostings.published, location: jobPostings.location })
    .from(jobRoles)
    .leftJoin(jobPostings, eq(jobPostings.jobRoleId, jobRoles.id))
    .where(eq(jobRoles.slug, slug))
    .get();
  if (!row) throw new NotFoundError("job role");
  const org = organisationSettings();
  return {
    published: row.published ?? false,
    location: row.location ?? "",
    defaultLocation: org.location,
    applyEmail: org.applyEmail,
    applyUrl: org.applyUrl,
  };
}

/** HR publishes or withdraws the public job advert for a role. */
export function setPosting(actor: Actor, slug: string, input: PostingStatus): void {
  authorize(actor, "postings.manage", { type: "job_posting", id: slug });
  const db = getDb();
  const role = db
    .select({ id: jobRoles.id, published: jobPostings.published, location: jobPostings.location })
    .from(jobRoles)
    .leftJoin(jobPostings, eq(jobPostings.jobRoleId, jobRoles.id))
    .where(eq(jobRoles.slug, slug))
    .get();
  if (!role) throw new NotFoundError("job role");
  const before = { published: role.published ?? false, location: role.location ?? "" };
  const changes = changedFields(before, input);
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
      { actorId: actor.id, action: input.published ? "posting.publish" : "posting.withdraw", entityType: "job_role", entityId: role.id, detail: { changes } },
      tx,
    );
  });
}

/** `{field: {from, to}}` for the fields whose value differs (the audit log shows them). */
function changedFields<T extends Record<string, unknown>>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(
    Object.keys(after)
      .filter((k) => before[k] !== after[k])
      .map((k) => [k, { from: before[k], to: after[k] }]),
  );
}

export type PublicPosting = {
  slug: string;
  title: string;
  doc: RoleDoc;
  /** The posting's own location, else the organisation's default. */
  location: string;
  /** When the posting went public (ISO). */
  datePosted: string;
  employer: string;
  applyEmail: string;
  applyUrl: string;
};

/**
 * The public advert (no sign-in): generated from the role's current published version, so it can
 * never drift from the real role, with the employer, location and where to apply from the
 * organisation settings. Null when the role has no published posting.
 */
export function getPublicPosting(slug: string): PublicPosting | null {
  const row = getDb()
    .select({
      slug: jobRoles.slug,
      location: jobPostings.location,
      datePosted: jobPostings.updatedAt,
      content: roleVersions.content,
    })
    .from(jobRoles)
    .innerJoin(jobPostings, and(eq(jobPostings.jobRoleId, jobRoles.id), eq(jobPostings.published, true)))
    .innerJoin(roleVersions, and(eq(roleVersions.jobRoleId, jobRoles.id), eq(roleVersions.number, jobRoles.currentVersion)))
    .where(eq(jobRoles.slug, slug))
    .get();
  if (!row) return null;
  const org = organisationSettings();
  const doc = parseRoleDoc(row.content);
  return {
    slug: row.slug,
    title: doc.title,
    doc,
    location: row.location.trim() || org.location,
    datePosted: row.datePosted,
    employer: org.name,
    applyEmail: org.applyEmail,
    // Only a web address is a link applicants may follow (never a javascript: URL).
    applyUrl: /^https?:\/\//i.test(org.applyUrl) ? org.applyUrl : "",
  };
}

export const PUBLIC_POSTINGS_PAGE_SIZE = 20;

export type PublicPostingSummary = { slug: string; title: string; location: string; datePosted: string };

/** The public list of open jobs (no sign-in): published postings of roles with a published version. */
export function listPublicPostings(opts: { page?: number } = {}): Page<PublicPostingSummary> & { employer: string } {
  const db = getDb();
  const where = and(eq(jobPostings.published, true), eq(roleVersions.number, jobRoles.currentVersion));
  const base = () =>
    db
      .select({ n: count() })
      .from(jobPostings)
      .innerJoin(jobRoles, eq(jobRoles.id, jobPostings.jobRoleId))
      .innerJoin(roleVersions, eq(roleVersions.jobRoleId, jobRoles.id));
  const total = base().where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, PUBLIC_POSTINGS_PAGE_SIZE);
  const org = organisationSettings();
  const rows = db
    .select({ slug: jobRoles.slug, title: jobRoles.title, location: jobPostings.location, datePosted: jobPostings.updatedAt })
    .from(jobPostings)
    .innerJoin(jobRoles, eq(jobRoles.id, jobPostings.jobRoleId))
    .innerJoin(roleVersions, eq(roleVersions.jobRoleId, jobRoles.id))
    .where(where)
    .orderBy(desc(jobPostings.updatedAt), asc(jobRoles.title))
    .limit(PUBLIC_POSTINGS_PAGE_SIZE)
    .offset(offset)
    .all()
    .map((r) => ({ ...r, location: r.location.trim() || org.location }));
  return { rows, total, page, pageCount, pageSize: PUBLIC_POSTINGS_PAGE_SIZE, employer: org.name };
}
