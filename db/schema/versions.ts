import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { people } from "./people";
import { jobRoles } from "./roles";

/**
 * The working draft of a role description: one per role, a JSON RoleDoc (lib/role-doc.ts).
 * `revision` guards concurrent edits: a save must name the revision it started from.
 */
export const roleDrafts = sqliteTable(
  "role_drafts",
  {
    jobRoleId: integer("job_role_id")
      .primaryKey()
      .references(() => jobRoles.id, { onDelete: "cascade" }),
    content: text("content").notNull(),
    revision: integer("revision").notNull().default(1),
    /** Version number the draft was started from. */
    baseVersion: integer("base_version").notNull().default(0),
    updatedById: integer("updated_by_id").references(() => people.id, { onDelete: "set null" }),
    updatedAt: text("updated_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("role_drafts_updated_by_idx").on(t.updatedById)],
);

import { VERSION_KINDS } from "../../lib/roles/vocabulary";

export { VERSION_KINDS, type VersionKind } from "../../lib/roles/vocabulary";

/** An immutable published version of a role description. */
export const roleVersions = sqliteTable(
  "role_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    jobRoleId: integer("job_role_id")
      .notNull()
      .references(() => jobRoles.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    content: text("content").notNull(),
    summary: text("summary").notNull(),
    kind: text("kind", { enum: VERSION_KINDS }).notNull(),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    /** Set when the version was made by a task transfer rather than by hand. */
    announcementId: integer("announcement_id"),
    publishedAt: text("published_at").notNull(),
  },
  (t) => [
    uniqueIndex("role_versions_role_number_uq").on(t.jobRoleId, t.number),
    index("role_versions_author_idx").on(t.authorId),
    index("role_versions_announcement_idx").on(t.announcementId),
    index("role_versions_kind_idx").on(t.kind),
  ],
);

/** HR's public job advert for a role, generated from its current published version. */
export const jobPostings = sqliteTable(
  "job_postings",
  {
    jobRoleId: integer("job_role_id")
      .primaryKey()
      .references(() => jobRoles.id, { onDelete: "cascade" }),
    published: integer("published", { mode: "boolean" }).notNull().default(false),
    location: text("location").notNull().default(""),
    publishedById: integer("published_by_id").references(() => people.id, { onDelete: "set null" }),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("job_postings_published_idx").on(t.published), index("job_postings_by_idx").on(t.publishedById)],
);
