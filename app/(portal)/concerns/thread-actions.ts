"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields, TEXT_MAX } from "@/lib/core/validation";
import { CLOSE_REASON_MAX } from "@/lib/core/limits";
import { answerConcern, closeConcern, forwardConcern, replyAsAuthor, resolveConcern, searchForwardTargets } from "@/lib/concerns/respond";

/*
 * A concern's thread (lib/concerns/respond.ts): answering, the named author's reply and resolve,
 * closing with a reason, forwarding. Whether a text is required is lib's rule (so the message
 * shows under its field); here only shapes and lengths. The id is parsed strictly by lib.
 */

const concernId = z.string().max(64);
const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(max + 1000));
const target = { id: concernId, revision: fields.revision };

function refresh(id: string) {
  revalidatePath(`/concerns/${id}`);
  revalidatePath("/concerns");
}

export const answerConcernAction = createAction(z.object({ ...target, body: text(TEXT_MAX) }), (input, actor) => {
  const result = answerConcern(actor, input.id, { body: input.body, revision: input.revision });
  refresh(input.id);
  return result;
});

export const replyConcernAction = createAction(z.object({ ...target, body: text(TEXT_MAX) }), (input, actor) => {
  const result = replyAsAuthor(actor, input.id, { body: input.body, revision: input.revision });
  refresh(input.id);
  return result;
});

export const resolveConcernAction = createAction(z.object(target), (input, actor) => {
  resolveConcern(actor, input.id, { revision: input.revision });
  refresh(input.id);
  return null;
});

export const closeConcernAction = createAction(z.object({ ...target, reason: text(CLOSE_REASON_MAX) }), (input, actor) => {
  closeConcern(actor, input.id, { reason: input.reason, revision: input.revision });
  refresh(input.id);
  return null;
});

export const forwardConcernAction = createAction(
  z.object({ ...target, personId: fields.id, note: text(TEXT_MAX) }),
  (input, actor) => {
    forwardConcern(actor, input.id, { personId: input.personId, note: input.note, revision: input.revision });
    refresh(input.id);
    return null;
  },
);

/** The forward picker: up to 20 managers, supervisors or HR people matching the text. */
export const searchForwardTargetsAction = createAction(z.object({ id: concernId, q: z.string().max(100) }), (input, actor) => searchForwardTargets(actor, input.id, input.q));
