/**
 * Words of the evaluations tool, shared by the schema, lib and pages (no imports: the schema reads it).
 *
 * The state machine (before release in lib/evaluations/write.ts; after it, the pure steps in
 * lib/evaluations/conversation-state.ts):
 *   draft ⇄ self_assessment (the employee is asked to assess themself; submitting returns it to draft)
 *   draft → released (visible to the employee, content frozen; addenda may follow)
 *   released → closed (understood) | questioned | disagreed
 *   questioned | disagreed → answered (the author replied)
 *   answered → closed (understood) | questioned (another question) | disagreed | escalated (disagreement kept)
 *   escalated → closed (the author's manager or HR reviewed it; the kept disagreement stays recorded)
 */
export const EVALUATION_STATUSES = ["draft", "self_assessment", "released", "questioned", "disagreed", "answered", "escalated", "closed"] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Statuses the employee may see (everything from release on). */
export const RELEASED_STATUSES = ["released", "questioned", "disagreed", "answered", "escalated", "closed"] as const satisfies readonly EvaluationStatus[];
/** Statuses before release: the draft's audience only (author, the people above them, HR). */
export const DRAFT_STATUSES = ["draft", "self_assessment"] as const satisfies readonly EvaluationStatus[];

export const EVALUATION_KINDS = ["probation", "periodic", "other"] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** Who gave a rating: the author (the evaluation) or the employee (their self-assessment). */
export const RATING_SOURCES = ["author", "self"] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

/**
 * Entries after release, in time order: addenda (corrections by the author), the employee's answers
 * (understood, question, disagree, keep disagreement), the author's replies, the escalation and its review.
 */
export const ENTRY_KINDS = ["addendum", "understood", "question", "disagree", "answer", "escalated", "review"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** How a closed evaluation ended. */
export const OUTCOMES = ["understood", "disagreement_kept"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The default scale's level codes (their names and meanings are messages in every language). */
export const DEFAULT_LEVEL_CODES = ["needs_improvement", "meets", "exceeds", "outstanding"] as const;
