import { describe, expect, it } from "vitest";
import { attemptSeed, attemptsLeft, mayAttempt, quizProblems, scoreAnswers, shuffleQuiz, type QuizInput } from "@/lib/capability/quiz-rules";

const valid = (): QuizInput => ({
  passMark: 80,
  maxAttempts: 3,
  questions: [
    { kind: "single", text: "Which fluid?", options: [{ text: "DOT 4", correct: true }, { text: "Water", correct: false }] },
    { kind: "multiple", text: "Which wear?", options: [{ text: "Pads", correct: true }, { text: "Discs", correct: true }, { text: "Badge", correct: false }] },
  ],
});

describe("quizProblems", () => {
  it("accepts a valid quiz", () => {
    expect(quizProblems(valid(), 20)).toEqual({});
  });
  it("refuses a pass mark outside 1–100 (0 and 101), accepts the bounds", () => {
    expect(quizProblems({ ...valid(), passMark: 0 }, 20)).toEqual({ passMark: "quiz.passMarkRange" });
    expect(quizProblems({ ...valid(), passMark: 101 }, 20)).toEqual({ passMark: "quiz.passMarkRange" });
    expect(quizProblems({ ...valid(), passMark: 1 }, 20)).toEqual({});
    expect(quizProblems({ ...valid(), passMark: 100 }, 20)).toEqual({});
  });
  it("refuses a negative or too large attempt limit; 0 (unlimited) is fine", () => {
    expect(quizProblems({ ...valid(), maxAttempts: -1 }, 20)).toEqual({ maxAttempts: "quiz.maxAttemptsRange" });
    expect(quizProblems({ ...valid(), maxAttempts: 21 }, 20)).toEqual({ maxAttempts: "quiz.maxAttemptsRange" });
    expect(quizProblems({ ...valid(), maxAttempts: 0 }, 20)).toEqual({});
  });
  it("refuses a question without a correct answer, next to that question", () => {
    const q = valid();
    q.questions[1]!.options.forEach((o) => (o.correct = false));
    expect(quizProblems(q, 20)).toEqual({ "questions.1": "quiz.noCorrect" });
  });
  it("refuses a single-choice question with more than one correct answer", () => {
    const q = valid();
    q.questions[0]!.options[1]!.correct = true;
    expect(quizProblems(q, 20)).toEqual({ "questions.0": "quiz.singleOneCorrect" });
    // The same options are fine on a multiple-choice question.
    q.questions[0]!.kind = "multiple";
    expect(quizProblems(q, 20)).toEqual({});
  });
  it("refuses no questions, an empty question, fewer than two options, an empty option", () => {
    expect(quizProblems({ ...valid(), questions: [] }, 20)).toEqual({ questions: "quiz.noQuestions" });
    const q = valid();
    q.questions[0]!.text = "  ";
    q.questions[1]!.options = [{ text: "Pads", correct: true }];
    expect(quizProblems(q, 20)).toEqual({ "questions.0": "quiz.questionText", "questions.1": "quiz.optionsCount" });
    const r = valid();
    r.questions[1]!.options[2]!.text = "";
    expect(quizProblems(r, 20)).toEqual({ "questions.1": "quiz.optionText" });
  });
});

