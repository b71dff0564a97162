"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { confirmEnrolment, disableSecondFactor, regenerateRecoveryCodes } from "@/lib/auth/second-factor";
import { createAction } from "@/lib/core/action";

const codeSchema = z.object({ code: z.string().trim().min(1).max(64) });

/**
 * Confirms enrolment with a current code; returns the ten recovery codes (shown once). No
 * revalidation: re-rendering the enrolment page now would send the person on before they saved them.
 */
export const confirmTwoFactorAction = createAction(
  codeSchema,
  async ({ code }, actor) => ({ codes: await confirmEnrolment(actor, code) }),
  { beforeSecondFactor: true },
);

/** New recovery codes (the old ones stop working). */
export const regenerateRecoveryCodesAction = createAction(
  codeSchema,
  async ({ code }, actor) => ({ codes: await regenerateRecoveryCodes(actor, code) }),
  { beforeSecondFactor: true },
);

/** Turns the second factor off. */
export const disableTwoFactorAction = createAction(
  codeSchema,
  async ({ code }, actor) => {
    await disableSecondFactor(actor, code);
    revalidatePath("/security");
    return { disabled: true };
  },
  { beforeSecondFactor: true },
);
