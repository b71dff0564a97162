import { type AnySQLiteColumn, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";
import { people } from "./people";


export const jobRoles = sqliteTable(
  "job_roles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    /** Markdown. */
    purpose: text("purpose").notNull().default(""),
    ownerId: integer("owner_id").references((): AnySQLiteColumn => people.id, { onDelete: "set null" }),
    /** Number of the current published version (0 = never published). */
    currentVersion: integer("current_version").notNull().default(0),
    /** People in this role serve customers directly: they get a personal rating QR code (issue 12). */
    customerFacing: integer("customer_facing", { mode: "boolean" }).notNull().default(false),
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("job_roles_slug_uq").on(t.slug),
    index("job_roles_owner_idx").on(t.ownerId),
    index("job_roles_title_idx").on(t.title),
  ],
);

/**
 * The core object: what a job role is responsible for. Standards, playbooks, decision rights,
 * evaluation criteria, capabilities, training and onboarding items attach to a responsibility
 * by its stable id.
 */
export const responsibilities = sqliteTable(
  "responsibilities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    jobRoleId: integer("job_role_id")
      .notNull()
      .references(() => jobRoles.id, { onDelete: "cascade" }),
    /** Stable identity across versions (a UUID), used by diffs and by everything that links here. */
    key: text("key").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** Markdown. */
    description: text("description").notNull().default(""),
    ...timestamps,
  },
  (t) => [
    index("responsibilities_role_pos_idx").on(t.jobRoleId, t.position),
    uniqueIndex("responsibilities_key_uq").on(t.key),
  ],
);

export const tasks = sqliteTable(
  "tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    responsibilityId: integer("responsibility_id")
      .notNull()
      .references(() => responsibilities.id, { onDelete: "cascade" }),
    /** Stable identity across versions and moves between roles (a UUID). */
    key: text("key").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** Markdown. */
    description: text("description").notNull().default(""),
    ...timestamps,
  },
  (t) => [index("tasks_responsibility_pos_idx").on(t.responsibilityId, t.position), uniqueIndex("tasks_key_uq").on(t.key)],
);
