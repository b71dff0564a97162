"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/core/action";
import { saveOwnEmailPreferences } from "@/lib/email/preferences";
import { emailPreferencesSchema } from "@/lib/email/schema";

export const saveEmailPreferencesAction = createAction(emailPreferencesSchema, async ({ revision, ...input }, actor) => {
  const result = saveOwnEmailPreferences(actor, revision, input);
  revalidatePath("/preferences");
  return result;
});
