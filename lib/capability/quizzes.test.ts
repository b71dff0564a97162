import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, capabilities, capabilityEvidence, courseCapabilities, courses, onboardingItems, onboardings, quizAttempts, trainingAssignments } from "@/db/schema";
import { quizAttemptResult, quizForEdit, quizToTake, saveQuiz, submitQuizAttempt, type AttemptSnapshot } from "@/lib/capability/quizzes";
import { validUntil } from "@/lib/capability/validity";
import type { QuizInput } from "@/lib/capability/quiz-rules";
import { todayIso } from "@/lib/core/dates";
import { ActionError, ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

const HR = "hr@example.com";
const EMP = "employee@example.com";
const MGR = "manager@example.com";

let courseId = 0;
let capA = "";
let capB = "";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

const quiz = (): QuizInput => ({
  passMark: 50,
  maxAttempts: 2,
  questions: [
    { kind: "single", text: "Torque for wheel bolts?", options: [{ text: "Per specification", correct: true }, { text: "As tight as possible", correct: false }, { text: "Hand tight", correct: false }] },
    { kind: "multiple", text: "Which are consumables?", options: [{ text: "Pads", correct: true }, { text: "Fluid", correct: true }, { text: "Caliper bracket", correct: false }] },
  ],
});

/** The right options (by id) for every question of the course, read with the editor. */
function rightAnswers(): Map<number, number[]> {
  const q = quizForEdit(actorFor(HR), courseId).quiz!;
  return new Map(q.questions.map((x) => [x.id, x.options.filter((o) => o.correct).map((o) => o.id)]));
}
function wrongAnswers(): Map<number, number[]> {
  const q = quizForEdit(actorFor(HR), courseId).quiz!;
  return new Map(q.questions.map((x) => [x.id, [x.options.find((o) => !o.correct)!.id]]));
}

beforeAll(async () => {
  await useSeededTestDb();
  const db = getDb();
  const now = new Date().toISOString();
  courseId = db
    .insert(courses)
    .values({ title: "Wheel and brake basics (test)", kind: "technical", summary: "", content: "", estimatedMinutes: 30, authorId: actorFor(MGR).id, createdAt: now, updatedAt: now })
    .returning({ id: courses.id })
    .get().id;
  capA = "test-cap-a";
  capB = "test-cap-b";
  db.insert(capabilities)
    .values([
      { key: capA, name: "Test capability A", kind: "technical", validityMonths: 12, searchName: "test capability a", createdAt: now, updatedAt: now },
      { key: capB, name: "Test capability B", kind: "technical", validityMonths: null, searchName: "test capability b", createdAt: now, updatedAt: now },
    ])
    .run();
  db.insert(courseCapabilities).values([{ courseId, capabilityKey: capA }, { courseId, capabilityKey: capB }]).run();
}, 120_000);

describe("saving a quiz", () => {
  it("refuses a question without a correct answer and a pass mark outside 1–100, next to the fields, writing nothing", () => {
    const bad = quiz();
    bad.passMark = 0;
    bad.questions[1]!.options.forEach((o) => (o.correct = false));
    const e = thrown(() => saveQuiz(actorFor(MGR), courseId, 0, bad));
    expect(e).toBeInstanceOf(FieldError);
    expect((e as FieldError).fieldErrors).toEqual({ passMark: "quiz.passMarkRange", "questions.1": "quiz.noCorrect" });
    expect(quizForEdit(actorFor(MGR), courseId).quiz).toBeNull();
  });
  it("refuses a single-choice question with two correct answers", () => {
    const bad = quiz();
    bad.questions[0]!.options[1]!.correct = true;
    const e = thrown(() => saveQuiz(actorFor(MGR), courseId, 0, bad)) as FieldError;
    expect(e.fieldErrors).toEqual({ "questions.0": "quiz.singleOneCorrect" });
  });
  it("the course's author saves it; a stale revision is a conflict", () => {
    expect(saveQuiz(actorFor(MGR), courseId, 0, quiz())).toEqual({ revision: 1 });
    expect(thrown(() => saveQuiz(actorFor(MGR), courseId, 0, quiz()))).toBeInstanceOf(ConflictError);
    const q = quizForEdit(actorFor(MGR), courseId).quiz!;
    expect(q.passMark).toBe(50);
    expect(q.maxAttempts).toBe(2);
    expect(q.questions.map((x) => x.options.filter((o) => o.correct).length)).toEqual([1, 2]);
  });
});

describe("taking a quiz", () => {
  it("sends no correct flags and shuffles by the attempt's seed", () => {
    const a = quizToTake(actorFor(EMP), courseId, 11);
    expect(JSON.stringify(a.questions)).not.toContain("correct");
    expect(a.left).toBe(2);
    expect(a.mayAttempt).toBe(true);
    expect(quizToTake(actorFor(EMP), courseId, 11).questions).toEqual(a.questions);
    const orders = new Set([1, 2, 3, 4, 5, 6].map((s) => JSON.stringify(quizToTake(actorFor(EMP), courseId, s).questions.map((q) => [q.id, q.options.map((o) => o.id)]))));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("keeps one order while an attempt is open (a re-render does not reshuffle it) and a new one for the next attempt", () => {
    const manager = actorFor(MGR);
    const first = quizToTake(manager, courseId);
    const again = quizToTake(manager, courseId);
    expect(again.seed).toBe(first.seed);
    expect(again.questions).toEqual(first.questions);
    expect(quizToTake(actorFor(EMP), courseId).seed).not.toBe(first.seed);
    submitQuizAttempt(manager, { courseId, personId: manager.id, revision: first.revision, seed: first.seed, answers: wrongAnswers() });
    expect(quizToTake(manager, courseId).seed).not.toBe(first.seed);
  });

  it("refuses an attempt for someone else, writing nothing", () => {
    const elif = actorFor(EMP);
    const before = getDb().select().from(quizAttempts).all().length;
    const e = thrown(() => submitQuizAttempt(actorFor(MGR), { courseId, personId: elif.id, revision: 1, seed: 3, answers: rightAnswers() }));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(getDb().select().from(quizAttempts).all()).toHaveLength(before);
  });

  it("refuses unanswered questions next to them", () => {
    const elif = actorFor(EMP);
    const answers = rightAnswers();
    const [first] = [...answers.keys()];
    answers.delete(first!);
    const e = thrown(() => submitQuizAttempt(elif, { courseId, personId: elif.id, revision: 1, seed: 3, answers })) as FieldError;
    expect(e.fieldErrors).toEqual({ [`q${first}`]: "quiz.answerEvery" });
  });

  it("a failed attempt is stored as submitted, with no evidence", () => {
    const elif = actorFor(EMP);
    const r = submitQuizAttempt(elif, { courseId, personId: elif.id, revision: 1, seed: 5, answers: wrongAnswers() });
    expect(r).toMatchObject({ score: 0, passed: false });
    const row = getDb().select().from(quizAttempts).where(eq(quizAttempts.id, r.attemptId)).get()!;
    const snap = JSON.parse(row.answers) as AttemptSnapshot;
    expect(snap.seed).toBe(5);
    expect(snap.questions.map((q) => q.right)).toEqual([false, false]);
    expect(snap.questions.flatMap((q) => q.options.filter((o) => o.chosen))).toHaveLength(2);
    expect(getDb().select().from(capabilityEvidence).where(eq(capabilityEvidence.attemptId, r.attemptId)).all()).toEqual([]);
    const result = quizAttemptResult(elif, courseId, r.attemptId);
    expect(result).toMatchObject({ score: 0, passed: false, left: 1 });
    expect(result.questions.map((q) => q.right)).toEqual([false, false]);
  });

  it("a pass adds quiz evidence for each capability the course builds and closes the open training (and its onboarding item)", () => {
    const elif = actorFor(EMP);
    const db = getDb();
    const now = new Date().toISOString();
    const plan = db.select({ id: onboardings.id }).from(onboardings).limit(1).get()!.id;
    const itemId = db
      .insert(onboardingItems)
      .values({ onboardingId: plan, assignee: "hire", title: "Complete the course", dueDay: 5, dueDate: todayIso(), position: 99 })
      .returning({ id: onboardingItems.id })
      .get().id;
    const assignment = db
      .insert(trainingAssignments)
      .values({ personId: elif.id, courseId, capabilityKey: capA, dueDate: todayIso(), onboardingItemId: itemId, createdAt: now })
      .returning({ id: trainingAssignments.id })
      .get().id;
    const r = submitQuizAttempt(elif, { courseId, personId: elif.id, revision: 1, seed: 8, answers: rightAnswers() });
    expect(r).toMatchObject({ score: 100, passed: true });
    const today = todayIso();
    const evidence = db.select().from(capabilityEvidence).where(eq(capabilityEvidence.attemptId, r.attemptId)).all();
    expect(evidence.map((e) => [e.capabilityKey, e.kind, e.personId, e.validFrom, e.validUntil]).sort()).toEqual(
      [
        [capA, "quiz", elif.id, today, validUntil(today, 12)],
        [capB, "quiz", elif.id, today, null],
      ].sort(),
    );
    expect(db.select().from(trainingAssignments).where(eq(trainingAssignments.id, assignment)).get()!.status).toBe("done");
    expect(db.select().from(onboardingItems).where(eq(onboardingItems.id, itemId)).get()!.doneAt).not.toBeNull();
    const audits = db.select().from(auditLog).where(and(eq(auditLog.action, "evidence.added"), eq(auditLog.entityId, String(elif.id)))).all();
    expect(audits.map((a) => (JSON.parse(a.detail) as { capability: string }).capability).sort()).toEqual([capA, capB]);
    expect(quizAttemptResult(elif, courseId, r.attemptId)).toMatchObject({ passed: true, left: 0, evidence: expect.arrayContaining([{ name: "Test capability B", validUntil: null }]) });
  });

  it("refuses an attempt beyond the limit, writing nothing", () => {
    const elif = actorFor(EMP);
    expect(quizToTake(elif, courseId, 1)).toMatchObject({ used: 2, left: 0, mayAttempt: false });
    const before = getDb().select().from(quizAttempts).all().length;
    const e = thrown(() => submitQuizAttempt(elif, { courseId, personId: elif.id, revision: 1, seed: 9, answers: rightAnswers() }));
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).key).toBe("quiz.noAttemptsLeft");
    expect(getDb().select().from(quizAttempts).all()).toHaveLength(before);
  });

  it("a quiz changed since it was shown is a conflict", () => {
    const hr = actorFor(HR);
    saveQuiz(hr, courseId, 1, { ...quiz(), maxAttempts: 0 });
    const e = thrown(() => submitQuizAttempt(hr, { courseId, personId: hr.id, revision: 1, seed: 9, answers: rightAnswers() }));
    expect(e).toBeInstanceOf(ConflictError);
    expect(submitQuizAttempt(hr, { courseId, personId: hr.id, revision: 2, seed: 9, answers: rightAnswers() }).passed).toBe(true);
  });

  it("someone else's result is not found", () => {
    const elifAttempt = getDb().select({ id: quizAttempts.id }).from(quizAttempts).where(and(eq(quizAttempts.courseId, courseId), eq(quizAttempts.personId, actorFor(EMP).id))).get()!.id;
    expect(thrown(() => quizAttemptResult(actorFor(MGR), courseId, elifAttempt))).toBeInstanceOf(NotFoundError);
  });
});

describe("the demo quizzes", () => {
  it("the brake quiz exists with past attempts: one failed, one passed with evidence", () => {
    const brake = getDb().select({ id: courses.id }).from(courses).where(eq(courses.title, "Brake system diagnosis")).get()!.id;
    const attempts = getDb().select().from(quizAttempts).where(eq(quizAttempts.courseId, brake)).all();
    expect(attempts.map((a) => a.passed).sort()).toEqual([false, true]);
    const passed = attempts.find((a) => a.passed)!;
    expect(getDb().select().from(capabilityEvidence).where(eq(capabilityEvidence.attemptId, passed.id)).all().length).toBeGreaterThan(0);
    const q = quizToTake(actorFor(EMP), brake, 1);
    expect(q.questions.length).toBeGreaterThanOrEqual(4);
    expect(q.questions.length).toBeLessThanOrEqual(6);
  });
});
