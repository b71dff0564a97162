import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "./client";
import { capabilities, capabilityEvidence, courseCapabilities, courses, quizAttempts, quizOptions, quizQuestions, quizzes } from "./schema";
import { scoreAnswers, shuffleQuiz } from "../lib/capability/quiz-rules";
import { validUntil } from "../lib/capability/validity";
import type { QuizQuestionKind } from "../lib/capability/vocabulary";

/** Demo data for the capability tool (issue 11): quizzes. Filled in by its part of the work; runs in the order of db/seed-capability.ts. */

type SeedQuestion = { kind: QuizQuestionKind; text: string; options: [string, boolean][] };
type SeedQuiz = { course: string; passMark: number; maxAttempts: number; questions: SeedQuestion[] };

export const BRAKE_COURSE = "Brake system diagnosis";

const QUIZZES: SeedQuiz[] = [
  {
    course: BRAKE_COURSE,
    passMark: 80,
    maxAttempts: 3,
    questions: [
      {
        kind: "single",
        text: "A customer reports a spongy brake pedal that sinks slowly at a standstill. What do you check first?",
        options: [
          ["The master cylinder and the system for internal or external leaks", true],
          ["The thickness of the rear brake pads", false],
          ["The tyre pressures", false],
          ["The ABS warning light bulb", false],
        ],
      },
      {
        kind: "multiple",
        text: "Which findings mean a brake disc must be replaced? Choose all that apply.",
        options: [
          ["Thickness below the minimum stamped on the disc", true],
          ["Run-out above the manufacturer's limit after cleaning the hub", true],
          ["Light surface rust after the car stood for a weekend", false],
          ["Heat cracks reaching the edge of the friction surface", true],
        ],
      },
      {
        kind: "single",
        text: "How often does the brand's service schedule require brake fluid to be replaced?",
        options: [
          ["Every 2 years, whatever the mileage", true],
          ["Only when the fluid level is low", false],
          ["Every 100,000 km", false],
        ],
      },
      {
        kind: "single",
        text: "The car pulls to the left only while braking. Which cause is most likely?",
        options: [
          ["A seized caliper piston or slide pin on the right front wheel", true],
          ["Wheel alignment out of specification", false],
          ["A worn rear handbrake cable", false],
        ],
      },
      {
        kind: "multiple",
        text: "Before you road-test a car after brake work, what do you do? Choose all that apply.",
        options: [
          ["Pump the pedal until it is firm", true],
          ["Torque the wheel bolts to specification", true],
          ["Bed in new pads with a few moderate stops", true],
          ["Disconnect the ABS module to avoid fault codes", false],
        ],
      },
    ],
  },
  {
    course: "High-voltage vehicle safety",
    passMark: 100,
    maxAttempts: 0,
    questions: [
      {
        kind: "single",
        text: "Who may disconnect the high-voltage system of a hybrid or electric car?",
        options: [
          ["Only a technician with a valid HV qualification", true],
          ["Any technician wearing insulated gloves", false],
          ["The service advisor, when the workshop is busy", false],
        ],
      },
      {
        kind: "multiple",
        text: "Which steps belong to making the HV system safe? Choose all that apply.",
        options: [
          ["Switch off and secure the key away from the car", true],
          ["Remove the service disconnect and lock it out", true],
          ["Wait the manufacturer's discharge time, then prove zero voltage", true],
          ["Disconnect the 12 V battery only after working on the HV cables", false],
        ],
      },
      {
        kind: "single",
        text: "What colour are the high-voltage cables on the brand's vehicles?",
        options: [
          ["Orange", true],
          ["Red", false],
          ["Blue", false],
        ],
      },
      {
        kind: "single",
        text: "Before each use, what do you check on your insulated gloves?",
        options: [
          ["The test date and an air-inflation test for holes", true],
          ["Only that they are the right size", false],
          ["Nothing: they are tested yearly", false],
        ],
      },
      {
        kind: "single",
        text: "An electric car comes in after a crash with a damaged battery housing. What do you do?",
        options: [
          ["Park it outside in the quarantine bay and inform the foreman", true],
          ["Put it on the lift and start the diagnosis", false],
          ["Charge it to check whether the battery still works", false],
        ],
      },
    ],
  },
  {
    course: "Explaining an invoice",
    passMark: 75,
    maxAttempts: 3,
    questions: [
      {
        kind: "single",
        text: "A customer asks why the labour line shows 1.5 hours when the car was in the workshop for four. What do you say?",
        options: [
          ["Labour is charged at the manufacturer's standard time for the job, not the time the car stood here", true],
          ["The technician worked slowly, so you will take hours off", false],
          ["That is how the system calculates it; you cannot explain it", false],
        ],
      },
      {
        kind: "multiple",
        text: "Which lines can appear on a service invoice besides parts and labour? Choose all that apply.",
        options: [
          ["Environmental fee for waste oil and filters", true],
          ["Sundries such as cleaning materials", true],
          ["VAT", true],
          ["A fee for explaining the invoice", false],
        ],
      },
      {
        kind: "single",
        text: "The invoice is higher than the estimate the customer approved. What should have happened?",
        options: [
          ["The customer was called and agreed to the extra work before it was done", true],
          ["Nothing: estimates are only a guide", false],
          ["The workshop adds up to 20% without asking", false],
        ],
      },
      {
        kind: "single",
        text: "Where on the invoice does the customer see whether a part was covered by warranty?",
        options: [
          ["On the part's line, with a zero price and the warranty code", true],
          ["Only on a separate letter from the manufacturer", false],
          ["In the VAT summary", false],
        ],
      },
    ],
  },
];

