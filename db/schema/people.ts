import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";
import { jobRoles } from "./roles";

import { APP_ROLES, LOCALES } from "../../lib/people/vocabulary";

export { APP_ROLES, LOCALES, type AppRole, type Locale } from "../../lib/people/vocabulary";


export const teams = sqliteTable(
  "teams",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    managerId: integer("manager_id").references((): AnySQLiteColumn => people.id, {
      onDelete: "set null",
    }),
    ...timestamps,
  },
  (t) => [uniqueIndex("teams_slug_uq").on(t.slug), index("teams_manager_idx").on(t.managerId)],
);

export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** Stored lower-cased; unique case-insensitively via the index on lower(email). */
    email: text("email").notNull(),
    phone: text("phone"),
    /** Name and email folded for accent- and case-insensitive search (lib/search-text.ts). */
    searchText: text("search_text").notNull().default(""),
    passwordHash: text("password_hash").notNull(),
    appRole: text("app_role", { enum: APP_ROLES }).notNull().default("employee"),
    jobRoleId: integer("job_role_id").references((): AnySQLiteColumn => jobRoles.id, {
      onDelete: "set null",
    }),
    teamId: integer("team_id").references((): AnySQLiteColumn => teams.id, { onDelete: "set null" }),
    reportsToId: integer("reports_to_id").references((): AnySQLiteColumn => people.id, {
      onDelete: "set null",
    }),
    /** ISO calendar date, YYYY-MM-DD. */
    startDate: text("start_date").notNull(),
    /** YYYY-MM-DD (organisation's day) the person's job role last changed; null = held since start_date. Starts the role-change pulse (lib/pulse/send.ts). */
    roleSince: text("role_since"),
    locale: text("locale", { enum: LOCALES }),
    /** IANA time zone the person chose; null = the organisation's. */
    timeZone: text("time_zone"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** Bumped to revoke every open session of this person. */
    sessionVersion: integer("session_version").notNull().default(1),
    /** Optimistic-concurrency counter: every edit must name the revision it started from. */
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("people_email_uq").on(sql`lower(${t.email})`),
    index("people_job_role_idx").on(t.jobRoleId),
    // A role's active holders in name order and their count, read from the index alone: "Whose
    // task?" names the first few holders of each role and counts the rest (issue 15).
    index("people_role_holders_idx").on(t.jobRoleId, t.active, t.name, t.id),
    index("people_team_idx").on(t.teamId),
    index("people_reports_to_idx").on(t.reportsToId),
    index("people_app_role_idx").on(t.appRole),
    index("people_active_idx").on(t.active),
    index("people_name_idx").on(t.name),
    index("people_role_since_idx").on(t.roleSince),
  ],
);

/** Failed sign-in attempts, one row per failure, keyed by account or by client address. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** "account:<email>" or "ip:<address>". */
    key: text("key").notNull(),
    /** Milliseconds since the epoch (UTC). */
    at: integer("at").notNull(),
  },
  (t) => [index("login_failures_key_at_idx").on(t.key, t.at)],
);