describe("scoreAnswers", () => {
  const questions = [
    { id: 1, options: [{ id: 11, correct: true }, { id: 12, correct: false }] },
    { id: 2, options: [{ id: 21, correct: true }, { id: 22, correct: true }, { id: 23, correct: false }] },
    { id: 3, options: [{ id: 31, correct: false }, { id: 32, correct: true }] },
  ];
  it("all right is 100 and passes", () => {
    const r = scoreAnswers(questions, new Map([[1, [11]], [2, [21, 22]], [3, [32]]]), 100);
    expect(r).toEqual({ score: 100, passed: true, perQuestion: [{ questionId: 1, right: true }, { questionId: 2, right: true }, { questionId: 3, right: true }] });
  });
  it("multiple choice is all-or-nothing: one correct option missing scores nothing", () => {
    const r = scoreAnswers(questions, new Map([[1, [11]], [2, [21]], [3, [32]]]), 50);
    expect(r.perQuestion[1]).toEqual({ questionId: 2, right: false });
    expect(r.score).toBe(66);
    expect(r.passed).toBe(true);
  });
  it("multiple choice is all-or-nothing: a wrong option added scores nothing", () => {
    const r = scoreAnswers(questions, new Map([[1, [11]], [2, [21, 22, 23]], [3, [32]]]), 67);
    expect(r.perQuestion[1]!.right).toBe(false);
    expect(r.score).toBe(66);
    expect(r.passed).toBe(false);
  });
  it("an unanswered question or an option of another question is wrong", () => {
    const r = scoreAnswers(questions, new Map([[1, [11, 21]], [3, []]]), 1);
    expect(r.perQuestion.map((q) => q.right)).toEqual([false, false, false]);
    expect(r.score).toBe(0);
    expect(r.passed).toBe(false);
  });
  it("passes exactly at the pass mark", () => {
    const two = questions.slice(0, 2);
    expect(scoreAnswers(two, new Map([[1, [11]]]), 50)).toMatchObject({ score: 50, passed: true });
    expect(scoreAnswers(two, new Map([[1, [11]]]), 51)).toMatchObject({ score: 50, passed: false });
  });
});

describe("attemptSeed", () => {
  it("is the same for the same attempt and differs for the next attempt, another person, course or revision", () => {
    const seed = attemptSeed(7, 3, 1, 1);
    expect(attemptSeed(7, 3, 1, 1)).toBe(seed);
    const others = [attemptSeed(7, 3, 2, 1), attemptSeed(8, 3, 1, 1), attemptSeed(7, 4, 1, 1), attemptSeed(7, 3, 1, 2)];
    for (const other of others) expect(other).not.toBe(seed);
    for (const s of [seed, ...others]) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(0x7fffffff);
    }
  });
});

describe("shuffleQuiz", () => {
  const questions = Array.from({ length: 8 }, (_, i) => ({ id: i + 1, options: Array.from({ length: 5 }, (_, j) => ({ id: (i + 1) * 10 + j })) }));
  const order = (seed: number) => shuffleQuiz(questions, seed).map((q) => [q.id, q.options.map((o) => o.id)]);
  it("the same seed gives the same order", () => {
    expect(order(42)).toEqual(order(42));
  });
  it("keeps every question and every option (a permutation)", () => {
    const s = shuffleQuiz(questions, 7);
    expect(s.map((q) => q.id).sort((a, b) => a - b)).toEqual(questions.map((q) => q.id));
    for (const q of s) expect(q.options.map((o) => o.id).sort((a, b) => a - b)).toEqual(questions.find((x) => x.id === q.id)!.options.map((o) => o.id));
  });
  it("shuffles both questions and options, and different seeds give different orders", () => {
    const seeds = [1, 2, 3, 4, 5];
    const questionOrders = new Set(seeds.map((s) => JSON.stringify(shuffleQuiz(questions, s).map((q) => q.id))));
    expect(questionOrders.size).toBeGreaterThan(1);
    expect(seeds.some((s) => JSON.stringify(shuffleQuiz(questions, s).map((q) => q.id)) !== JSON.stringify(questions.map((q) => q.id)))).toBe(true);
    const optionOrders = new Set(seeds.map((s) => JSON.stringify(shuffleQuiz(questions, s).find((q) => q.id === 1)!.options.map((o) => o.id))));
    expect(optionOrders.size).toBeGreaterThan(1);
  });
  it("does not change the input", () => {
    const before = JSON.stringify(questions);
    shuffleQuiz(questions, 9);
    expect(JSON.stringify(questions)).toBe(before);
  });
});

describe("attempt limits", () => {
  it("0 is unlimited", () => {
    expect(attemptsLeft(0, 57)).toBeNull();
    expect(mayAttempt(0, 57)).toBe(true);
  });
  it("counts down and stops at the limit", () => {
    expect(attemptsLeft(3, 0)).toBe(3);
    expect(attemptsLeft(3, 2)).toBe(1);
    expect(mayAttempt(3, 2)).toBe(true);
    expect(attemptsLeft(3, 3)).toBe(0);
    expect(mayAttempt(3, 3)).toBe(false);
    expect(attemptsLeft(3, 5)).toBe(0);
    expect(mayAttempt(3, 5)).toBe(false);
  });
});
