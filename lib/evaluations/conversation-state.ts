import type { EvaluationStatus, Outcome } from "./vocabulary";

/**
 * The state machine after release (lib/evaluations/vocabulary.ts), pure: what each step does to an
 * evaluation's status. No imports beyond the vocabulary, so pages and tests can use it too.
 *
 *   released → closed (understood) | questioned | disagreed
 *   questioned | disagreed → answered (the author replied)
 *   answered → closed (understood) | questioned | disagreed | escalated (a disagreement kept)
 *   escalated → closed (reviewed; outcome disagreement_kept)
 */

export const ANSWERS = ["understood", "question", "disagree"] as const;
export type Answer = (typeof ANSWERS)[number];

/** The employee may answer now (the ball is in their court). */
export const ANSWERABLE: readonly EvaluationStatus[] = ["released", "answered"];
/** Waiting for the author's reply. */
export const AWAITING_REPLY: readonly EvaluationStatus[] = ["questioned", "disagreed"];

export type Step = { status: EvaluationStatus; outcome: Outcome | null; escalates: boolean };

/**
 * The employee's answer. `disagreedBefore`: the employee disagreed earlier in this evaluation, so
 * disagreeing again after the author's reply keeps the disagreement (it goes to review).
 * Null when the evaluation is not waiting for the employee.
 */
export function afterAnswer(status: EvaluationStatus, answer: Answer, disagreedBefore: boolean): Step | null {
  if (!ANSWERABLE.includes(status)) return null;
  if (answer === "understood") return { status: "closed", outcome: "understood", escalates: false };
  if (answer === "question") return { status: "questioned", outcome: null, escalates: false };
  if (status === "answered" && disagreedBefore) return { status: "escalated", outcome: null, escalates: true };
  return { status: "disagreed", outcome: null, escalates: false };
}

/** The author's reply to a question or disagreement; null when nothing is waiting for one. */
export function afterReply(status: EvaluationStatus): Step | null {
  return AWAITING_REPLY.includes(status) ? { status: "answered", outcome: null, escalates: false } : null;
}

/** The review of a kept disagreement; null unless one is waiting. */
export function afterReview(status: EvaluationStatus): Step | null {
  return status === "escalated" ? { status: "closed", outcome: "disagreement_kept", escalates: false } : null;
}

/** Addenda may follow release at any point (they never change the status). */
export function acceptsAddendum(status: EvaluationStatus): boolean {
  return status !== "draft" && status !== "self_assessment";
}
