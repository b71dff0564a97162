import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";
import { people, teams } from "./people";
import { jobRoles } from "./roles";

import { CONCERN_AUDIENCES, CONCERN_MESSAGE_KINDS, CONCERN_STATUSES, FAQ_STATUSES, PULSE_OCCASIONS, THREAD_STATUSES } from "../../lib/confidence/vocabulary";

/*
 * Anonymity (issue 10): `concerns`, `concern_messages` and `pulse_answers` hold rows that must not
 * tie to their author. They have no author column and no foreign key or index to a person, a random
 * UUIDv4 id, day-rounded dates ("YYYY-MM-DD"), and are WITHOUT ROWID tables (edited into the
 * migration by hand), so not even SQLite's hidden rowid keeps the order they were written in.
 * `concern_addressees` (written in the same request) is WITHOUT ROWID too (migration 0013).
 * drizzle-kit does not know WITHOUT ROWID: a later migration that rebuilds one of these tables must
 * add it back by hand (lib/concerns/anonymity.test.ts fails otherwise).
 */

/**
 * A concern or doubt, named or anonymous. Who wrote a named one is in `concern_authors`; an anonymous
 * one has only `receipt_hash` (SHA-256 of the receipt code, which only the author holds).
 * `audience*` records whom it was addressed to; the people who answer are in `concern_addressees`.
 */
