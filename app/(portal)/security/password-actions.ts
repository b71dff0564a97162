"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { changeOwnPassword } from "@/lib/auth/passwords";
import { clientAddress, userAgentOf } from "@/lib/auth/request-info";
import { currentSession } from "@/lib/auth/session";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";

/** "Change password" on /security: the current password, the new one twice. This session stays signed in. */
export const changePasswordAction = createAction(
  z.object({ current: z.string().min(1).max(1000), password: fields.newPassword, repeat: z.string().max(1000) }),
  async (input, actor) => {
    const h = await headers();
    const session = await currentSession();
    const { endedSessions } = await changeOwnPassword(actor, session?.id ?? null, input, { ip: clientAddress(h), userAgent: userAgentOf(h) });
    return { endedSessions };
  },
);
