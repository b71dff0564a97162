import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { capabilityEvidence, courseCapabilities, courses, people, quizAttempts, quizOptions, quizQuestions, quizzes } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { mayEditCourse } from "@/lib/auth/capability-policy";
import { authorize, outOfScope } from "@/lib/auth/policy";
import { closeTrainingFor } from "@/lib/capability/close";
import { attemptsLeft, mayAttempt, attemptSeed, quizProblems, scoreAnswers, shuffleQuiz, type QuizInput } from "@/lib/capability/quiz-rules";
import { canonicalKeys, capabilityRecords } from "@/lib/capability/records";
import { validUntil } from "@/lib/capability/validity";
import { QUIZ_ATTEMPTS_MAX, type QuizQuestionKind } from "@/lib/capability/vocabulary";
import { todayIso } from "@/lib/core/dates";
import { ActionError, ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import type { Tx } from "@/lib/roles/documents";

/**
 * Quizzes (issue 11, point 3): the editor (whoever `mayEditCourse`), taking one (everyone with
 * quizzes.take, only for themself), and the result. Correct flags leave the server only in the
 * editor; an attempt is scored here and stored as submitted. Passing adds `quiz` evidence for every
 * capability the course builds and closes the training that stood for it.
 */

type Db = Pick<Tx, "select">;

export type EditableQuestion = { id: number; kind: QuizQuestionKind; text: string; options: { id: number; text: string; correct: boolean }[] };

/** A course's questions with their options, in their editor order (two queries). */
function questionsOf(db: Db, courseId: number): EditableQuestion[] {
  const qs = db.select().from(quizQuestions).where(eq(quizQuestions.courseId, courseId)).orderBy(asc(quizQuestions.position), asc(quizQuestions.id)).all();
  if (qs.length === 0) return [];
  const opts = db
    .select()
    .from(quizOptions)
    .where(
      inArray(
        quizOptions.questionId,
        qs.map((q) => q.id),
      ),
    )
    .orderBy(asc(quizOptions.position), asc(quizOptions.id))
    .all();
  return qs.map((q) => ({
    id: q.id,
    kind: q.kind,
    text: q.text,
    options: opts.filter((o) => o.questionId === q.id).map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
  }));
}

function courseRow(db: Db, courseId: number) {
  return db.select({ id: courses.id, title: courses.title, authorId: courses.authorId }).from(courses).where(eq(courses.id, courseId)).get();
}

// ---------- The editor ----------

export type QuizForEdit = {
  course: { id: number; title: string };
  /** null: the course has no quiz yet (saving creates it). */
  quiz: { passMark: number; maxAttempts: number; revision: number; questions: EditableQuestion[] } | null;
  attemptsMax: number;
};

/** The quiz of a course for its editor, correct answers included: only for whoever may edit the course. */
export function quizForEdit(actor: Actor, courseId: number): QuizForEdit {
  authorize(actor, "courses.write", { type: "course", id: courseId });
  const db = getDb();
  const course = courseRow(db, courseId);
  if (!course) throw new NotFoundError("course");
  if (!mayEditCourse(actor, course)) throw outOfScope(actor, { type: "course", id: courseId }, "mayEditCourse");
  const quiz = db.select().from(quizzes).where(eq(quizzes.courseId, courseId)).get();
  return {
    course: { id: course.id, title: course.title },
    quiz: quiz ? { passMark: quiz.passMark, maxAttempts: quiz.maxAttempts, revision: quiz.revision, questions: questionsOf(db, courseId) } : null,
    attemptsMax: QUIZ_ATTEMPTS_MAX,
  };
}

/**
 * Saves a course's quiz (creates it, or replaces its questions and options): refused with messages
 * next to the fields for a pass mark outside 1–100, an attempt limit out of range, a question
 * without a correct answer or a single-choice one with more than one. `revision` is the quiz's
 * revision the editor loaded (0 when it had none): a stale one is a conflict. Past attempts keep
 * their own snapshot, so replacing questions never changes a result.
 */
export function saveQuiz(actor: Actor, courseId: number, revision: number, input: QuizInput): { revision: number } {
  authorize(actor, "courses.write", { type: "course", id: courseId });
  const db = getDb();
  const course = courseRow(db, courseId);
  if (!course) throw new NotFoundError("course");
  if (!mayEditCourse(actor, course)) throw outOfScope(actor, { type: "course", id: courseId }, "mayEditCourse");
  const clean: QuizInput = {
    passMark: input.passMark,
    maxAttempts: input.maxAttempts,
    questions: input.questions.map((q) => ({ kind: q.kind, text: q.text.trim(), options: q.options.map((o) => ({ text: o.text.trim(), correct: o.correct })) })),
  };
  const problems = quizProblems(clean, QUIZ_ATTEMPTS_MAX);
  if (Object.keys(problems).length) throw new FieldError(problems, problems.maxAttempts ? { maxAttempts: { max: QUIZ_ATTEMPTS_MAX } } : {});
  const now = new Date().toISOString();
  return db.transaction((tx) => {
    const current = tx.select({ revision: quizzes.revision }).from(quizzes).where(eq(quizzes.courseId, courseId)).get();
    if ((current?.revision ?? 0) !== revision) throw new ConflictError();
    const next = revision + 1;
    if (current) {
      tx.update(quizzes).set({ passMark: clean.passMark, maxAttempts: clean.maxAttempts, revision: next, updatedAt: now }).where(eq(quizzes.courseId, courseId)).run();
      tx.delete(quizQuestions).where(eq(quizQuestions.courseId, courseId)).run();
    } else {
      tx.insert(quizzes).values({ courseId, passMark: clean.passMark, maxAttempts: clean.maxAttempts, revision: next, updatedAt: now }).run();
    }
    const ids = tx
      .insert(quizQuestions)
      .values(clean.questions.map((q, i) => ({ courseId, position: i + 1, kind: q.kind, text: q.text })))
      .returning({ id: quizQuestions.id })
      .all();
    tx.insert(quizOptions)
      .values(clean.questions.flatMap((q, i) => q.options.map((o, j) => ({ questionId: ids[i]!.id, position: j + 1, text: o.text, correct: o.correct }))))
      .run();
    return { revision: next };
  });
}

// ---------- Taking a quiz ----------

export type QuizToTake = {
  course: { id: number; title: string };
  passMark: number;
  maxAttempts: number;
  revision: number;
  used: number;
  /** null = unlimited. */
  left: number | null;
  mayAttempt: boolean;
  mayEdit: boolean;
  /** The seed of this attempt's order (sent back with the answers). */
  seed: number;
  /** Shuffled for this attempt; no correct flags. */
  questions: { id: number; kind: QuizQuestionKind; text: string; options: { id: number; text: string }[] }[];
  /** My latest attempts, newest first (at most 5). */
  recent: { id: number; score: number; passed: boolean; submittedAt: string }[];
};

/**
 * The quiz to take now, questions and options shuffled for this attempt (by `attemptSeed` unless a
 * seed is given: the same order until the attempt is submitted), without correct answers.
 */
export function quizToTake(actor: Actor, courseId: number, seed?: number): QuizToTake {
  authorize(actor, "quizzes.take", { type: "course", id: courseId });
  const db = getDb();
  const course = courseRow(db, courseId);
  const quiz = course ? db.select().from(quizzes).where(eq(quizzes.courseId, courseId)).get() : undefined;
  if (!course || !quiz) throw new NotFoundError("quiz");
  const used = db
    .select({ n: count() })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.personId, actor.id), eq(quizAttempts.courseId, courseId)))
    .get()!.n;
  const recent = db
    .select({ id: quizAttempts.id, score: quizAttempts.score, passed: quizAttempts.passed, submittedAt: quizAttempts.submittedAt })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.personId, actor.id), eq(quizAttempts.courseId, courseId)))
    .orderBy(desc(quizAttempts.submittedAt), desc(quizAttempts.id))
    .limit(5)
    .all();
  const order = seed ?? attemptSeed(actor.id, courseId, used + 1, quiz.revision);
  const questions = shuffleQuiz(questionsOf(db, courseId), order).map((q) => ({
    id: q.id,
    kind: q.kind,
    text: q.text,
    options: q.options.map((o) => ({ id: o.id, text: o.text })),
  }));
  return {
    course: { id: course.id, title: course.title },
    passMark: quiz.passMark,
    maxAttempts: quiz.maxAttempts,
    revision: quiz.revision,
    used,
    left: attemptsLeft(quiz.maxAttempts, used),
    mayAttempt: mayAttempt(quiz.maxAttempts, used),
    mayEdit: mayEditCourse(actor, course),
    seed: order,
    questions,
    recent,
  };
}

