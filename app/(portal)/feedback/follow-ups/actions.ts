"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { FOLLOWUP_NOTE_MAX, handOverFollowup, recordCustomerContact, recordWhatHappened, searchHandoverTargets, solveFollowup } from "@/lib/feedback/followups";

/*
 * A follow-up's steps (lib/feedback/followups.ts). Whether a text is required is lib's rule (so the
 * message shows under its field); here only shapes and lengths.
 */

const text = z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(FOLLOWUP_NOTE_MAX + 1000));
const target = { id: fields.id, revision: fields.revision };

function refresh(id: number) {
  revalidatePath(`/feedback/follow-ups/${id}`);
  revalidatePath("/feedback/follow-ups");
}

export const recordWhatHappenedAction = createAction(z.object({ ...target, text }), (input, actor) => {
  const r = recordWhatHappened(actor, input.id, { text: input.text, revision: input.revision });
  refresh(input.id);
  return r;
});

export const handOverFollowupAction = createAction(z.object({ ...target, personId: fields.id, note: text }), (input, actor) => {
  const r = handOverFollowup(actor, input.id, { personId: input.personId, note: input.note, revision: input.revision });
  refresh(input.id);
  return r;
});

export const recordContactAction = createAction(z.object({ ...target, note: text }), (input, actor) => {
  const r = recordCustomerContact(actor, input.id, { note: input.note, revision: input.revision });
  refresh(input.id);
  return r;
});

export const solveFollowupAction = createAction(z.object(target), (input, actor) => {
  solveFollowup(actor, input.id, { revision: input.revision });
  refresh(input.id);
  return null;
});

/** The hand-over picker: up to 20 active colleagues matching the text. */
export const searchHandoverTargetsAction = createAction(z.object({ id: fields.id, q: z.string().max(100) }), (input, actor) => searchHandoverTargets(actor, input.id, input.q));