const isoDaysAgo = (today: Date, days: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - days)).toISOString().slice(0, 10);

/** The capability keys (not merged away) of these names. */
function keysByName(names: string[]): string[] {
  return getDb()
    .select({ key: capabilities.key })
    .from(capabilities)
    .where(and(inArray(capabilities.name, names), isNull(capabilities.mergedIntoKey)))
    .all()
    .map((c) => c.key);
}

/**
 * The courses part seeds the catalog; until it has, a minimal "Brake system diagnosis" course
 * (guarded by title, so it never duplicates the real one) lets the quiz have a course.
 */
function ensureBrakeCourse(now: string): void {
  const db = getDb();
  if (db.select({ id: courses.id }).from(courses).where(eq(courses.title, BRAKE_COURSE)).get()) return;
  const summary = "Finding the cause of brake complaints: pedal feel, pulling, noise and vibration, with the manufacturer's limits.";
  const content = "## Brake system diagnosis\n\nStart from the customer's words, reproduce the complaint on a road test, then measure against the manufacturer's limits.";
  const id = db
    .insert(courses)
    .values({ title: BRAKE_COURSE, kind: "technical", summary, content, estimatedMinutes: 90, searchText: `${BRAKE_COURSE}\n${summary}\n${content}`.toLowerCase(), createdAt: now, updatedAt: now })
    .returning({ id: courses.id })
    .get().id;
  const keys = keysByName(["Manufacturer diagnostic tool and guided fault finding", "Wiring diagrams, multimeter and oscilloscope"]);
  if (keys.length) db.insert(courseCapabilities).values(keys.map((capabilityKey) => ({ courseId: id, capabilityKey }))).run();
}

