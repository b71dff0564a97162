"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { resetSecondFactor } from "@/lib/auth/second-factor";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";

/** HR resets a person's second factor (issue 14 point 4): it is deleted and their sessions end. */
export const resetSecondFactorAction = createAction(z.object({ id: fields.id }), async ({ id }, actor) => {
  await resetSecondFactor(actor, id);
  revalidatePath(`/people/${id}`);
  return { id };
});
