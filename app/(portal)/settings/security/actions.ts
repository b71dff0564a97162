"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateSecuritySettings } from "@/lib/auth/security-settings";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";

/** Whole numbers as typed (the range is checked in lib, next to the field, in the person's language). */
const wholeNumber = z.preprocess((v) => (typeof v === "string" && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v), z.number({ message: "invalid" }).int());

const securitySettingsSchema = z.object({
  revision: fields.revision,
  idleMinutes: wholeNumber,
  absoluteHours: wholeNumber,
  requireSecondFactorForHr: fields.bool,
  ssoCreatesPeople: fields.bool,
});

/** HR saves the sign-in security settings (/settings/security). */
export const updateSecuritySettingsAction = createAction(securitySettingsSchema, async ({ revision, ...input }, actor) => {
  const result = updateSecuritySettings(actor, revision, input);
  revalidatePath("/settings/security");
  return result;
});
