"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { resetPassword } from "@/lib/auth/passwords";
import { clientAddress, userAgentOf } from "@/lib/auth/request-info";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";

/**
 * The reset link's form (public: the token is the authority). On success every session of the
 * person has ended; they go to a page that links to sign-in (a reload cannot post it twice).
 */
export const resetPasswordAction = createAction(
  z.object({ token: z.string().max(100), password: fields.newPassword, repeat: z.string().max(1000) }),
  async ({ token, password, repeat }) => {
    const h = await headers();
    await resetPassword(token, { password, repeat }, { ip: clientAddress(h), userAgent: userAgentOf(h) });
    redirect("/reset-password/done");
  },
  { public: true },
);
