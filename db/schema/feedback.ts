import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";
import { people, teams } from "./people";
import { jobRoles } from "./roles";
import {
  FOLLOWUP_STATUSES,
  LINK_MADE_BY,
  NOTE_KINDS,
  NOTE_VISIBILITIES,
  RATING_SOURCES,
  RATING_TAGS,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
} from "../../lib/feedback/vocabulary";

/**
 * Feedback from customers and colleagues (issue 12).
 *
 * A customer rates an employee through a per-service link (`rating_links`: single use, 14 days, only
 * the SHA-256 of its token is stored) or through the employee's personal QR code (`rating_codes`: one
 * per person, printed on a desk card, so the code itself is kept and can be replaced). Opening either
 * page records nothing; only a submitted form makes a `ratings` row.
 */

/** The personal QR code of a customer-facing employee. Replacing it (a new code) retires printed cards. */
export const ratingCodes = sqliteTable(
  "rating_codes",
  {
    personId: integer("person_id")
      .primaryKey()
      .references(() => people.id, { onDelete: "cascade" }),
    /** base64url, random; the walk-up URL is /q/<code>. */
    code: text("code").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("rating_codes_code_uq").on(t.code)],
);

/** A per-service rating link: made for one service by the employee, their manager, or a system through an API key. */
export const ratingLinks = sqliteTable(
  "rating_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** SHA-256 (hex) of the token in the URL /r/<token>; the token itself is shown once. */
    tokenHash: text("token_hash").notNull(),
    /** The employee who gave the service. */
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    madeBy: text("made_by", { enum: LINK_MADE_BY }).notNull(),
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
    apiKeyId: integer("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    /** Optional reference of the service (repair order number, ticket), plain text, shown to the employee only. */
    reference: text("reference").notNull().default(""),
    createdAt: text("created_at").notNull(),
    /** ISO instant; after it the link is refused. */
    expiresAt: text("expires_at").notNull(),
    /** Set when its rating is submitted: a used link is refused. */
    usedAt: text("used_at"),
  },
  (t) => [
    uniqueIndex("rating_links_token_uq").on(t.tokenHash),
    index("rating_links_person_idx").on(t.personId, t.createdAt),
    index("rating_links_created_by_idx").on(t.createdById),
    index("rating_links_api_key_idx").on(t.apiKeyId),
  ],
);

/**
 * One customer rating of one employee. `jobRoleId`/`teamId` are the employee's when rated (aggregates
 * per role and team). `createdOn` is the organisation's calendar day (periods, trends). The contact
 * details are optional and shown only to the people who must follow up (lib/auth/feedback-policy.ts).
 */
export const ratings = sqliteTable(
  "ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    jobRoleId: integer("job_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    teamId: integer("team_id").references(() => teams.id, { onDelete: "set null" }),
    source: text("source", { enum: RATING_SOURCES }).notNull(),
    /** The per-service link it came through (unique: a link gives one rating); null for walk-up. */
    linkId: integer("link_id").references(() => ratingLinks.id, { onDelete: "set null" }),
    /** 1…5. */
    stars: integer("stars").notNull(),
    /** Plain text, ≤ 2,000 characters. */
    comment: text("comment").notNull().default(""),
    /** The customer's language (one of the six). */
    locale: text("locale").notNull(),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    createdAt: text("created_at").notNull(),
    /** YYYY-MM-DD, the organisation's calendar day. */
    createdOn: text("created_on").notNull(),
  },
  (t) => [
    uniqueIndex("ratings_link_uq").on(t.linkId),
    index("ratings_person_idx").on(t.personId, t.createdOn),
    index("ratings_role_idx").on(t.jobRoleId, t.createdOn),
    index("ratings_team_idx").on(t.teamId, t.createdOn),
    index("ratings_day_idx").on(t.createdOn),
  ],
);

/** The standards a customer tagged on a rating (a standard category of the employee's role). */
export const ratingTags = sqliteTable(
  "rating_tags",
  {
    ratingId: integer("rating_id")
      .notNull()
      .references(() => ratings.id, { onDelete: "cascade" }),
    tag: text("tag", { enum: RATING_TAGS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ratingId, t.tag] }), index("rating_tags_tag_idx").on(t.tag)],
);

/**
 * The follow-up of a low rating (1–2 with contact details), for the employee's supervisor (who they
 * report to). Steps after seed 003: record what happened, hand it to the right person, contact the
 * customer, mark it solved. Overdue after `dueOn` (working days, lib/feedback/vocabulary.ts).
 */
export const ratingFollowups = sqliteTable(
  "rating_followups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ratingId: integer("rating_id")
      .notNull()
      .references(() => ratings.id, { onDelete: "cascade" }),
    /** The supervisor who must follow up (null when the employee reports to nobody: HR follows up). */
    ownerId: integer("owner_id").references(() => people.id, { onDelete: "set null" }),
    status: text("status", { enum: FOLLOWUP_STATUSES }).notNull().default("open"),
    /** Plain text: what happened, as the owner found out. */
    whatHappened: text("what_happened").notNull().default(""),
    /** The right person it was handed to (they then see it, with the contact details). */
    handedToId: integer("handed_to_id").references(() => people.id, { onDelete: "set null" }),
    handoverNote: text("handover_note").notNull().default(""),
    /** How and when the customer was contacted again. */
    contactNote: text("contact_note").notNull().default(""),
    contactedAt: text("contacted_at"),
    solvedAt: text("solved_at"),
    solvedById: integer("solved_by_id").references(() => people.id, { onDelete: "set null" }),
    /** YYYY-MM-DD: unsolved after this day = overdue. */
    dueOn: text("due_on").notNull(),
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("rating_followups_rating_uq").on(t.ratingId),
    index("rating_followups_owner_idx").on(t.ownerId, t.status),
    index("rating_followups_handed_to_idx").on(t.handedToId),
    index("rating_followups_solved_by_idx").on(t.solvedById),
    index("rating_followups_due_idx").on(t.status, t.dueOn),
  ],
);

