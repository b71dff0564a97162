"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { answerAck, replyToAck } from "@/lib/communication/answers";
import { createAction } from "@/lib/core/action";
import { fields, TEXT_MAX } from "@/lib/core/validation";

const text = z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(TEXT_MAX));

export const understoodAction = createAction(z.object({ id: fields.id, revision: fields.revision }), async ({ id, revision }, actor) => {
  const state = answerAck(actor, id, revision, "understood");
  revalidatePath(`/changes/${id}`);
  return { state };
});

export const askAction = createAction(z.object({ id: fields.id, revision: fields.revision, body: text }), async ({ id, revision, body }, actor) => {
  const state = answerAck(actor, id, revision, "ask", body);
  revalidatePath(`/changes/${id}`);
  return { state };
});

export const replyAction = createAction(z.object({ id: fields.id, revision: fields.revision, body: text }), async ({ id, revision, body }, actor) => {
  const state = replyToAck(actor, id, revision, body);
  revalidatePath(`/changes/${id}`);
  return { state };
});
