import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";
import { people } from "./people";
import { jobRoles } from "./roles";
import { onboardingItems } from "./onboarding";
import {
  ACCESS_FLAG_REASONS,
  ACCESS_STATUSES,
  ASSIGNMENT_STATUSES,
  CAPABILITY_KINDS,
  EVIDENCE_KINDS,
  FILE_PURPOSES,
  QUIZ_QUESTION_KINDS,
  SIGNOFF_RELATIONS,
  UPLOAD_TYPES,
} from "../../lib/capability/vocabulary";

/**
 * A capability as a record (issue 11). `key` is the stable key role documents carry on each
 * capability (published versions keep old keys forever), so it is the primary key. A duplicate HR
 * merged away keeps its row with `merged_into_key` set: every reader resolves a key through it
 * (lib/capability/records.ts `canonicalKeys`), and evidence, courses and assignments are moved to
 * the surviving key when the merge happens.
 */
export const capabilities = sqliteTable(
  "capabilities",
  {
    key: text("key").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: CAPABILITY_KINDS }).notNull(),
    /** Months a piece of evidence stays valid (null = does not lapse). */
    validityMonths: integer("validity_months"),
    mergedIntoKey: text("merged_into_key").references((): AnySQLiteColumn => capabilities.key, { onDelete: "set null" }),
    /** Lower-cased name, for search. */
    searchName: text("search_name").notNull().default(""),
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("capabilities_merged_idx").on(t.mergedIntoKey), index("capabilities_search_idx").on(t.searchName), index("capabilities_kind_idx").on(t.kind)],
);

/** An uploaded file (a course image, a certificate), stored under the data folder by id; served only to signed-in people. */
export const files = sqliteTable(
  "files",
  {
    /** UUIDv4: the file's name on disk and in its URL. */
    id: text("id").primaryKey(),
    purpose: text("purpose", { enum: FILE_PURPOSES }).notNull(),
    /** The type found in the content (never the name's extension). */
    mime: text("mime", { enum: UPLOAD_TYPES }).notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    /** The name it was uploaded with (shown, never trusted). */
    originalName: text("original_name").notNull().default(""),
    uploadedById: integer("uploaded_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("files_uploaded_by_idx").on(t.uploadedById), index("files_purpose_idx").on(t.purpose)],
);

/** A training course of one of the three kinds. Markdown content may show uploaded images (`/files/<id>`). */
export const courses = sqliteTable(
  "courses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    kind: text("kind", { enum: CAPABILITY_KINDS }).notNull(),
    /** One-paragraph summary (plain text), shown in the catalog. */
    summary: text("summary").notNull().default(""),
    /** Markdown. */
    content: text("content").notNull().default(""),
    estimatedMinutes: integer("estimated_minutes").notNull(),
    /** Lower-cased title, summary and content, for search. */
    searchText: text("search_text").notNull().default(""),
    authorId: integer("author_id").references(() => people.id, { onDelete: "set null" }),
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("courses_kind_idx").on(t.kind, t.title), index("courses_author_idx").on(t.authorId), index("courses_title_idx").on(t.title)],
);

/** The capabilities a course builds. */
export const courseCapabilities = sqliteTable(
  "course_capabilities",
  {
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    capabilityKey: text("capability_key")
      .notNull()
      .references(() => capabilities.key, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.capabilityKey] }), index("course_capabilities_capability_idx").on(t.capabilityKey)],
);

/** The quiz a course ends with (at most one). */
export const quizzes = sqliteTable("quizzes", {
  courseId: integer("course_id")
    .primaryKey()
    .references(() => courses.id, { onDelete: "cascade" }),
  /** Percent of the points needed to pass, 1–100. */
  passMark: integer("pass_mark").notNull(),
  /** 0 = unlimited. */
  maxAttempts: integer("max_attempts").notNull().default(0),
  revision: integer("revision").notNull().default(1),
  updatedAt: text("updated_at").notNull(),
});

export const quizQuestions = sqliteTable(
  "quiz_questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    courseId: integer("course_id")
      .notNull()
      .references(() => quizzes.courseId, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: QUIZ_QUESTION_KINDS }).notNull(),
    /** Plain text. */
    text: text("text").notNull(),
  },
  (t) => [index("quiz_questions_course_idx").on(t.courseId, t.position)],
);

export const quizOptions = sqliteTable(
  "quiz_options",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: integer("question_id")
      .notNull()
      .references(() => quizQuestions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    /** Never sent to the browser before an attempt is submitted. */
    correct: integer("correct", { mode: "boolean" }).notNull(),
  },
  (t) => [index("quiz_options_question_idx").on(t.questionId, t.position)],
);

/**
 * One attempt at a quiz, stored as submitted: the questions and options as they were shown (JSON,
 * in the shuffled order, with the person's choices and which were correct) and the score.
 */