export const concerns = sqliteTable(
  "concerns",
  {
    /** UUIDv4. */
    id: text("id").primaryKey(),
    anonymous: integer("anonymous", { mode: "boolean" }).notNull(),
    audience: text("audience", { enum: CONCERN_AUDIENCES }).notNull(),
    /** audience "team": the team whose managers answer. */
    audienceTeamId: integer("audience_team_id").references(() => teams.id, { onDelete: "set null" }),
    /** The role it concerns (the author's), and optionally one responsibility or task of it, by stable key. audience "role_owner": its owner answers. */
    jobRoleId: integer("job_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    responsibilityKey: text("responsibility_key"),
    taskKey: text("task_key"),
    /** Plain text. */
    body: text("body").notNull(),
    status: text("status", { enum: CONCERN_STATUSES }).notNull().default("open"),
    closeReason: text("close_reason"),
    /** Anonymous only: hex SHA-256 of the receipt code. */
    receiptHash: text("receipt_hash"),
    /** YYYY-MM-DD (day-rounded, in UTC). */
    createdOn: text("created_on").notNull(),
    /** YYYY-MM-DD: since when it waits for an addressee (null while it waits for the author or is final). Reminders count from here. */
    waitingSince: text("waiting_since"),
    /** YYYY-MM-DD of the last reminder sent about it (at most one a day). */
    remindedOn: text("reminded_on"),
    /**
     * Anonymous only: the notification its addressees still have to get ("concern.new" or
     * "concern.authorReplied"). The post and the receipt reply set it instead of notifying; the
     * scheduler's daily job sends it (lib/concerns/deferred.ts), so no notification row made in the
     * request dates the post below a day.
     */
    notifyPending: text("notify_pending", { enum: ["concern.new", "concern.authorReplied"] }),
    revision: integer("revision").notNull().default(1),
  },
  (t) => [
    uniqueIndex("concerns_receipt_uq").on(t.receiptHash),
    index("concerns_status_idx").on(t.status, t.createdOn),
    index("concerns_waiting_idx").on(t.waitingSince),
    index("concerns_notify_pending_idx").on(t.notifyPending),
    index("concerns_audience_team_idx").on(t.audienceTeamId),
    index("concerns_job_role_idx").on(t.jobRoleId, t.responsibilityKey),
  ],
);

/** The author of a named concern (anonymous concerns have no row here). */
export const concernAuthors = sqliteTable(
  "concern_authors",
  {
    concernId: text("concern_id")
      .primaryKey()
      .references(() => concerns.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [index("concern_authors_person_idx").on(t.personId)],
);

/** Who answers a concern: resolved from its audience when posted, plus whoever it was forwarded to. WITHOUT ROWID (hand-written migration 0013). */
export const concernAddressees = sqliteTable(
  "concern_addressees",
  {
    concernId: text("concern_id")
      .notNull()
      .references(() => concerns.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** YYYY-MM-DD. */
    addedOn: text("added_on").notNull(),
    /** Set when they were added by forwarding. */
    forwardedById: integer("forwarded_by_id").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.concernId, t.personId] }),
    index("concern_addressees_person_idx").on(t.personId),
    index("concern_addressees_forwarded_by_idx").on(t.forwardedById),
  ],
);

/**
 * A concern's thread, in `seq` order (1, 2, …). `fromAuthor` marks the concern's author; `personId`
 * is who wrote it, null for an anonymous author. `createdAt`: an ISO time for named people, a day
 * (YYYY-MM-DD) for an anonymous author. `forwardedToId`: kind "forward".
 */
export const concernMessages = sqliteTable(
  "concern_messages",
  {
    /** UUIDv4. */
    id: text("id").primaryKey(),
    concernId: text("concern_id")
      .notNull()
      .references(() => concerns.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    kind: text("kind", { enum: CONCERN_MESSAGE_KINDS }).notNull().default("message"),
    fromAuthor: integer("from_author", { mode: "boolean" }).notNull(),
    personId: integer("person_id").references(() => people.id, { onDelete: "set null" }),
    forwardedToId: integer("forwarded_to_id").references(() => people.id, { onDelete: "set null" }),
    body: text("body").notNull().default(""),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("concern_messages_seq_uq").on(t.concernId, t.seq),
    index("concern_messages_person_idx").on(t.personId),
    index("concern_messages_forwarded_to_idx").on(t.forwardedToId),
  ],
);

/**
 * A question and answer on one responsibility of a role, written in neutral words (never copied
 * from an anonymous concern automatically). Shown under the responsibility on the role page and My
 * role once published, and found by "Whose task is this?".
 */
export const faqEntries = sqliteTable(
  "faq_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    jobRoleId: integer("job_role_id")
      .notNull()
      .references(() => jobRoles.id, { onDelete: "cascade" }),
    responsibilityKey: text("responsibility_key").notNull(),
    question: text("question").notNull(),
    /** Markdown. */
    answer: text("answer").notNull(),
    sourceConcernId: text("source_concern_id").references(() => concerns.id, { onDelete: "set null" }),
    status: text("status", { enum: FAQ_STATUSES }).notNull().default("draft"),
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
    publishedById: integer("published_by_id").references(() => people.id, { onDelete: "set null" }),
    publishedAt: text("published_at"),
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("faq_entries_role_idx").on(t.jobRoleId, t.responsibilityKey, t.status),
    index("faq_entries_source_idx").on(t.sourceConcernId),
    index("faq_entries_created_by_idx").on(t.createdById),
    index("faq_entries_published_by_idx").on(t.publishedById),
    index("faq_entries_status_idx").on(t.status),
  ],
);

/**
 * A team problem-solving thread on one task of a role (by the task's stable key). Holders of the
 * role and their managers post; the starter or a manager marks one post as the solution, which can
 * be proposed to the role's owner as a change (`proposedAt`: the draft shows it as a suggestion
 * until `proposalHandledAt`).
 */
export const taskThreads = sqliteTable(
  "task_threads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    jobRoleId: integer("job_role_id")
      .notNull()
      .references(() => jobRoles.id, { onDelete: "cascade" }),
    taskKey: text("task_key").notNull(),
    title: text("title").notNull(),
    /** Plain text. */
    body: text("body").notNull(),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    status: text("status", { enum: THREAD_STATUSES }).notNull().default("open"),
    solutionPostId: integer("solution_post_id").references((): AnySQLiteColumn => taskThreadPosts.id, { onDelete: "set null" }),
    solvedById: integer("solved_by_id").references(() => people.id, { onDelete: "set null" }),
    proposedAt: text("proposed_at"),
    proposedById: integer("proposed_by_id").references(() => people.id, { onDelete: "set null" }),
    proposalHandledAt: text("proposal_handled_at"),
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("task_threads_role_task_idx").on(t.jobRoleId, t.taskKey),
    index("task_threads_author_idx").on(t.authorId),
    index("task_threads_solution_idx").on(t.solutionPostId),
    index("task_threads_solved_by_idx").on(t.solvedById),
    index("task_threads_proposed_by_idx").on(t.proposedById),
    index("task_threads_proposal_idx").on(t.jobRoleId, t.proposedAt),
  ],
);

