/**
 * Length and count limits shared by server validation and the forms' `maxLength`. No imports and
 * no "server-only": Client Components import these to stop input where the server would refuse it.
 */

/** Names and titles: a person's name, a role / responsibility / task title, an announcement title, short texts. */
export const NAME_MAX = 200;
/** Long texts (Markdown descriptions, announcement bodies, questions and replies). */
export const TEXT_MAX = 20_000;
/** Free-text search queries (longer ones are cut). */
export const SEARCH_MAX = 200;
/** The summary of a published role version. */
export const VERSION_SUMMARY_MAX = 500;
/** The location of a public job posting. */
export const POSTING_LOCATION_MAX = 200;
/** Why an onboarding plan was closed early. */
export const CLOSE_REASON_MAX = 1_000;
/** A check-in note on an onboarding plan. */
export const CHECKIN_NOTE_MAX = 5_000;

/** Role documents: the stable key of a responsibility or task. */
export const ROLE_KEY_MAX = 64;
/** Role documents: responsibilities per role. */
export const ROLE_RESPONSIBILITIES_MAX = 30;
/** Role documents: tasks per responsibility. */
export const ROLE_TASKS_MAX = 50;
/** Role documents: standards per responsibility. */
export const ROLE_STANDARDS_MAX = 60;
/** Role documents: decision rights, evaluation criteria and capabilities, each, per responsibility. */
export const ROLE_LIST_MAX = 30;
/** Role documents: tools and access per role. */
export const ROLE_TOOLS_MAX = 50;

/** Evaluations: one strength or thing to improve (a short text). */
export const EVALUATION_POINT_MAX = 1_000;
/** Evaluations: strengths, and things to improve, each, per evaluation. */
export const EVALUATION_POINTS_MAX = 20;

/** FAQ entries: the question (the answer is Markdown up to TEXT_MAX). */
export const FAQ_QUESTION_MAX = 500;
