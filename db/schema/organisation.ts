import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { people } from "./people";

/**
 * The organisation's settings: a single row (id = 1), created by the first migration that needs it
 * and edited by HR. Read through lib/org/settings.ts.
 */
export const organisation = sqliteTable("organisation", {
  id: integer("id").primaryKey(),
  /** Employer name shown on job postings and emails. */
  name: text("name").notNull().default(""),
  /** IANA time zone ("Europe/Riga"); empty = the server's. "Today", due and effective dates use it. */
  timeZone: text("time_zone").notNull().default(""),
  /** Where applicants apply: an email address or an https URL (job postings). */
  applyEmail: text("apply_email").notNull().default(""),
  applyUrl: text("apply_url").notNull().default(""),
  /** Default location of job postings (a posting may override it). */
  location: text("location").notNull().default(""),
  /** Evaluations: the probation evaluation is due this many days after the start date… */
  probationDays: integer("probation_days").notNull().default(90),
  /** …and then every this many months after the last evaluation's period end. */
  evaluationIntervalMonths: integer("evaluation_interval_months").notNull().default(12),
  /** Guards concurrent edits of the rating scale (lib/evaluations/scale.ts). */
  scaleRevision: integer("scale_revision").notNull().default(1),
  /** Role-clarity pulse: results show only for groups of at least this many answers (3…10). */
  pulseMinGroup: integer("pulse_min_group").notNull().default(5),
  /** Automatic reminders for unanswered changes and questions after this many working days (1…20). */
  reminderWorkingDays: integer("reminder_working_days").notNull().default(3),
  /** The organisation's language: the default for people without their own and for emails (setup page). */
  locale: text("locale").notNull().default("en"),
  /** The demo organisation (seeded with public passwords): a banner on every page says so. */
  demo: integer("demo", { mode: "boolean" }).notNull().default(false),
  revision: integer("revision").notNull().default(1),
  updatedById: integer("updated_by_id").references(() => people.id, { onDelete: "set null" }),
  updatedAt: text("updated_at").notNull(),
}, (t) => [index("organisation_updated_by_idx").on(t.updatedById)]);

/** Public holidays: due dates skip them as they skip weekends. */
export const holidays = sqliteTable(
  "holidays",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** YYYY-MM-DD. */
    date: text("date").notNull(),
    name: text("name").notNull(),
    createdById: integer("created_by_id").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("holidays_date_uq").on(t.date), index("holidays_created_by_idx").on(t.createdById)],
);