export const quizAttempts = sqliteTable(
  "quiz_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** JSON snapshot of questions, options, choices and correctness as submitted. */
    answers: text("answers").notNull(),
    /** Percent, 0–100 (rounded down). */
    score: integer("score").notNull(),
    passMark: integer("pass_mark").notNull(),
    passed: integer("passed", { mode: "boolean" }).notNull(),
    submittedAt: text("submitted_at").notNull(),
  },
  (t) => [index("quiz_attempts_person_idx").on(t.personId, t.courseId), index("quiz_attempts_course_idx").on(t.courseId)],
);

/**
 * Evidence that a person holds a capability: a passed quiz, a sign-off by someone who watched them,
 * or an external certificate. `valid_until` is set from the capability's validity when it has one
 * (YYYY-MM-DD, the last valid day); null = does not lapse.
 */
export const capabilityEvidence = sqliteTable(
  "capability_evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    capabilityKey: text("capability_key")
      .notNull()
      .references(() => capabilities.key, { onDelete: "cascade" }),
    kind: text("kind", { enum: EVIDENCE_KINDS }).notNull(),
    /** kind "quiz": the passed attempt. */
    attemptId: integer("attempt_id").references(() => quizAttempts.id, { onDelete: "set null" }),
    /** kind "signoff": how the signer relates to the person. */
    signoffRelation: text("signoff_relation", { enum: SIGNOFF_RELATIONS }),
    /** Plain text: the sign-off's note, or a remark on a certificate. */
    note: text("note").notNull().default(""),
    /** kind "certificate". */
    fileId: text("file_id").references(() => files.id, { onDelete: "set null" }),
    issuer: text("issuer"),
    /** YYYY-MM-DD: when it was earned (the quiz day, the sign-off day, the certificate's date). Validity counts from here. */
    validFrom: text("valid_from").notNull(),
    /** YYYY-MM-DD, last valid day; null = no expiry. */
    validUntil: text("valid_until"),
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    index("capability_evidence_person_idx").on(t.personId, t.capabilityKey, t.validUntil),
    index("capability_evidence_capability_idx").on(t.capabilityKey, t.validUntil),
    index("capability_evidence_attempt_idx").on(t.attemptId),
    index("capability_evidence_file_idx").on(t.fileId),
    index("capability_evidence_created_by_idx").on(t.createdById),
  ],
);

/** Training assigned to a person (by a manager for a gap, or by an onboarding plan). */
export const trainingAssignments = sqliteTable(
  "training_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    /** The gap it was assigned for (a capability the course builds). */
    capabilityKey: text("capability_key").references(() => capabilities.key, { onDelete: "set null" }),
    /** YYYY-MM-DD. */
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull().default("open"),
    /** Set when an onboarding plan item stands for this training (ticked when it is done). */
    onboardingItemId: integer("onboarding_item_id").references(() => onboardingItems.id, { onDelete: "set null" }),
    assignedById: integer("assigned_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
    doneAt: text("done_at"),
  },
  (t) => [
    index("training_assignments_person_idx").on(t.personId, t.status, t.dueDate),
    index("training_assignments_course_idx").on(t.courseId),
    index("training_assignments_capability_idx").on(t.capabilityKey),
    index("training_assignments_item_idx").on(t.onboardingItemId),
    index("training_assignments_by_idx").on(t.assignedById),
    index("training_assignments_status_idx").on(t.status, t.dueDate),
  ],
);

/**
 * A person's access to one tool their role needs (role documents list tools by name). One row per
 * person and tool: pending → granted → (revoke →) revoked. A role change or deactivation flags
 * granted access the person no longer needs as "revoke", with the reason.
 */
export const accessGrants = sqliteTable(
  "access_grants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    tool: text("tool").notNull(),
    /** Lower-cased, trimmed tool name: one row per person and tool. */
    toolKey: text("tool_key").notNull(),
    status: text("status", { enum: ACCESS_STATUSES }).notNull(),
    flagReason: text("flag_reason", { enum: ACCESS_FLAG_REASONS }),
    /** The role the tool was needed for (or, for a flagged one, the role that needed it). */
    jobRoleId: integer("job_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    grantedById: integer("granted_by_id").references(() => people.id, { onDelete: "set null" }),
    grantedAt: text("granted_at"),
    revokedById: integer("revoked_by_id").references(() => people.id, { onDelete: "set null" }),
    revokedAt: text("revoked_at"),
    revision: integer("revision").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("access_grants_person_tool_uq").on(t.personId, t.toolKey),
    index("access_grants_status_idx").on(t.status),
    index("access_grants_role_idx").on(t.jobRoleId),
    index("access_grants_granted_by_idx").on(t.grantedById),
    index("access_grants_revoked_by_idx").on(t.revokedById),
  ],
);
