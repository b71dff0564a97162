/**
 * The words of the confidence tools (concerns, FAQ, task threads, the role-clarity pulse), shared by
 * the schema, lib/ and pages. No imports and no "server-only".
 */

/** Whom a concern is addressed to. */
export const CONCERN_AUDIENCES = ["manager", "team", "role_owner", "hr"] as const;
export type ConcernAudience = (typeof CONCERN_AUDIENCES)[number];

/**
 * open → answered (an addressee replied) → resolved (by the author) or closed with a reason (by an
 * addressee). An author's reply to an answered concern makes it open again.
 */
export const CONCERN_STATUSES = ["open", "answered", "resolved", "closed"] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const CONCERN_FINAL: readonly ConcernStatus[] = ["resolved", "closed"];

/** What one entry of a concern's thread records. */
export const CONCERN_MESSAGE_KINDS = ["message", "forward", "close", "resolve"] as const;
export type ConcernMessageKind = (typeof CONCERN_MESSAGE_KINDS)[number];

export const FAQ_STATUSES = ["draft", "published"] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];

export const THREAD_STATUSES = ["open", "solved"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Why a person was sent a pulse. */
export const PULSE_OCCASIONS = ["onboarding_30", "onboarding_60", "onboarding_90", "role_change", "manual"] as const;
export type PulseOccasion = (typeof PULSE_OCCASIONS)[number];

/** The pulse's statements, each answered on a 5-point agree scale (1 = strongly disagree … 5 = strongly agree). */
export const PULSE_ITEMS = ["expected", "how", "wrong", "judged", "resources"] as const;
export type PulseItem = (typeof PULSE_ITEMS)[number];
export const PULSE_SCALE_MIN = 1;
export const PULSE_SCALE_MAX = 5;

/** Aggregates (pulse results) show only for groups of at least this many answers; HR may set 3…10. */
export const PULSE_MIN_GROUP_DEFAULT = 5;
export const PULSE_MIN_GROUP_RANGE = [3, 10] as const;
/** Anonymous concerns: the form warns when the audience's team has fewer people than this. */
export const ANONYMITY_WARN_BELOW = 5;
/** Addressees are reminded when a concern waits longer than this many working days. */
export const CONCERN_REMINDER_WORKING_DAYS = 3;
/** Receipt codes: length in characters (random, from an unambiguous alphabet). */
export const RECEIPT_CODE_LENGTH = 20;
