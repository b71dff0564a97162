import { type AnySQLiteColumn, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { people } from "./people";
import { jobRoles } from "./roles";
import { roleVersions } from "./versions";

/** A change announcement: managers for their teams, HR for everyone. */
export const announcements = sqliteTable(
  "announcements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    /** Markdown. */
    body: text("body").notNull(),
    /** YYYY-MM-DD. */
    effectiveDate: text("effective_date").notNull(),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    /** Audience as chosen, for display: {everyone, roleIds, teamIds, personIds}. */
    audience: text("audience").notNull(),
    publishedAt: text("published_at").notNull(),
  },
  (t) => [index("announcements_author_idx").on(t.authorId), index("announcements_effective_idx").on(t.effectiveDate)],
);

/**
 * A task moving from one role to another, or from one person to another, on a date. Applied to the
 * ownership registry by lib/transfers.ts once the date has come.
 */
export const taskTransfers = sqliteTable(
  "task_transfers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    announcementId: integer("announcement_id")
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    /** Stable key of the task (survives versions and moves). */
    taskKey: text("task_key").notNull(),
    taskTitle: text("task_title").notNull(),
    fromRoleId: integer("from_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    toRoleId: integer("to_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    /** The responsibility of the destination role that receives the task. */
    toResponsibilityKey: text("to_responsibility_key"),
    fromPersonId: integer("from_person_id").references(() => people.id, { onDelete: "set null" }),
    toPersonId: integer("to_person_id").references(() => people.id, { onDelete: "set null" }),
    effectiveDate: text("effective_date").notNull(),
    appliedAt: text("applied_at"),
  },
  (t) => [
    index("task_transfers_announcement_idx").on(t.announcementId),
    index("task_transfers_due_idx").on(t.appliedAt, t.effectiveDate),
    index("task_transfers_from_role_idx").on(t.fromRoleId),
    index("task_transfers_to_role_idx").on(t.toRoleId),
    index("task_transfers_from_person_idx").on(t.fromPersonId),
    index("task_transfers_to_person_idx").on(t.toPersonId),
  ],
);

/**
 * Person-level exceptions in the ownership registry: a role's task assigned to, or taken from, one
 * person (from a person-to-person transfer).
 */
export const taskPersonOwners = sqliteTable(
  "task_person_owners",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taskKey: text("task_key").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** "assigned": the person owns the task; "released": the person no longer does it. */
    kind: text("kind", { enum: ["assigned", "released"] }).notNull(),
    transferId: integer("transfer_id").references(() => taskTransfers.id, { onDelete: "set null" }),
    since: text("since").notNull(),
  },
  (t) => [
    uniqueIndex("task_person_owners_uq").on(t.taskKey, t.personId),
    index("task_person_owners_person_idx").on(t.personId),
    index("task_person_owners_transfer_idx").on(t.transferId),
  ],
);

import { ACK_STATES } from "../../lib/communication/vocabulary";

export { ACK_STATES, type AckState } from "../../lib/communication/vocabulary";

/**
 * One person's answer to a material role version or an announcement: Understood, or Need
 * clarification (a thread with the owner). Records the exact version.
 */
export const acknowledgements = sqliteTable(
  "acknowledgements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    roleVersionId: integer("role_version_id").references(() => roleVersions.id, { onDelete: "cascade" }),
    /** The version the person is shown the changes from (their last understood one). */
    baseVersionId: integer("base_version_id").references(() => roleVersions.id, { onDelete: "set null" }),
    announcementId: integer("announcement_id").references(() => announcements.id, { onDelete: "cascade" }),
    /** Who answers questions: the role's owner or the announcement's author. */
    ownerId: integer("owner_id").references(() => people.id, { onDelete: "set null" }),
    state: text("state", { enum: ACK_STATES }).notNull().default("pending"),
    createdAt: text("created_at").notNull(),
    answeredAt: text("answered_at"),
    lastRemindedAt: text("last_reminded_at"),
    reminders: integer("reminders").notNull().default(0),
    revision: integer("revision").notNull().default(1),
  },
  (t) => [
    uniqueIndex("ack_person_version_uq").on(t.personId, t.roleVersionId),
    uniqueIndex("ack_person_announcement_uq").on(t.personId, t.announcementId),
    index("ack_version_idx").on(t.roleVersionId),
    index("ack_base_version_idx").on(t.baseVersionId),
    index("ack_announcement_idx").on(t.announcementId),
    index("ack_owner_idx").on(t.ownerId),
    // The questions one person may answer, per way of being allowed (lib/auth/policy.ts answerableAcksCondition).
    index("ack_state_owner_idx").on(t.state, t.ownerId),
    index("ack_state_version_idx").on(t.state, t.roleVersionId),
    index("ack_state_idx").on(t.personId, t.state),
  ],
);