/** What an attempt stores (quiz_attempts.answers): the questions as shown, with choices and correctness. */
export type AttemptSnapshot = {
  seed: number;
  questions: { id: number; kind: QuizQuestionKind; text: string; right: boolean; options: { id: number; text: string; correct: boolean; chosen: boolean }[] }[];
};

export type AttemptInput = {
  courseId: number;
  /** Whose attempt it is: only the actor themself. */
  personId: number;
  /** The quiz revision the person answered. */
  revision: number;
  seed: number;
  /** question id → chosen option ids. */
  answers: ReadonlyMap<number, readonly number[]>;
};

/**
 * Scores and stores one attempt, as submitted: refused for anyone but oneself, beyond the attempt
 * limit, for a quiz changed since it was shown (conflict), and with a message next to each question
 * left unanswered (nothing written). A pass adds `quiz` evidence for every capability the course
 * builds (from today, valid as long as the capability's validity), closes the training that stood
 * for them, and audits `evidence.added`.
 */
export function submitQuizAttempt(actor: Actor, input: AttemptInput): { attemptId: number; score: number; passed: boolean } {
  authorize(actor, "quizzes.take", { type: "course", id: input.courseId });
  const db = getDb();
  if (input.personId !== actor.id) {
    const exists = db.select({ id: people.id }).from(people).where(eq(people.id, input.personId)).get();
    throw exists ? outOfScope(actor, { type: "person", id: input.personId }, "ownAttempt") : new NotFoundError("person");
  }
  const today = todayIso();
  const now = new Date().toISOString();
  return db.transaction((tx) => {
    const course = courseRow(tx, input.courseId);
    const quiz = course ? tx.select().from(quizzes).where(eq(quizzes.courseId, input.courseId)).get() : undefined;
    if (!course || !quiz) throw new NotFoundError("quiz");
    if (quiz.revision !== input.revision) throw new ConflictError();
    const used = tx
      .select({ n: count() })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.personId, actor.id), eq(quizAttempts.courseId, input.courseId)))
      .get()!.n;
    if (!mayAttempt(quiz.maxAttempts, used)) throw new ActionError("quiz.noAttemptsLeft", { max: quiz.maxAttempts });

    const shown = shuffleQuiz(questionsOf(tx, input.courseId), input.seed);
    const errors: Record<string, string> = {};
    for (const q of shown) {
      const chosen = input.answers.get(q.id) ?? [];
      const own = new Set(q.options.map((o) => o.id));
      if (chosen.length === 0) errors[`q${q.id}`] = "quiz.answerEvery";
      else if (chosen.some((id) => !own.has(id)) || new Set(chosen).size !== chosen.length || (q.kind === "single" && chosen.length > 1)) errors[`q${q.id}`] = "invalid";
    }
    if (Object.keys(errors).length) throw new FieldError(errors);

    const result = scoreAnswers(shown, input.answers, quiz.passMark);
    const rightOf = new Map(result.perQuestion.map((p) => [p.questionId, p.right]));
    const snapshot: AttemptSnapshot = {
      seed: input.seed,
      questions: shown.map((q) => {
        const chosen = new Set(input.answers.get(q.id) ?? []);
        return { id: q.id, kind: q.kind, text: q.text, right: rightOf.get(q.id) ?? false, options: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, chosen: chosen.has(o.id) })) };
      }),
    };
    const attemptId = tx
      .insert(quizAttempts)
      .values({ courseId: input.courseId, personId: actor.id, answers: JSON.stringify(snapshot), score: result.score, passMark: quiz.passMark, passed: result.passed, submittedAt: now })
      .returning({ id: quizAttempts.id })
      .get().id;

    if (result.passed) {
      const linked = tx.select({ key: courseCapabilities.capabilityKey }).from(courseCapabilities).where(eq(courseCapabilities.courseId, input.courseId)).all();
      const keys = [...new Set(canonicalKeys(linked.map((l) => l.key), tx).values())];
      const records = capabilityRecords(keys, tx);
      const held = keys.filter((k) => records.has(k));
      if (held.length) {
        tx.insert(capabilityEvidence)
          .values(
            held.map((key) => ({
              personId: actor.id,
              capabilityKey: key,
              kind: "quiz" as const,
              attemptId,
              validFrom: today,
              validUntil: validUntil(today, records.get(key)!.validityMonths),
              createdById: actor.id,
              createdAt: now,
            })),
          )
          .run();
      }
      for (const key of held) {
        audit(
          {
            actorId: actor.id,
            action: "evidence.added",
            entityType: "person",
            entityId: actor.id,
            detail: { title: records.get(key)!.name, capability: key, kind: "quiz", course: course.title, attemptId },
          },
          tx,
        );
      }
      closeTrainingFor(tx, { personId: actor.id, capabilityKeys: held, courseId: input.courseId, actorId: actor.id, now });
    }
    return { attemptId, score: result.score, passed: result.passed };
  });
}

