"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { requestPasswordReset } from "@/lib/auth/passwords";
import { clientAddress, userAgentOf } from "@/lib/auth/request-info";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";

/**
 * "Forgot your password?" (public): always the same answer, in the same time, whether or not the
 * address belongs to someone (lib/auth/passwords.ts).
 */
export const requestPasswordResetAction = createAction(
  z.object({ email: fields.email }),
  async ({ email }) => {
    const h = await headers();
    await requestPasswordReset(email, { ip: clientAddress(h), userAgent: userAgentOf(h) });
    return { sent: true };
  },
  { public: true },
);
