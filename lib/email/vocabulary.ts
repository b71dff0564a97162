import type { NotificationKind } from "@/lib/notifications/notifications";

/*
 * Email vocabulary (issue 13). Every notification kind belongs to one group; each person chooses
 * per group: immediately, in the daily digest, or not by email.
 */

export const EMAIL_MODES = ["immediate", "digest", "off"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const EMAIL_GROUPS = [
  "changes",
  "questions",
  "announcements",
  "onboarding",
  "evaluations",
  "concerns",
  "threads",
  "pulse",
  "capability",
  "feedback",
] as const;
export type EmailGroup = (typeof EMAIL_GROUPS)[number];

/** Changes to answer and questions come at once; announcements and onboarding items in the digest. */
export const DEFAULT_MODE: Record<EmailGroup, EmailMode> = {
  changes: "immediate",
  questions: "immediate",
  announcements: "digest",
  onboarding: "digest",
  evaluations: "immediate",
  concerns: "immediate",
  threads: "digest",
  pulse: "digest",
  capability: "digest",
  feedback: "digest",
};

/** The group of a kind: its prefix, with the exceptions listed. */
const KIND_GROUP_EXCEPTIONS: Partial<Record<string, EmailGroup>> = {
  "ack.question": "questions",
  "ack.reply": "questions",
  "ack.questionReminder": "questions",
  "evaluation.question": "questions",
  "training.assigned": "capability",
  "access.flagged": "capability",
  "rating.received": "feedback",
  "followup.opened": "feedback",
  "followup.handed": "feedback",
  "followup.overdue": "feedback",
};

const PREFIX_GROUP: Record<string, EmailGroup> = {
  role: "changes",
  ack: "changes",
  announcement: "announcements",
  onboarding: "onboarding",
  evaluation: "evaluations",
  concern: "concerns",
  thread: "threads",
  pulse: "pulse",
  capability: "capability",
  training: "capability",
  access: "capability",
  rating: "feedback",
  followup: "feedback",
  feedback: "feedback",
};

export function groupOfKind(kind: NotificationKind | string): EmailGroup {
  return KIND_GROUP_EXCEPTIONS[kind] ?? PREFIX_GROUP[kind.split(".")[0]] ?? "changes";
}

/** Digest times a person can pick (organisation time zone), every half hour of the day (early shifts too). */
export const DIGEST_TIMES: string[] = Array.from({ length: 48 }, (_, i) => {
  const minutes = i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
});
export const DEFAULT_DIGEST_TIME = "08:00";

/** The outbox retries a failing email with exponential backoff (1 min, 2, 4, …) for up to 24 hours. */
export const EMAIL_FIRST_RETRY_MS = 60_000;
export const EMAIL_RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A lease outlives the slowest SMTP conversation with room to write the result. */
export const EMAIL_LEASE_MS = 2 * 60_000;

/** Invitation links are valid 7 days. */
export const INVITATION_VALID_MS = 7 * 24 * 60 * 60 * 1000;

/** Automatic reminders: the default wait, and the range HR may choose. */
export const REMINDER_WORKING_DAYS_DEFAULT = 3;
export const REMINDER_WORKING_DAYS_MIN = 1;
export const REMINDER_WORKING_DAYS_MAX = 20;

/**
 * The email preferences form (lib/email/preferences.ts checks the values): one field per group.
 * Here, not in schema.ts, so the form's client code does not load zod: building a zod object
 * schema probes `new Function` (its fast path), which the Content Security Policy refuses.
 */
export const modeField = (group: EmailGroup) => `mode_${group}` as const;
