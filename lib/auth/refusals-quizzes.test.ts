import { beforeAll, expect } from "vitest";
import { getDb } from "@/db/client";
import { courses, quizAttempts } from "@/db/schema";
import { quizAttemptResult, quizForEdit, quizToTake, saveQuiz, submitQuizAttempt } from "@/lib/capability/quizzes";
import type { QuizInput } from "@/lib/capability/quiz-rules";
import { ActionError } from "@/lib/core/errors";
import { useSeededTestDb } from "@/lib/test/db";
import { actorOf, EMP, forbidden, HR, idOf, MGR, NORA, notFound, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** Quizzes (issue 11, point 3): the editor, taking one, the result (the harness is lib/test/refusals.ts). */

const ids = { hrCourse: 0, mgrCourse: 0, elifAttempt: 0, noraAttempt: 0 };

const quiz = (passMark = 60, maxAttempts = 1): QuizInput => ({
  passMark,
  maxAttempts,
  questions: [
    { kind: "single", text: "Which?", options: [{ text: "This one", correct: true }, { text: "That one", correct: false }] },
    { kind: "multiple", text: "Which ones?", options: [{ text: "A", correct: true }, { text: "B", correct: true }, { text: "C", correct: false }] },
  ],
});

/** Right answers for a course's quiz, read through HR's editor. */
const answersFor = (courseId: number, right = true) =>
  new Map(quizForEdit(actorOf(HR), courseId).quiz!.questions.map((q) => [q.id, q.options.filter((o) => o.correct === right).slice(0, q.kind === "single" || !right ? 1 : 9).map((o) => o.id)]));

beforeAll(async () => {
  await useSeededTestDb();
  const db = getDb();
  const now = new Date().toISOString();
  const course = (title: string, email: string) =>
    db
      .insert(courses)
      .values({ title, kind: "technical", estimatedMinutes: 20, authorId: idOf(email), createdAt: now, updatedAt: now })
      .returning({ id: courses.id })
      .get().id;
  ids.hrCourse = course("HR's course (test)", HR);
  ids.mgrCourse = course("Marco's course (test)", MGR);
  saveQuiz(actorOf(HR), ids.hrCourse, 0, quiz());
  saveQuiz(actorOf(MGR), ids.mgrCourse, 0, quiz(60, 0));
  const elif = actorOf(EMP);
  ids.elifAttempt = submitQuizAttempt(elif, { courseId: ids.hrCourse, personId: elif.id, revision: 1, seed: 4, answers: answersFor(ids.hrCourse, false) }).attemptId;
  const nora = actorOf(NORA);
  ids.noraAttempt = submitQuizAttempt(nora, { courseId: ids.mgrCourse, personId: nora.id, revision: 1, seed: 4, answers: answersFor(ids.mgrCourse, false) }).attemptId;
}, SEED_TIMEOUT);

const COURSE = (id: () => number) => () => ({ type: "course", id: id() });
const hrCourse = () => ids.hrCourse;
const mgrCourse = () => ids.mgrCourse;
const NO_WRITE = [SUP, EMP, NORA, STRANGER];

const cases: RefusalCase[] = [
  ...forbidden("quizForEdit", NO_WRITE, (a) => quizForEdit(a, ids.mgrCourse), "courses.write", COURSE(mgrCourse)),
  ...forbidden("saveQuiz", NO_WRITE, (a) => saveQuiz(a, ids.mgrCourse, 1, quiz()), "courses.write", COURSE(mgrCourse)),
  notFound("quizForEdit: a manager may not open the quiz of a course they did not write", MGR, (a) => quizForEdit(a, ids.hrCourse), COURSE(hrCourse), "mayEditCourse"),
  notFound("saveQuiz: a manager may not change the quiz of a course they did not write", MGR, (a) => saveQuiz(a, ids.hrCourse, 1, quiz()), COURSE(hrCourse), "mayEditCourse"),
  notFound("quizForEdit: a course that does not exist", HR, (a) => quizForEdit(a, 999_999), null),
  {
    name: "saveQuiz: a pass mark outside 1–100 and a question without a correct answer are refused next to their fields",
    as: HR,
    call: (a) => {
      const bad = quiz(101);
      bad.questions[0]!.options[0]!.correct = false;
      return saveQuiz(a, ids.hrCourse, 1, bad);
    },
    expect: "field",
    fieldErrors: { passMark: "quiz.passMarkRange", "questions.0": "quiz.noCorrect" },
  },
  ...forbidden("quizToTake", [STRANGER], (a) => quizToTake(a, ids.hrCourse), "quizzes.take", COURSE(hrCourse)),
  ...forbidden(
    "submitQuizAttempt",
    [STRANGER],
    (a) => submitQuizAttempt(a, { courseId: ids.hrCourse, personId: a.id, revision: 1, seed: 1, answers: answersFor(ids.hrCourse) }),
    "quizzes.take",
    COURSE(hrCourse),
  ),
  notFound(
    "submitQuizAttempt: nobody submits an attempt for someone else (the manager for Elif)",
    MGR,
    (a) => submitQuizAttempt(a, { courseId: ids.mgrCourse, personId: idOf(EMP), revision: 1, seed: 1, answers: answersFor(ids.mgrCourse) }),
    () => ({ type: "person", id: idOf(EMP) }),
    "ownAttempt",
  ),
  {
    name: "submitQuizAttempt: beyond the attempt limit is refused, nothing written",
    as: EMP,
    call: (a) => {
      try {
        return submitQuizAttempt(a, { courseId: ids.hrCourse, personId: a.id, revision: 1, seed: 2, answers: answersFor(ids.hrCourse) });
      } catch (e) {
        return e;
      }
    },
    expect: (e: unknown) => {
      expect(e).toBeInstanceOf(ActionError);
      expect((e as ActionError).key).toBe("quiz.noAttemptsLeft");
    },
  },
  ...forbidden("quizAttemptResult", [STRANGER], (a) => quizAttemptResult(a, ids.hrCourse, ids.elifAttempt), "quizzes.take", () => ({ type: "quiz_attempt", id: ids.elifAttempt })),
  notFound(
    "quizAttemptResult: Elif's supervisor may not open her attempt",
    SUP,
    (a) => quizAttemptResult(a, ids.hrCourse, ids.elifAttempt),
    () => ({ type: "quiz_attempt", id: ids.elifAttempt }),
    "ownAttempt",
  ),
  notFound("quizAttemptResult: an attempt under another course is not found", EMP, (a) => quizAttemptResult(a, ids.mgrCourse, ids.elifAttempt), null),
  {
    name: "quizToTake: no correct answers leave the server",
    as: NORA,
    call: (a) => quizToTake(a, ids.mgrCourse, 3),
    expect: (q: ReturnType<typeof quizToTake>) => {
      expect(JSON.stringify(q)).not.toMatch(/correct/);
      expect(q.mayEdit).toBe(false);
    },
  },
  // Allowed calls last.
  {
    name: "quizAttemptResult: Nora reads her own attempt",
    as: NORA,
    call: (a) => quizAttemptResult(a, ids.mgrCourse, ids.noraAttempt),
    expect: (r: ReturnType<typeof quizAttemptResult>) => expect(r).toMatchObject({ passed: false, left: null }),
  },
  {
    name: "saveQuiz: Marco edits the quiz of his own course",
    as: MGR,
    call: (a) => saveQuiz(a, ids.mgrCourse, 1, quiz(70, 0)),
    expect: (r: { revision: number }) => expect(r.revision).toBe(2),
    changes: ["quiz_options", "quiz_questions", "quizzes", "sqlite_sequence"],
  },
  {
    name: "submitQuizAttempt: Nora submits her own attempt",
    as: NORA,
    call: (a) => submitQuizAttempt(a, { courseId: ids.mgrCourse, personId: a.id, revision: 2, seed: 5, answers: answersFor(ids.mgrCourse) }),
    expect: (r: { passed: boolean }) => {
      expect(r.passed).toBe(true);
      expect(getDb().select().from(quizAttempts).all().length).toBeGreaterThan(2);
    },
    changes: ["quiz_attempts", "sqlite_sequence"],
  },
];

refusals(cases);
