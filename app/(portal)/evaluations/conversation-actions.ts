"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields, TEXT_MAX } from "@/lib/core/validation";
import { ANSWERS } from "@/lib/evaluations/conversation-state";
import { addAddendum, reply, respond, review } from "@/lib/evaluations/respond";

/*
 * The conversation after an evaluation's release (lib/evaluations/respond.ts): the employee's
 * answer, the author's reply and corrections, the review of a kept disagreement. Whether a note is
 * required (a question, a disagreement) is lib's rule; here only its length.
 */

const note = z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), z.string().max(TEXT_MAX));
const requiredNote = z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(TEXT_MAX));

function refresh(id: number) {
  revalidatePath(`/evaluations/${id}`);
  revalidatePath("/evaluations/waiting");
}

export const respondAction = createAction(
  z.object({ id: fields.id, revision: fields.revision, answer: z.enum(ANSWERS), note }),
  async ({ id, revision, answer, note }, actor) => {
    const result = respond(actor, id, { answer, note, revision });
    refresh(id);
    return result;
  },
);

export const replyAction = createAction(z.object({ id: fields.id, revision: fields.revision, note: requiredNote }), async ({ id, revision, note }, actor) => {
  const result = reply(actor, id, { note, revision });
  refresh(id);
  return result;
});

export const addendumAction = createAction(z.object({ id: fields.id, note: requiredNote }), async ({ id, note }, actor) => {
  const result = addAddendum(actor, id, { note });
  refresh(id);
  return result;
});

export const reviewAction = createAction(z.object({ id: fields.id, revision: fields.revision, note: requiredNote }), async ({ id, revision, note }, actor) => {
  const result = review(actor, id, { note, revision });
  refresh(id);
  return result;
});
