import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisation, people } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, FieldError } from "@/lib/core/errors";
import { organisationSettings, serverTimeZone, type OrganisationSettings } from "@/lib/org/settings";
import { isTimeZone } from "@/lib/org/zones";
import { PULSE_MIN_GROUP_RANGE } from "@/lib/confidence/vocabulary";
import { REMINDER_WORKING_DAYS_MAX, REMINDER_WORKING_DAYS_MIN } from "@/lib/email/vocabulary";

export type OrganisationInput = {
  name: string;
  /** An IANA zone, or "" for the server's. */
  timeZone: string;
  applyEmail: string;
  applyUrl: string;
  location: string;
};

const FIELDS = ["name", "timeZone", "applyEmail", "applyUrl", "location"] as const;

/** The settings form: the current values, their revision, and the server's zone (the default). HR only. */
export function organisationSettingsForEdit(
  actor: Actor,
): OrganisationSettings & { serverTimeZone: string; updatedAt: string | null; updatedByName: string | null } {
  authorize(actor, "organisation.manage", { type: "organisation", id: 1 });
  const last = getDb()
    .select({ updatedAt: organisation.updatedAt, updatedByName: people.name })
    .from(organisation)
    .leftJoin(people, eq(people.id, organisation.updatedById))
    .where(eq(organisation.id, 1))
    .get();
  return { ...organisationSettings(), serverTimeZone: serverTimeZone(), updatedAt: last?.updatedAt ?? null, updatedByName: last?.updatedByName ?? null };
}

/**
 * HR edits the organisation's settings. `revision` is the one the form was loaded with: a stale one
 * is a conflict. An unknown time zone or an apply URL that is not https is refused next to its field.
 * Audited with the fields that changed.
 */
