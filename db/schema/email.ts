import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { people } from "./people";

/*
 * Email and scheduled jobs (issue 13). The outbox itself is `notification_deliveries`
 * (./communication.ts): one email row per notification, digest or invitation.
 */

/** A person's choice per kind group (lib/email/vocabulary.ts): no row = the group's default. */
export const emailPreferences = sqliteTable(
  "email_preferences",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    group: text("group").notNull(),
    mode: text("mode", { enum: ["immediate", "digest", "off"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.group] })],
);

/** A person's digest settings: no row = the defaults (08:00 in the organisation's time zone). */
export const emailSettings = sqliteTable(
  "email_settings",
  {
    personId: integer("person_id")
      .primaryKey()
      .references(() => people.id, { onDelete: "cascade" }),
    /** "HH:MM" in the organisation's time zone. */
    digestTime: text("digest_time").notNull().default("08:00"),
    /** The organisation-zone day the last digest was made for (at most one a day). */
    lastDigestOn: text("last_digest_on"),
    revision: integer("revision").notNull().default(1),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("email_settings_digest_idx").on(t.digestTime, t.lastDigestOn)],
);

/** Addresses the mail server refused permanently (5xx): HR sees them; no more email is sent until HR clears it. */
export const emailBounces = sqliteTable(
  "email_bounces",
  {
    personId: integer("person_id")
      .primaryKey()
      .references(() => people.id, { onDelete: "cascade" }),
    address: text("address").notNull(),
    /** The server's answer. */
    reason: text("reason").notNull(),
    bouncedAt: text("bounced_at").notNull(),
  },
  (t) => [index("email_bounces_at_idx").on(t.bouncedAt)],
);

/** One-time links to set a first password (valid 7 days). Only the SHA-256 of the token is stored. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("invitations_token_uq").on(t.tokenHash),
    index("invitations_person_idx").on(t.personId),
    index("invitations_created_by_idx").on(t.createdById),
  ],
);

/**
 * Automatic reminders sent, so each item reminds each person at most once per 24 hours
 * (`key` names the item, e.g. "ack:12" or "onboarding-item:40").
 */
export const reminderLog = sqliteTable(
  "reminder_log",
  {
    key: text("key").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.personId] }), index("reminder_log_person_idx").on(t.personId)],
);

/**
 * Scheduled jobs (lib/jobs): one row per job, its lease (so with several server processes on one
 * database each job runs once per period) and its last run.
 */
export const scheduledJobs = sqliteTable("scheduled_jobs", {
  name: text("name").primaryKey(),
  /** The period the last run was for ("2026-12-02", "2026-12-02T10:05"…): a period runs once. */
  lastPeriod: text("last_period"),
  leaseUntil: text("lease_until"),
  leaseOwner: text("lease_owner"),
  lastStartedAt: text("last_started_at"),
  lastFinishedAt: text("last_finished_at"),
  /** "ok" or "error". */
  lastStatus: text("last_status"),
  /** What the run did ("3 reminders sent") or the error's message. */
  lastResult: text("last_result"),
  runs: integer("runs").notNull().default(0),
});
