import "server-only";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { getDb, preparedQuery } from "@/db/client";
import { holidays, organisation } from "@/db/schema";
import { PULSE_MIN_GROUP_DEFAULT } from "@/lib/confidence/vocabulary";
import { REMINDER_WORKING_DAYS_DEFAULT } from "@/lib/email/vocabulary";

export type OrganisationSettings = {
  name: string;
  /** The configured IANA zone, or "" when HR has not set one (then the server's zone applies). */
  timeZone: string;
  applyEmail: string;
  applyUrl: string;
  location: string;
  /** The probation evaluation is due this many days after a person's start date. */
  probationDays: number;
  /** After that, an evaluation is due this many months after the last one's period ended. */
  evaluationIntervalMonths: number;
  /** Pulse results show only for groups of at least this many answers (3–10). */
  pulseMinGroup: number;
  /** Automatic reminders for unanswered changes and questions after this many working days (1–20). */
  reminderWorkingDays: number;
  revision: number;
};

/** The server's own time zone, the default when HR has set none. */
export function serverTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Read on most requests (the organisation's time zone): built once (db/client.ts `preparedQuery`). */
const settingsRow = preparedQuery((db) =>
  db
    .select({
      name: organisation.name,
      timeZone: organisation.timeZone,
      applyEmail: organisation.applyEmail,
      applyUrl: organisation.applyUrl,
      location: organisation.location,
      probationDays: organisation.probationDays,
      evaluationIntervalMonths: organisation.evaluationIntervalMonths,
      pulseMinGroup: organisation.pulseMinGroup,
      reminderWorkingDays: organisation.reminderWorkingDays,
      revision: organisation.revision,
    })
    .from(organisation)
    .where(eq(organisation.id, 1))
    .prepare(),
);

/**
 * The organisation's public settings (employer name, time zone, where to apply). Nothing here is
 * secret: job postings show it to anyone.
 */
export function organisationSettings(): OrganisationSettings {
  return settingsRow().get() ?? { name: "", timeZone: "", applyEmail: "", applyUrl: "", location: "", probationDays: 90, evaluationIntervalMonths: 12, pulseMinGroup: PULSE_MIN_GROUP_DEFAULT, reminderWorkingDays: REMINDER_WORKING_DAYS_DEFAULT, revision: 0 };
}

/** The zone "today", due dates and effective dates are computed in. */
export function organisationTimeZone(): string {
  return organisationSettings().timeZone || serverTimeZone();
}

/** Public holidays from `from` to `to` (YYYY-MM-DD, inclusive), for due-date arithmetic. */
export function holidaysBetween(from: string, to: string): Set<string> {
  const rows = getDb()
    .select({ date: holidays.date })
    .from(holidays)
    .where(and(gte(holidays.date, from), lte(holidays.date, to)))
    .orderBy(asc(holidays.date))
    .all();
  return new Set(rows.map((r) => r.date));
}