export function updateOrganisationSettings(actor: Actor, revision: number, input: OrganisationInput): { revision: number } {
  authorize(actor, "organisation.manage", { type: "organisation", id: 1 });
  const next: OrganisationInput = {
    name: input.name.trim(),
    timeZone: input.timeZone.trim(),
    applyEmail: input.applyEmail.trim().toLowerCase(),
    applyUrl: input.applyUrl.trim(),
    location: input.location.trim(),
  };
  const errors: Record<string, string> = {};
  if (next.timeZone && !isTimeZone(next.timeZone)) errors.timeZone = "invalidTimeZone";
  if (next.applyUrl && !isHttpsUrl(next.applyUrl)) errors.applyUrl = "invalidUrl";
  if (Object.keys(errors).length) throw new FieldError(errors);
  const db = getDb();
  return db.transaction((tx) => {
    const current = organisationSettings();
    const changed = tx
      .update(organisation)
      .set({ ...next, revision: sql`${organisation.revision} + 1`, updatedById: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(organisation.id, 1), eq(organisation.revision, revision)))
      .run();
    if (changed.changes === 0) throw new ConflictError();
    const diff = Object.fromEntries(FIELDS.filter((f) => current[f] !== next[f]).map((f) => [f, { from: current[f], to: next[f] }]));
    audit({ actorId: actor.id, action: "organisation.update", entityType: "organisation", entityId: 1, detail: { changes: diff } }, tx);
    return { revision: revision + 1 };
  });
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** The limits of the evaluation schedule HR sets. */
export const PROBATION_DAYS_MAX = 365;
export const INTERVAL_MONTHS_MAX = 36;

export type EvaluationScheduleInput = { probationDays: number; evaluationIntervalMonths: number };

/**
 * HR sets when evaluations are due: the probation evaluation `probationDays` (1–365) after the start
 * date, then every `evaluationIntervalMonths` (1–36). Guarded by the organisation's revision like the
 * other settings; audited with what changed.
 */
export function updateEvaluationSchedule(actor: Actor, revision: number, input: EvaluationScheduleInput): { revision: number } {
  authorize(actor, "organisation.manage", { type: "organisation", id: 1 });
  const errors: Record<string, string> = {};
  if (!Number.isInteger(input.probationDays) || input.probationDays < 1 || input.probationDays > PROBATION_DAYS_MAX) errors.probationDays = "probationDaysRange";
  if (!Number.isInteger(input.evaluationIntervalMonths) || input.evaluationIntervalMonths < 1 || input.evaluationIntervalMonths > INTERVAL_MONTHS_MAX)
    errors.evaluationIntervalMonths = "intervalMonthsRange";
  if (Object.keys(errors).length) throw new FieldError(errors);
  return getDb().transaction((tx) => {
    const current = organisationSettings();
    const changed = tx
      .update(organisation)
      .set({ ...input, revision: sql`${organisation.revision} + 1`, updatedById: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(organisation.id, 1), eq(organisation.revision, revision)))
      .run();
    if (changed.changes === 0) throw new ConflictError();
    const keys = ["probationDays", "evaluationIntervalMonths"] as const;
    const diff = Object.fromEntries(keys.filter((k) => current[k] !== input[k]).map((k) => [k, { from: current[k], to: input[k] }]));
    audit({ actorId: actor.id, action: "organisation.update", entityType: "organisation", entityId: 1, detail: { changes: diff } }, tx);
    return { revision: revision + 1 };
  });
}

/**
 * HR sets the pulse's group minimum: results show only for groups of at least this many answers
 * (3–10; outside that, refused next to the field). Guarded by the organisation's revision like the
 * other settings; audited with what changed.
 */
export function updatePulseMinGroup(actor: Actor, revision: number, input: { pulseMinGroup: number }): { revision: number } {
  authorize(actor, "organisation.manage", { type: "organisation", id: 1 });
  const [lo, hi] = PULSE_MIN_GROUP_RANGE;
  const value = input.pulseMinGroup;
  if (!Number.isInteger(value) || value < lo || value > hi) throw new FieldError({ pulseMinGroup: "pulseMinGroupRange" });
  return getDb().transaction((tx) => {
    const current = organisationSettings();
    const changed = tx
      .update(organisation)
      .set({ pulseMinGroup: value, revision: sql`${organisation.revision} + 1`, updatedById: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(organisation.id, 1), eq(organisation.revision, revision)))
      .run();
    if (changed.changes === 0) throw new ConflictError();
    const diff = current.pulseMinGroup === value ? {} : { pulseMinGroup: { from: current.pulseMinGroup, to: value } };
    audit({ actorId: actor.id, action: "organisation.update", entityType: "organisation", entityId: 1, detail: { changes: diff } }, tx);
    return { revision: revision + 1 };
  });
}

/**
 * HR sets after how many working days unanswered changes and questions are reminded automatically
 * (1–20; outside that, refused next to the field). Guarded by the organisation's revision; audited.
 */
export function updateReminderWorkingDays(actor: Actor, revision: number, input: { reminderWorkingDays: number }): { revision: number } {
  authorize(actor, "organisation.manage", { type: "organisation", id: 1 });
  const value = input.reminderWorkingDays;
  if (!Number.isInteger(value) || value < REMINDER_WORKING_DAYS_MIN || value > REMINDER_WORKING_DAYS_MAX) throw new FieldError({ reminderWorkingDays: "reminderWorkingDaysRange" });
  return getDb().transaction((tx) => {
    const current = organisationSettings();
    const changed = tx
      .update(organisation)
      .set({ reminderWorkingDays: value, revision: sql`${organisation.revision} + 1`, updatedById: actor.id, updatedAt: new Date().toISOString() })
      .where(and(eq(organisation.id, 1), eq(organisation.revision, revision)))
      .run();
    if (changed.changes === 0) throw new ConflictError();
    const diff = current.reminderWorkingDays === value ? {} : { reminderWorkingDays: { from: current.reminderWorkingDays, to: value } };
    audit({ actorId: actor.id, action: "organisation.update", entityType: "organisation", entityId: 1, detail: { changes: diff } }, tx);
    return { revision: revision + 1 };
  });
}
