import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";
import { people } from "./people";
import { jobRoles } from "./roles";
import { roleVersions } from "./versions";

import { ENTRY_KINDS, EVALUATION_KINDS, EVALUATION_STATUSES, OUTCOMES, RATING_SOURCES } from "../../lib/evaluations/vocabulary";

/**
 * The organisation's rating scale, lowest level first. `position` (1…n) is the level's value in
 * trends. A default level has a `code` whose name and meaning are messages in every language;
 * `labels` / `meanings` hold HR's own wording per locale ({"en": "…", "nl": "…"}), which wins.
 * A level that any rating uses cannot be deleted (the foreign key from ratings restricts it).
 */
export const ratingLevels = sqliteTable(
  "rating_levels",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    position: integer("position").notNull(),
    code: text("code"),
    labels: text("labels").notNull().default("{}"),
    meanings: text("meanings").notNull().default("{}"),
    ...timestamps,
  },
  (t) => [index("rating_levels_position_idx").on(t.position), uniqueIndex("rating_levels_code_uq").on(t.code)],
);

/**
 * One evaluation of one person for a period, built from the role version they held on the period's
 * last day and frozen in `criteria` (JSON: FrozenCriteria in lib/evaluations/criteria.ts), so later
 * role changes never alter it. `revision` guards concurrent draft edits.
 */
export const evaluations = sqliteTable(
  "evaluations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    jobRoleId: integer("job_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    roleVersionId: integer("role_version_id").references(() => roleVersions.id, { onDelete: "set null" }),
    kind: text("kind", { enum: EVALUATION_KINDS }).notNull().default("periodic"),
    /** YYYY-MM-DD, inclusive. */
    periodStart: text("period_start").notNull(),
    periodEnd: text("period_end").notNull(),
    /** JSON: the responsibilities and criteria evaluated, frozen at start. */
    criteria: text("criteria").notNull(),
    status: text("status", { enum: EVALUATION_STATUSES }).notNull().default("draft"),
    /** Markdown. */
    summary: text("summary").notNull().default(""),
    /** JSON string arrays: at least one of each before release. */
    strengths: text("strengths").notNull().default("[]"),
    improvements: text("improvements").notNull().default("[]"),
    /** The author's private note: never shown to the employee. */
    privateNote: text("private_note").notNull().default(""),
    selfRequestedAt: text("self_requested_at"),
    selfSubmittedAt: text("self_submitted_at"),
    /** The employee's overall comment on their self-assessment. */
    selfSummary: text("self_summary").notNull().default(""),
    releasedAt: text("released_at"),
    /** Who reviews a kept disagreement: the author's manager, or HR when there is none. */
    escalatedToId: integer("escalated_to_id").references(() => people.id, { onDelete: "set null" }),
    escalatedAt: text("escalated_at"),
    closedAt: text("closed_at"),
    outcome: text("outcome", { enum: OUTCOMES }),
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("evaluations_person_idx").on(t.personId, t.periodEnd),
    index("evaluations_author_idx").on(t.authorId),
    index("evaluations_job_role_idx").on(t.jobRoleId),
    index("evaluations_role_version_idx").on(t.roleVersionId),
    index("evaluations_status_idx").on(t.status),
    index("evaluations_escalated_to_idx").on(t.escalatedToId),
  ],
);

/** A rating and comment on one frozen criterion, by the author or (self-assessment) the employee. */
export const evaluationRatings = sqliteTable(
  "evaluation_ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    evaluationId: integer("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    source: text("source", { enum: RATING_SOURCES }).notNull(),
    responsibilityKey: text("responsibility_key").notNull(),
    criterionKey: text("criterion_key").notNull(),
    /** Null while a draft leaves it unrated. */
    levelId: integer("level_id").references(() => ratingLevels.id, { onDelete: "restrict" }),
    comment: text("comment").notNull().default(""),
  },
  (t) => [
    uniqueIndex("evaluation_ratings_uq").on(t.evaluationId, t.source, t.criterionKey),
    index("evaluation_ratings_level_idx").on(t.levelId),
    index("evaluation_ratings_criterion_idx").on(t.criterionKey),
  ],
);

/** What happened after release, in order: addenda, answers, replies, escalation, review. */
export const evaluationEntries = sqliteTable(
  "evaluation_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    evaluationId: integer("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ENTRY_KINDS }).notNull(),
    /** Markdown (may be empty for "understood"). */
    body: text("body").notNull().default(""),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("evaluation_entries_evaluation_idx").on(t.evaluationId, t.createdAt), index("evaluation_entries_author_idx").on(t.authorId)],
);