/**
 * Praise or a suggestion from one colleague to another, optionally tied to a responsibility (its
 * stable key) or a standard category of the recipient's role. Praise with visibility "team" shows
 * to the recipient's team (`teamId`, the recipient's team when sent); a suggestion reaches only the
 * recipient, or also their manager ("manager").
 */
export const feedbackNotes = sqliteTable(
  "feedback_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: NOTE_KINDS }).notNull(),
    fromId: integer("from_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    toId: integer("to_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    visibility: text("visibility", { enum: NOTE_VISIBILITIES }).notNull().default("recipient"),
    jobRoleId: integer("job_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    teamId: integer("team_id").references(() => teams.id, { onDelete: "set null" }),
    responsibilityKey: text("responsibility_key"),
    standardCategory: text("standard_category", { enum: RATING_TAGS }),
    /** Plain text. */
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
  },
  (t) => [
    index("feedback_notes_to_idx").on(t.toId, t.createdAt),
    index("feedback_notes_from_idx").on(t.fromId, t.createdAt),
    index("feedback_notes_team_idx").on(t.teamId, t.visibility, t.createdAt),
    index("feedback_notes_role_idx").on(t.jobRoleId),
  ],
);

/**
 * Upward feedback, anonymous in the sense of the concerns board. `upward_given` only marks that a
 * person answered for a leader in a period (so a second answer is refused): no time, no content.
 * `upward_answers` holds the answers with no author column, no key to the person, a UUIDv4 id and
 * the day only. Periods are calendar quarters, "2026-Q4".
 */
export const upwardGiven = sqliteTable(
  "upward_given",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    leaderId: integer("leader_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.leaderId, t.period] }), index("upward_given_leader_idx").on(t.leaderId, t.period)],
);

export const upwardAnswers = sqliteTable(
  "upward_answers",
  {
    /** UUIDv4. */
    id: text("id").primaryKey(),
    leaderId: integer("leader_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    /** YYYY-MM-DD only. */
    createdOn: text("created_on").notNull(),
    greets: integer("greets").notNull(),
    listens: integer("listens").notNull(),
    recognises: integer("recognises").notNull(),
    approachable: integer("approachable").notNull(),
    expectations: integer("expectations").notNull(),
    explains: integer("explains").notNull(),
    feedback: integer("feedback").notNull(),
  },
  (t) => [index("upward_answers_leader_idx").on(t.leaderId, t.period)],
);

/** API keys for the systems around the service desk. Only the SHA-256 of the key is stored. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** The first characters of the key (after "rbk_"), to recognise it in the list. */
    prefix: text("prefix").notNull(),
    /** SHA-256 (hex) of the whole key. */
    keyHash: text("key_hash").notNull(),
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
    revokedById: integer("revoked_by_id").references(() => people.id, { onDelete: "set null" }),
    /** Calls refused because the key was revoked. */
    refusedCalls: integer("refused_calls").notNull().default(0),
  },
  (t) => [
    uniqueIndex("api_keys_hash_uq").on(t.keyHash),
    index("api_keys_created_by_idx").on(t.createdById),
    index("api_keys_revoked_by_idx").on(t.revokedById),
    index("api_keys_created_idx").on(t.createdAt),
  ],
);

/** API calls refused for a wrong or revoked key (counted; HR sees the count, the address limits retries). */
export const apiRefusals = sqliteTable(
  "api_refusals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reason: text("reason", { enum: ["missing", "wrong", "revoked"] }).notNull(),
    apiKeyId: integer("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    address: text("address"),
    at: text("at").notNull(),
  },
  (t) => [index("api_refusals_at_idx").on(t.at), index("api_refusals_key_idx").on(t.apiKeyId), index("api_refusals_address_idx").on(t.address, t.at)],
);

/** A URL HR registered to receive a signed JSON event for each new rating. `secret` signs (HMAC-SHA256). */
export const webhooks = sqliteTable(
  "webhooks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    url: text("url").notNull(),
    secret: text("secret").notNull(),
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
    /** Removed webhooks keep their row (deliveries stay readable) and receive nothing more. */
    removedAt: text("removed_at"),
  },
  (t) => [index("webhooks_created_by_idx").on(t.createdById), index("webhooks_removed_idx").on(t.removedAt)],
);

/**
 * One event for one webhook: written in the transaction that stores the rating (an outbox), sent
 * by the worker, retried with backoff until delivered or `WEBHOOK_MAX_ATTEMPTS`. `eventKey`
 * ("rating.created:<ratingId>") with the webhook makes it idempotent; `leaseUntil` keeps two
 * workers from sending the same delivery at once.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    webhookId: integer("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event", { enum: WEBHOOK_EVENTS }).notNull(),
    eventKey: text("event_key").notNull(),
    /** The JSON body, exactly as signed and sent. */
    payload: text("payload").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    leaseUntil: text("lease_until"),
    lastError: text("last_error"),
    lastStatus: integer("last_status"),
    deliveredAt: text("delivered_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_uq").on(t.webhookId, t.eventKey),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
