"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { answerMyRole } from "@/lib/communication/role-reading";
import { createAction } from "@/lib/core/action";
import { fields, TEXT_MAX } from "@/lib/core/validation";

const text = z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(TEXT_MAX));

/** "I have read and understood my role": records it for the version shown (and ticks the plan item). */
export const confirmMyRoleAction = createAction(z.object({ version: fields.id, revision: fields.revision }), async ({ version, revision }, actor) => {
  const result = answerMyRole(actor, version, revision, "understood");
  revalidatePath("/my-role");
  return result;
});

/** A question about the role instead of confirming it (the usual clarification thread). */
export const askAboutMyRoleAction = createAction(z.object({ version: fields.id, revision: fields.revision, body: text }), async ({ version, revision, body }, actor) => {
  const result = answerMyRole(actor, version, revision, "ask", body);
  revalidatePath("/my-role");
  return result;
});
