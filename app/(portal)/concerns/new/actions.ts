"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { CONCERN_AUDIENCES } from "@/lib/confidence/vocabulary";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { raiseConcern, searchConcernTeams } from "@/lib/concerns/raise";

/** `link`: "" (nothing), "r:<responsibility key>" or "t:<task key>". */
const link = z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string().max(80).regex(/^(?:|[rt]:[A-Za-z0-9_-]{1,64})$/));

export const raiseConcernAction = createAction(
  z.object({
    // Length and emptiness are checked by lib (the one place the rules live), with their messages.
    body: z.string().max(200_000),
    identity: z.enum(["named", "anonymous"]),
    audience: z.enum(CONCERN_AUDIENCES),
    teamId: fields.optionalId,
    roleId: fields.optionalId,
    link,
  }),
  async (input, actor) => {
    const [kind, key] = input.link ? [input.link.slice(0, 1), input.link.slice(2)] : ["", ""];
    const { id, code } = raiseConcern(actor, {
      body: input.body,
      anonymous: input.identity === "anonymous",
      audience: input.audience,
      teamId: input.teamId,
      roleId: input.roleId,
      responsibilityKey: kind === "r" ? key : null,
      taskKey: kind === "t" ? key : null,
    });
    if (!code) redirect(`/concerns/${id}`);
    // Anonymous: the code goes back to the author's page once; the concern's id is not returned.
    return { code };
  },
  // The session's last-seen time would date an anonymous post to the minute.
  { touchSession: false },
);

/**
 * The form's team search (at most 20 teams). It does not touch the session either: a search made
 * just before an anonymous post would date the post to the minute.
 */
export const searchConcernTeamsAction = createAction(z.object({ q: z.string().max(100) }), ({ q }, actor) => searchConcernTeams(actor, q), { touchSession: false });
