import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { people } from "./people";
import { jobRoles } from "./roles";
import { ASSIGNEES, CHECKIN_MILESTONES, ITEM_SOURCES, LINK_KINDS, ONBOARDING_KINDS, ONBOARDING_STATUSES } from "../../lib/onboarding/vocabulary";

export * from "../../lib/onboarding/vocabulary";


/** One template per job role; its items are generated from the role and edited by hand. */
export const onboardingTemplates = sqliteTable("onboarding_templates", {
  jobRoleId: integer("job_role_id")
    .primaryKey()
    .references(() => jobRoles.id, { onDelete: "cascade" }),
  /** The role version the generated items were last built from. */
  generatedFromVersion: integer("generated_from_version").notNull().default(0),
  revision: integer("revision").notNull().default(1),
  updatedAt: text("updated_at").notNull(),
});

export const onboardingTemplateItems = sqliteTable(
  "onboarding_template_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    jobRoleId: integer("job_role_id")
      .notNull()
      .references(() => jobRoles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    assignee: text("assignee", { enum: ASSIGNEES }).notNull(),
    /** Days from the start date: 0 is the first day, negative is before it. */
    dueDay: integer("due_day").notNull(),
    linkKind: text("link_kind", { enum: LINK_KINDS }),
    /** Stable key of the linked responsibility or task. */
    linkKey: text("link_key"),
    source: text("source", { enum: ITEM_SOURCES }).notNull(),
    /** For generated items: what generated it ("read-role", "shadow:<key>", "hr:account"…). */
    genKey: text("gen_key"),
    /** JSON parameters of a generated item's words (task title…), so it reads in each reader's language. */
    genParams: text("gen_params"),
    /** A generated item someone changed by hand: regeneration keeps their changes. */
    edited: integer("edited", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("onboarding_template_items_role_idx").on(t.jobRoleId, t.position), index("onboarding_template_items_gen_idx").on(t.genKey)],
);


/** A person's onboarding plan (their first 90 days, or a role change). */
export const onboardings = sqliteTable(
  "onboardings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    jobRoleId: integer("job_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    fromJobRoleId: integer("from_job_role_id").references(() => jobRoles.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ONBOARDING_KINDS }).notNull(),
    /** YYYY-MM-DD. */
    startDate: text("start_date").notNull(),
    managerId: integer("manager_id").references(() => people.id, { onDelete: "set null" }),
    buddyId: integer("buddy_id").references(() => people.id, { onDelete: "set null" }),
    status: text("status", { enum: ONBOARDING_STATUSES }).notNull().default("open"),
    closedAt: text("closed_at"),
    closedReason: text("closed_reason"),
    closedById: integer("closed_by_id").references(() => people.id, { onDelete: "set null" }),
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
    revision: integer("revision").notNull().default(1),
  },
  (t) => [
    index("onboardings_person_idx").on(t.personId, t.status),
    index("onboardings_role_idx").on(t.jobRoleId),
    index("onboardings_from_role_idx").on(t.fromJobRoleId),
    index("onboardings_manager_idx").on(t.managerId, t.status),
    index("onboardings_buddy_idx").on(t.buddyId, t.status),
    index("onboardings_status_idx").on(t.status),
    index("onboardings_closed_by_idx").on(t.closedById),
    index("onboardings_created_by_idx").on(t.createdById),
  ],
);

export const onboardingItems = sqliteTable(
  "onboarding_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    onboardingId: integer("onboarding_id")
      .notNull()
      .references(() => onboardings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    assignee: text("assignee", { enum: ASSIGNEES }).notNull(),
    dueDay: integer("due_day").notNull(),
    /** Concrete due date (weekends skipped), YYYY-MM-DD. */
    dueDate: text("due_date").notNull(),
    linkKind: text("link_kind", { enum: LINK_KINDS }),
    linkKey: text("link_key"),
    /** Copied from the template item: generated items are shown in the reader's language. */
    genKey: text("gen_key"),
    genParams: text("gen_params"),
    /** Edited by hand after generation: shown as written. */
    edited: integer("edited", { mode: "boolean" }).notNull().default(false),
    /** Last reminder sent about this item (at most one per 24 hours). */
    lastRemindedAt: text("last_reminded_at"),
    doneAt: text("done_at"),
    doneById: integer("done_by_id").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    index("onboarding_items_plan_idx").on(t.onboardingId, t.dueDate),
    /** Covers the per-plan progress counts (done, overdue) and the open items of a plan without reading the rows (issue 15). */
    index("onboarding_items_progress_idx").on(t.onboardingId, t.doneAt, t.dueDate, t.assignee),
    index("onboarding_items_due_idx").on(t.dueDate, t.doneAt),
    index("onboarding_items_done_by_idx").on(t.doneById),
    index("onboarding_items_gen_idx").on(t.genKey),
  ],
);


/** Short notes by the buddy or manager at day 1, week 1, day 30, day 60 and day 90. */
export const onboardingCheckins = sqliteTable(
  "onboarding_checkins",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    onboardingId: integer("onboarding_id")
      .notNull()
      .references(() => onboardings.id, { onDelete: "cascade" }),
    milestone: text("milestone", { enum: CHECKIN_MILESTONES }).notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    note: text("note").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("onboarding_checkins_uq").on(t.onboardingId, t.milestone, t.authorId),
    index("onboarding_checkins_author_idx").on(t.authorId),
  ],
);
