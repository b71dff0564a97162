"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { acceptInvitation } from "@/lib/email/invitations";

/**
 * The invitation's set-password form (issue 13, point 6): public, the token is the authority. On
 * success the person goes to a page that links to sign-in (a reload cannot post it twice).
 */
export const acceptInvitationAction = createAction(
  z.object({ token: z.string().max(100), password: fields.newPassword, repeat: z.string().max(200) }),
  async ({ token, password, repeat }) => {
    await acceptInvitation(token, { password, repeat });
    redirect("/invite/done");
  },
  { public: true },
);
