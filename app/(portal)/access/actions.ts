"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { searchAccessTeams, setAccess } from "@/lib/capability/access";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";

const setAccessSchema = z.object({
  personId: fields.id,
  toolKey: z.string().trim().min(1).max(200),
  action: z.enum(["grant", "revoke"]),
  revision: fields.revision,
});

/** HR or the manager ticks one tool of a person's checklist: grant or revoke. */
export const setAccessAction = createAction(setAccessSchema, ({ personId, ...input }, actor) => {
  setAccess(actor, personId, input);
  revalidatePath(`/people/${personId}/access`);
  revalidatePath("/access");
  return { personId };
});

/** The team filter's search as the reader types (at most 20 teams of the people whose access the actor manages). */
export const searchAccessTeamsAction = createAction(z.object({ q: z.string().max(100) }), ({ q }, actor) => searchAccessTeams(actor, q));
