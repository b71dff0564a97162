import { QUIZ_OPTIONS_MAX, QUIZ_QUESTIONS_MAX, type QuizQuestionKind } from "@/lib/capability/vocabulary";
import { prng } from "@/lib/core/prng";

/**
 * Quiz rules (pure, issue 11 point 3): what a valid quiz is, the per-attempt shuffle, scoring, and
 * attempt limits. lib/capability/quizzes.ts applies them on the server.
 */

export const QUIZ_TEXT_MAX = 500;
export const OPTION_TEXT_MAX = 300;
export const OPTIONS_MIN = 2;

export type QuizInput = {
  passMark: number;
  maxAttempts: number;
  questions: { kind: QuizQuestionKind; text: string; options: { text: string; correct: boolean }[] }[];
};

/**
 * The problems of a quiz as field errors ("errors.*" keys): the pass mark outside 1–100, a negative
 * or too large attempt limit, no questions, and per question (`questions.<i>`) missing text, fewer
 * than two options or an empty one, no correct answer, or more than one for a single-choice question.
 */
export function quizProblems(input: QuizInput, maxAttemptsCap: number): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Number.isInteger(input.passMark) || input.passMark < 1 || input.passMark > 100) errors.passMark = "quiz.passMarkRange";
  if (!Number.isInteger(input.maxAttempts) || input.maxAttempts < 0 || input.maxAttempts > maxAttemptsCap) errors.maxAttempts = "quiz.maxAttemptsRange";
  if (input.questions.length === 0) errors.questions = "quiz.noQuestions";
  else if (input.questions.length > QUIZ_QUESTIONS_MAX) errors.questions = "quiz.tooManyQuestions";
  input.questions.forEach((q, i) => {
    const field = `questions.${i}`;
    const correct = q.options.filter((o) => o.correct).length;
    if (!q.text.trim()) errors[field] = "quiz.questionText";
    else if (q.text.length > QUIZ_TEXT_MAX || q.options.some((o) => o.text.length > OPTION_TEXT_MAX)) errors[field] = "quiz.textTooLong";
    else if (q.options.length < OPTIONS_MIN || q.options.length > QUIZ_OPTIONS_MAX) errors[field] = "quiz.optionsCount";
    else if (q.options.some((o) => !o.text.trim())) errors[field] = "quiz.optionText";
    else if (correct === 0) errors[field] = "quiz.noCorrect";
    else if (q.kind === "single" && correct > 1) errors[field] = "quiz.singleOneCorrect";
  });
  return errors;
}

/** Fisher–Yates with a given random source; returns a new array. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The seed of one attempt's order: the same for the same person, course, attempt number and quiz
 * revision, so the page keeps its order when it re-renders mid-attempt (a notification arriving
 * refreshes it) and a reload does not reshuffle what the person has half answered; the next attempt,
 * or an edited quiz, gets a new order. (FNV-1a over the four numbers; 1..2^31-1.)
 */
export function attemptSeed(personId: number, courseId: number, attempt: number, revision: number): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${personId}:${courseId}:${attempt}:${revision}`)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 0x7fffffff) + 1;
}

/**
 * The order one attempt shows: questions and each question's options shuffled by `seed`. The page
 * renders it and the attempt stores it; the same seed always gives the same order (so the server
 * can store the order that was shown without trusting the browser for anything but the seed).
 */
export function shuffleQuiz<Q extends { options: readonly unknown[] }>(questions: readonly Q[], seed: number): (Omit<Q, "options"> & { options: Q["options"][number][] })[] {
  const random = prng(seed);
  return shuffled(questions, random).map((q) => ({ ...q, options: shuffled(q.options, random) }));
}

export type ScoredQuestion = { questionId: number; right: boolean };

/**
 * Scores answers: each question is worth one point, all-or-nothing (the chosen options are exactly
 * the correct ones: a multiple-choice question with one correct option missed, or one wrong option
 * added, scores nothing). Score in percent, rounded down; passed when it reaches the pass mark.
 */
export function scoreAnswers(
  questions: readonly { id: number; options: readonly { id: number; correct: boolean }[] }[],
  chosen: ReadonlyMap<number, readonly number[]>,
  passMark: number,
): { score: number; passed: boolean; perQuestion: ScoredQuestion[] } {
  const perQuestion = questions.map((q) => {
    const picked = new Set(chosen.get(q.id) ?? []);
    const right = q.options.length > 0 && q.options.every((o) => o.correct === picked.has(o.id)) && picked.size === q.options.filter((o) => picked.has(o.id)).length;
    return { questionId: q.id, right };
  });
  const points = perQuestion.filter((q) => q.right).length;
  const score = questions.length ? Math.floor((points * 100) / questions.length) : 0;
  return { score, passed: score >= passMark, perQuestion };
}

/** Attempts left: null = unlimited (maxAttempts 0); never below 0. */
export function attemptsLeft(maxAttempts: number, used: number): number | null {
  if (maxAttempts === 0) return null;
  return Math.max(0, maxAttempts - used);
}

/** Whether one more attempt is allowed. */
export function mayAttempt(maxAttempts: number, used: number): boolean {
  const left = attemptsLeft(maxAttempts, used);
  return left === null || left > 0;
}