export function seedQuizzes(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  const now = today.toISOString();
  ensureBrakeCourse(now);
  const titles = QUIZZES.map((q) => q.course);
  const courseIds = new Map(
    db
      .select({ id: courses.id, title: courses.title })
      .from(courses)
      .where(inArray(courses.title, titles))
      .all()
      .map((c) => [c.title, c.id]),
  );
  db.transaction((tx) => {
    for (const quiz of QUIZZES) {
      const courseId = courseIds.get(quiz.course);
      if (courseId === undefined || tx.select({ id: quizzes.courseId }).from(quizzes).where(eq(quizzes.courseId, courseId)).get()) continue;
      tx.insert(quizzes).values({ courseId, passMark: quiz.passMark, maxAttempts: quiz.maxAttempts, updatedAt: now }).run();
      const ids = tx
        .insert(quizQuestions)
        .values(quiz.questions.map((q, i) => ({ courseId, position: i + 1, kind: q.kind, text: q.text })))
        .returning({ id: quizQuestions.id })
        .all();
      tx.insert(quizOptions)
        .values(quiz.questions.flatMap((q, i) => q.options.map(([text, correct], j) => ({ questionId: ids[i]!.id, position: j + 1, text, correct }))))
        .run();
    }
  });

  // Past attempts at the brake quiz: Mehmet failed once, Pieter passed (and holds what it builds).
  const brakeId = courseIds.get(BRAKE_COURSE) ?? db.select({ id: courses.id }).from(courses).where(eq(courses.title, BRAKE_COURSE)).get()?.id;
  if (brakeId === undefined) return;
  const questions = db.select().from(quizQuestions).where(eq(quizQuestions.courseId, brakeId)).all();
  const options = questions.length ? db.select().from(quizOptions).where(inArray(quizOptions.questionId, questions.map((q) => q.id))).all() : [];
  const full = questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text, options: options.filter((o) => o.questionId === q.id) }));
  const quiz = db.select().from(quizzes).where(eq(quizzes.courseId, brakeId)).get();
  if (!quiz || full.length === 0) return;
  const attempt = (email: string, daysAgo: number, seed: number, wrongQuestions: number) => {
    const personId = personIds.get(email);
    if (personId === undefined) return;
    const shown = shuffleQuiz(full, seed);
    // Right answers, except the first `wrongQuestions` questions get only their first wrong option.
    const chosen = new Map(
      shown.map((q, i) => [q.id, i < wrongQuestions ? [q.options.find((o) => !o.correct)!.id] : q.options.filter((o) => o.correct).map((o) => o.id)] as const),
    );
    const result = scoreAnswers(shown, chosen, quiz.passMark);
    const right = new Map(result.perQuestion.map((p) => [p.questionId, p.right]));
    const snapshot = {
      seed,
      questions: shown.map((q) => ({
        id: q.id,
        kind: q.kind,
        text: q.text,
        right: right.get(q.id) ?? false,
        options: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, chosen: (chosen.get(q.id) ?? []).includes(o.id) })),
      })),
    };
    const day = isoDaysAgo(today, daysAgo);
    const submittedAt = `${day}T10:30:00.000Z`;
    const attemptId = db
      .insert(quizAttempts)
      .values({ courseId: brakeId, personId, answers: JSON.stringify(snapshot), score: result.score, passMark: quiz.passMark, passed: result.passed, submittedAt })
      .returning({ id: quizAttempts.id })
      .get().id;
    if (!result.passed) return;
    const built = db
      .select({ key: capabilities.key, validityMonths: capabilities.validityMonths })
      .from(courseCapabilities)
      .innerJoin(capabilities, eq(capabilities.key, courseCapabilities.capabilityKey))
      .where(eq(courseCapabilities.courseId, brakeId))
      .all();
    if (built.length) {
      db.insert(capabilityEvidence)
        .values(
          built.map((c) => ({
            personId,
            capabilityKey: c.key,
            kind: "quiz" as const,
            attemptId,
            validFrom: day,
            validUntil: validUntil(day, c.validityMonths),
            createdById: personId,
            createdAt: submittedAt,
          })),
        )
        .run();
    }
  };
  attempt("mehmet.kaya@example.com", 12, 1207, 2);
  attempt("pieter.vandijk@example.com", 20, 2011, 0);
}
