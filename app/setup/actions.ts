"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAddress, userAgentOf } from "@/lib/auth/request-info";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/security-vocabulary";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { completeSetup } from "@/lib/org/setup";
import { LOCALES } from "@/lib/people/vocabulary";

/**
 * The one-time setup form (issue 14, point 2): public while nobody exists; lib/org/setup.ts refuses
 * it once anybody does. On success the new HR admin signs in with their own password.
 */
export const completeSetupAction = createAction(
  z.object({
    organisationName: fields.name,
    timeZone: z.string().min(1).max(100),
    locale: z.enum(LOCALES),
    name: fields.name,
    email: fields.email,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    repeat: z.string().max(PASSWORD_MAX_LENGTH),
    requireSecondFactorForHr: fields.bool,
  }),
  async (input) => {
    const h = await headers();
    await completeSetup(input, { ip: clientAddress(h), userAgent: userAgentOf(h) });
    redirect("/sign-in?setup=1");
  },
  { public: true },
);