/** The clarification thread of an acknowledgement. */
export const ackMessages = sqliteTable(
  "ack_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    acknowledgementId: integer("acknowledgement_id")
      .notNull()
      .references(() => acknowledgements.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("ack_messages_ack_idx").on(t.acknowledgementId), index("ack_messages_author_idx").on(t.authorId)],
);

/**
 * In-app notifications. Callers use lib/notifications.ts `notify`, which also records one delivery
 * per channel, so an email channel can be added without changing the callers.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** e.g. "role.changed", "ack.reply", "ack.reminder", "announcement.new", "ack.question". */
    kind: text("kind").notNull(),
    /** JSON parameters for the message (role title, version number…). */
    params: text("params").notNull().default("{}"),
    link: text("link").notNull(),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_person_read_idx").on(t.personId, t.readAt), index("notifications_created_idx").on(t.createdAt)],
);

/**
 * One row per notification per channel, and the email outbox (issue 13): an email row is the queue
 * entry the email worker (lib/email/worker.ts) sends. `kind` says what the row sends: a
 * notification, a daily digest (no notification; the notifications it collects point to it through
 * `digestId`), or an invitation. `messageKey` is the idempotency key (the Message-ID and the .eml
 * file name), and `leaseUntil` keeps two workers from sending the same row at once.
 */
export const notificationDeliveries = sqliteTable(
  "notification_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null for digests and invitations. */
    notificationId: integer("notification_id").references(() => notifications.id, { onDelete: "cascade" }),
    /** The recipient (email rows). */
    personId: integer("person_id").references(() => people.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: ["in_app", "email"] }).notNull(),
    kind: text("kind", { enum: ["notification", "digest", "invitation"] }).notNull().default("notification"),
    /**
     * pending: to send (or to route: the worker reads the person's choice for the kind's group);
     * digest: waiting for the person's next daily digest; digested: sent inside digest `digestId`;
     * sent; failed: gave up (24 hours of retries, or HR sees why); skipped: not sent, `lastError`
     * says why (no address, email off); bounced: the server refused the address permanently (5xx).
     */
    status: text("status", { enum: ["pending", "digest", "digested", "sent", "failed", "skipped", "bounced"] }).notNull(),
    /** JSON: what a digest or invitation needs to render (notification rows render from the notification). */
    payload: text("payload").notNull().default("{}"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at"),
    leaseUntil: text("lease_until"),
    /** The server's answer to the last failed attempt, or why the row was skipped. */
    lastError: text("last_error"),
    /** Sent rows: what the server answered on accepting it ("250 2.0.0 OK queued as …"), or "written to <key>.eml". */
    serverResponse: text("server_response"),
    attemptedAt: text("attempted_at"),
    sentAt: text("sent_at"),
    /** Unique per email row: the Message-ID's local part and the .eml file name. */
    messageKey: text("message_key"),
    toAddress: text("to_address"),
    subject: text("subject"),
    /** For a notification collected into a digest: the digest's row. */
    digestId: integer("digest_id").references((): AnySQLiteColumn => notificationDeliveries.id, { onDelete: "set null" }),
    createdAt: text("created_at"),
  },
  (t) => [
    index("notification_deliveries_notification_idx").on(t.notificationId),
    index("notification_deliveries_status_idx").on(t.channel, t.status, t.nextAttemptAt),
    index("notification_deliveries_person_idx").on(t.personId, t.status),
    index("notification_deliveries_digest_idx").on(t.digestId),
    index("notification_deliveries_sent_idx").on(t.channel, t.sentAt),
    uniqueIndex("notification_deliveries_message_key_uq").on(t.messageKey),
  ],
);

