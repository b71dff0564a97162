"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { ConflictError } from "@/lib/core/errors";
import { fields } from "@/lib/core/validation";
import { evaluablePeople } from "@/lib/evaluations/read";
import { EVALUATION_KINDS } from "@/lib/evaluations/vocabulary";
import { releaseEvaluation, requestSelfAssessment, saveDraft, startEvaluation, submitSelfAssessment } from "@/lib/evaluations/write";

/** The person picker on /evaluations/new: up to 20 people the reader may evaluate. */
export const searchEvaluablePeopleAction = createAction(z.object({ q: z.string().max(100) }), (input, actor) => evaluablePeople(actor, input.q));

export const startEvaluationAction = createAction(
  z.object({ personId: fields.id, kind: z.enum(EVALUATION_KINDS), periodStart: fields.date, periodEnd: fields.date }),
  (input, actor) => {
    const { id } = startEvaluation(actor, input);
    redirect(`/evaluations/${id}`);
  },
);

const target = { id: fields.id, revision: fields.revision };

/** Saves the draft; a stale revision comes back as `{ conflict: true }` so the form can keep the author's text. */
export const saveEvaluationDraftAction = createAction(z.object({ ...target, draft: z.unknown() }), (input, actor) => {
  try {
    const result = saveDraft(actor, input.id, input.revision, input.draft as never);
    return { revision: result.revision, conflict: false };
  } catch (e) {
    if (e instanceof ConflictError) return { revision: input.revision, conflict: true };
    throw e;
  }
});

export const requestSelfAssessmentAction = createAction(z.object({ id: fields.id }), (input, actor) => {
  requestSelfAssessment(actor, input.id);
  revalidatePath(`/evaluations/${input.id}`);
  return null;
});

export const submitSelfAssessmentAction = createAction(z.object({ id: fields.id, self: z.unknown() }), (input, actor) => {
  submitSelfAssessment(actor, input.id, input.self as never);
  // No revalidation: sent, the evaluation is a draft again and no longer the employee's to see, so a
  // re-render here would replace the form's confirmation with "not found".
  return null;
});

export const releaseEvaluationAction = createAction(z.object(target), (input, actor) => {
  releaseEvaluation(actor, input.id, input.revision);
  revalidatePath(`/evaluations/${input.id}`);
  return null;
});
