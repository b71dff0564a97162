/** The capability area's vocabulary (issue 11). Pure values: the schema, lib and the UI take them from here. */
/** The three kinds of training and capability the seeds name (role documents use them too). */
export const CAPABILITY_KINDS = ["technical", "interpersonal", "customer"] as const;
export type CapabilityKind = (typeof CAPABILITY_KINDS)[number];

/** How a person came to hold a capability. */
export const EVIDENCE_KINDS = ["quiz", "signoff", "certificate"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Who signed a capability off, as they relate to the person (the sign-off records it). */
export const SIGNOFF_RELATIONS = ["supervisor", "manager", "buddy"] as const;
export type SignoffRelation = (typeof SIGNOFF_RELATIONS)[number];

/** A readiness cell: holds it (valid), holds it but it lapses within EXPIRING_DAYS, lacks it (never or lapsed), lacks it but training is assigned. */
export const CELL_STATES = ["ready", "expiring", "gap", "training"] as const;
export type CellState = (typeof CELL_STATES)[number];

/** Days before the end of validity from which a capability shows as "expiring". */
export const EXPIRING_DAYS = 30;
/** Longest validity a capability may have (months). */
export const VALIDITY_MAX_MONTHS = 120;

/** Training assigned to a person. "done" when the gap it was for closes (a passed quiz, a sign-off). */
export const ASSIGNMENT_STATUSES = ["open", "done", "cancelled"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
/** Days from assigning to the default due date. */
export const ASSIGNMENT_DEFAULT_DUE_DAYS = 14;

/** Tools and access: granted / pending (to grant) / revoke (flagged for revocation) / revoked. */
export const ACCESS_STATUSES = ["pending", "granted", "revoke", "revoked"] as const;
export type AccessStatus = (typeof ACCESS_STATUSES)[number];
/** Why an access row was flagged for revocation. */
export const ACCESS_FLAG_REASONS = ["role_change", "deactivated"] as const;
export type AccessFlagReason = (typeof ACCESS_FLAG_REASONS)[number];

/** Quizzes. */
export const QUIZ_QUESTION_KINDS = ["single", "multiple"] as const;
export type QuizQuestionKind = (typeof QUIZ_QUESTION_KINDS)[number];
export const QUIZ_QUESTIONS_MAX = 50;
export const QUIZ_OPTIONS_MAX = 8;
export const QUIZ_ATTEMPTS_MAX = 20;

/** Courses. */
export const COURSE_MINUTES_MAX = 60 * 40;
export const COURSE_CAPABILITIES_MAX = 20;

/** Uploaded files (course images, certificates): by content, never by name. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const UPLOAD_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];
export const FILE_PURPOSES = ["course_image", "certificate"] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
