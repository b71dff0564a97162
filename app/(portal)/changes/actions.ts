"use server";

import { z } from "zod";
import { answerAck, replyToAck } from "@/lib/communication/answers";
import { createAction } from "@/lib/core/action";
import { fields, TEXT_MAX } from "@/lib/core/validation";

/*
 * No revalidatePath in these: their forms (./_components/answer-forms.tsx) refresh the page after
 * success, which also clears the client's cache of other pages, and nothing on the server is cached;
 * revalidating too rendered the page twice per answer, once inside the action's answer (issue 15).
 */
const text = z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(TEXT_MAX));

export const understoodAction = createAction(z.object({ id: fields.id, revision: fields.revision }), async ({ id, revision }, actor) => {
  const state = answerAck(actor, id, revision, "understood");
  return { state };
});

export const askAction = createAction(z.object({ id: fields.id, revision: fields.revision, body: text }), async ({ id, revision, body }, actor) => {
  const state = answerAck(actor, id, revision, "ask", body);
  return { state };
});

export const replyAction = createAction(z.object({ id: fields.id, revision: fields.revision, body: text }), async ({ id, revision, body }, actor) => {
  const state = replyToAck(actor, id, revision, body);
  return { state };
});
