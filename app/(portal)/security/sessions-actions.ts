"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clientAddress, userAgentOf } from "@/lib/auth/request-info";
import { currentSession, SESSION_COOKIES } from "@/lib/auth/session";
import { endAllOwnSessions, endOtherOwnSessions, endOwnSession, type RequestInfo } from "@/lib/auth/sessions";
import { createAction } from "@/lib/core/action";

/** Where this request came from, for the audit entry. */
async function requestInfo(): Promise<RequestInfo> {
  const h = await headers();
  return { ip: clientAddress(h), userAgent: userAgentOf(h) };
}

/** The person ends one of their other sessions (named by its key from the list). */
export const endOwnSessionAction = createAction(z.object({ key: z.string().min(1).max(100) }), async ({ key }, actor) => {
  endOwnSession(actor, key, await requestInfo());
  revalidatePath("/security");
  return { ended: 1 };
});

/** "Sign out everywhere else": every session of the person but this one. */
export const endOtherSessionsAction = createAction(z.object({}), async (_input, actor) => {
  const current = await currentSession();
  const ended = endOtherOwnSessions(actor, current?.id ?? null, await requestInfo());
  revalidatePath("/security");
  return { ended };
});

/** "Sign out everywhere": every session of the person, this one too; the cookie goes with it. */
export const endAllSessionsAction = createAction(z.object({}), async (_input, actor) => {
  const ended = endAllOwnSessions(actor, await requestInfo());
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  return { ended };
});