export const taskThreadPosts = sqliteTable(
  "task_thread_posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    threadId: integer("thread_id")
      .notNull()
      .references((): AnySQLiteColumn => taskThreads.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    /** Plain text. */
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("task_thread_posts_thread_idx").on(t.threadId, t.createdAt), index("task_thread_posts_author_idx").on(t.authorId)],
);

/** HR sending a pulse to teams or roles by hand (automatic sends have no round). */
export const pulseRounds = sqliteTable(
  "pulse_rounds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id").references(() => teams.id, { onDelete: "set null" }),
    jobRoleId: integer("job_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    /** How many people it was sent to. */
    recipients: integer("recipients").notNull().default(0),
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("pulse_rounds_team_idx").on(t.teamId), index("pulse_rounds_role_idx").on(t.jobRoleId), index("pulse_rounds_created_by_idx").on(t.createdById)],
);

/**
 * One pulse sent to one person. `occasionKey` makes sending idempotent ("onboarding:<planId>:30",
 * "change:<versionId>", "round:<roundId>"). `answeredOn` (day) marks it answered, so a second
 * answer is refused; the answer itself (`pulse_answers`) does not point back here.
 */
export const pulseSends = sqliteTable(
  "pulse_sends",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    occasion: text("occasion", { enum: PULSE_OCCASIONS }).notNull(),
    occasionKey: text("occasion_key").notNull(),
    roundId: integer("round_id").references(() => pulseRounds.id, { onDelete: "set null" }),
    /** The person's role and team when it was sent: the answer is stored with these. */
    jobRoleId: integer("job_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    teamId: integer("team_id").references(() => teams.id, { onDelete: "set null" }),
    /** YYYY-MM-DD. */
    sentOn: text("sent_on").notNull(),
    answeredOn: text("answered_on"),
  },
  (t) => [
    uniqueIndex("pulse_sends_occasion_uq").on(t.personId, t.occasionKey),
    index("pulse_sends_person_open_idx").on(t.personId, t.answeredOn),
    index("pulse_sends_round_idx").on(t.roundId),
    index("pulse_sends_role_idx").on(t.jobRoleId),
    index("pulse_sends_team_idx").on(t.teamId),
  ],
);

/**
 * One anonymous pulse answer: role, team and month only. Item scores 1…5 (PULSE_ITEMS);
 * `leastClearKey`: the responsibility the person named least clear (a key of the role), if any.
 */
export const pulseAnswers = sqliteTable(
  "pulse_answers",
  {
    /** UUIDv4. */
    id: text("id").primaryKey(),
    jobRoleId: integer("job_role_id").references(() => jobRoles.id, { onDelete: "cascade" }),
    teamId: integer("team_id").references(() => teams.id, { onDelete: "set null" }),
    /** YYYY-MM. */
    month: text("month").notNull(),
    expected: integer("expected").notNull(),
    how: integer("how").notNull(),
    wrong: integer("wrong").notNull(),
    judged: integer("judged").notNull(),
    resources: integer("resources").notNull(),
    leastClearKey: text("least_clear_key"),
  },
  (t) => [index("pulse_answers_role_idx").on(t.jobRoleId, t.month), index("pulse_answers_team_idx").on(t.teamId, t.month)],
);
