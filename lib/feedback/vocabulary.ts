/**
 * Words and limits of the feedback tool's second half (issue 12): customer ratings, praise and
 * suggestions between colleagues, upward feedback to the leader. Pure values, shared by the schema,
 * lib/feedback and the pages. Labels live under `feedback.*` / `rate.*` in every locale.
 */
import { STANDARD_CATEGORIES, type StandardCategory } from "@/lib/roles/vocabulary";

/** Per-service link (single use, 14 days) or the employee's personal QR code (walk-up). */
export const RATING_SOURCES = ["service", "walkup"] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

/** Who made a per-service link: a person in the app or a system through an API key. */
export const LINK_MADE_BY = ["person", "api"] as const;

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const RATING_COMMENT_MAX = 2000;
/** A per-service link expires this many days after it was made. */
export const LINK_VALID_DAYS = 14;
/** Random bytes in a link token / personal code (base64url: 32 bytes → 43 characters). */
export const TOKEN_BYTES = 32;
/** Walk-up ratings (personal QR) for one person: at most this many per hour from one address… */
export const WALKUP_PER_ADDRESS_PER_HOUR = 10;
/** …and this many per hour from one device (a cookie the rating page sets when the form is sent). */
export const WALKUP_PER_DEVICE_PER_HOUR = 2;
/** A rating at or below this with contact details opens a follow-up for the employee's supervisor. */
export const LOW_RATING_MAX = 2;
/** Working days a follow-up may stay unsolved before it is flagged overdue. */
export const FOLLOWUP_DUE_WORKING_DAYS = 2;
/** Aggregates (per person, team, role, standard) are shown only for groups of at least this many ratings. */
export const RATING_MIN_GROUP = 5;

/**
 * Tags a customer may pick: the service-standard categories of the employee's role (only those the
 * role's published version actually has standards in). Stable keys; the customer sees a
 * customer-facing phrase (`rate.tags.<category>`: "Friendly welcome", "Clear explanation", …).
 */
export const RATING_TAGS = STANDARD_CATEGORIES;
export type RatingTag = StandardCategory;

/** A follow-up of a low rating, after seed 003: listen, record, hand to the right person, contact the customer again, solve. */
export const FOLLOWUP_STATUSES = ["open", "handed", "contacted", "solved"] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

/** Praise or a suggestion from a colleague. */
export const NOTE_KINDS = ["praise", "suggestion"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
/** Praise may be shown to the recipient's team; suggestions reach only the recipient (and, if the sender chooses, the recipient's manager). */
export const NOTE_VISIBILITIES = ["recipient", "team", "manager"] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];
export const NOTE_BODY_MAX = 2000;

/**
 * Upward feedback items, written for Rolebook: leadership warmth (seed 004: warm service starts
 * with the leader) and clarity (does the leader make the role clear). Each answered 1 (strongly
 * disagree) … 5 (strongly agree). Words under `upward.items.<key>`.
 */
export const UPWARD_ITEMS = ["greets", "listens", "recognises", "approachable", "expectations", "explains", "feedback"] as const;
export type UpwardItem = (typeof UPWARD_ITEMS)[number];
export const UPWARD_WARMTH: readonly UpwardItem[] = ["greets", "listens", "recognises", "approachable"];
export const UPWARD_CLARITY: readonly UpwardItem[] = ["expectations", "explains", "feedback"];
/** A leader sees a period's results only when at least this many of their people answered in it. */
export const UPWARD_MIN_GROUP = 5;

/** API keys: the shown key is `rbk_` + base64url(32 random bytes); only its SHA-256 is stored, with the first characters for recognition. */
export const API_KEY_PREFIX = "rbk_";
export const API_KEY_NAME_MAX = 100;
export const WEBHOOK_EVENTS = ["rating.created"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
/** Delivery attempts before a webhook delivery is given up (backoff doubles from 30 s: 30 s, 1 min, 2 min, … ≈ 4 h in all). */
export const WEBHOOK_MAX_ATTEMPTS = 10;
