"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { saveQuiz, submitQuizAttempt } from "@/lib/capability/quizzes";
import { QUIZ_QUESTION_KINDS } from "@/lib/capability/vocabulary";

/** Whole numbers from a form (range checks are the quiz rules', shown next to the field). */
const wholeNumber = z.preprocess((v) => (typeof v === "string" && /^-?(?:0|[1-9][0-9]{0,5})$/.test(v.trim()) ? Number(v.trim()) : v), z.number().int());
const json = (v: unknown) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

const saveQuizSchema = z.object({
  courseId: fields.id,
  revision: fields.revision,
  passMark: wholeNumber,
  maxAttempts: wholeNumber,
  questions: z.preprocess(
    json,
    z
      .array(
        z.object({
          kind: z.enum(QUIZ_QUESTION_KINDS),
          text: z.string().max(2000),
          options: z.array(z.object({ text: z.string().max(2000), correct: z.boolean() })).max(50),
        }),
      )
      .max(200),
  ),
});

export const saveQuizAction = createAction(saveQuizSchema, async ({ courseId, revision, ...input }, actor) => {
  const result = saveQuiz(actor, courseId, revision, input);
  revalidatePath(`/training/${courseId}`, "layout");
  return result;
});

const answerValue = z.union([z.string(), z.array(z.string())]);
const attemptSchema = z
  .object({
    courseId: fields.id,
    personId: fields.id,
    revision: fields.revision,
    seed: fields.id,
  })
  .catchall(answerValue);

export const submitQuizAttemptAction = createAction(attemptSchema, async (input, actor) => {
  const answers = new Map<number, number[]>();
  for (const [name, value] of Object.entries(input)) {
    const m = /^q([1-9][0-9]*)$/.exec(name);
    if (!m) continue;
    const ids = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === "string" && /^[1-9][0-9]*$/.test(v) ? Number(v) : -1));
    answers.set(Number(m[1]), ids);
  }
  const result = submitQuizAttempt(actor, { courseId: input.courseId, personId: input.personId, revision: input.revision, seed: input.seed, answers });
  revalidatePath("/capability");
  revalidatePath("/readiness");
  revalidatePath(`/training/${input.courseId}`, "layout");
  redirect(`/training/${input.courseId}/quiz/attempts/${result.attemptId}`);
});