// ---------- The result ----------

export type AttemptResult = {
  id: number;
  course: { id: number; title: string };
  score: number;
  passMark: number;
  passed: boolean;
  submittedAt: string;
  /** Attempts left now (null = unlimited). */
  left: number | null;
  /** Per question as shown: right or wrong, and what I chose (the correct answers are not shown). */
  questions: { id: number; text: string; right: boolean; chosen: string[] }[];
  /** The capabilities this attempt gave evidence for, with the last valid day (null = no expiry). */
  evidence: { name: string; validUntil: string | null }[];
};

/** One of my own attempts at a course's quiz (anyone else's is "not found"). */
export function quizAttemptResult(actor: Actor, courseId: number, attemptId: number): AttemptResult {
  authorize(actor, "quizzes.take", { type: "quiz_attempt", id: attemptId });
  const db = getDb();
  const row = db
    .select({ a: quizAttempts, title: courses.title })
    .from(quizAttempts)
    .innerJoin(courses, eq(courses.id, quizAttempts.courseId))
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.courseId, courseId)))
    .get();
  if (!row) throw new NotFoundError("quiz_attempt");
  if (row.a.personId !== actor.id) throw outOfScope(actor, { type: "quiz_attempt", id: attemptId }, "ownAttempt");
  const quiz = db.select({ maxAttempts: quizzes.maxAttempts }).from(quizzes).where(eq(quizzes.courseId, courseId)).get();
  const used = db
    .select({ n: count() })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.personId, actor.id), eq(quizAttempts.courseId, courseId)))
    .get()!.n;
  const snapshot = JSON.parse(row.a.answers) as AttemptSnapshot;
  const evidence = db
    .select({ key: capabilityEvidence.capabilityKey, validUntil: capabilityEvidence.validUntil })
    .from(capabilityEvidence)
    .where(eq(capabilityEvidence.attemptId, attemptId))
    .all();
  const records = capabilityRecords(
    evidence.map((e) => e.key),
    db,
  );
  return {
    id: row.a.id,
    course: { id: courseId, title: row.title },
    score: row.a.score,
    passMark: row.a.passMark,
    passed: row.a.passed,
    submittedAt: row.a.submittedAt,
    left: quiz ? attemptsLeft(quiz.maxAttempts, used) : 0,
    questions: snapshot.questions.map((q) => ({ id: q.id, text: q.text, right: q.right, chosen: q.options.filter((o) => o.chosen).map((o) => o.text) })),
    evidence: evidence.map((e) => ({ name: records.get(e.key)?.name ?? e.key, validUntil: e.validUntil })),
  };
}
