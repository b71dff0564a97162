"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAction } from "@/lib/core/action";
import { resendInvitation } from "@/lib/email/invitations";
import { fields } from "@/lib/core/validation";
import { z } from "zod";
import { createPerson, searchReportsTo, searchTeams, setPersonActive, updatePerson } from "@/lib/people/records";
import { createPersonSchema, setActiveSchema, updatePersonSchema } from "@/lib/people/schema";

export const createPersonAction = createAction(createPersonSchema, async (input, actor) => {
  const { id, invited } = await createPerson(actor, input);
  redirect(`/people/${id}?created=${invited ? "invited" : "1"}`);
});

export const updatePersonAction = createAction(updatePersonSchema, async ({ id, revision, ...input }, actor) => {
  const change = await updatePerson(actor, id, revision, input);
  revalidatePath(`/people/${id}`);
  return { id, ...change };
});

export const setActiveAction = createAction(setActiveSchema, async ({ id, revision, active }, actor) => {
  setPersonActive(actor, id, revision, active);
  revalidatePath(`/people/${id}`);
  return { id, active };
});

/** Issue 13: a new invitation email for someone who has not accepted theirs (older links stop working). */
export const resendInvitationAction = createAction(z.object({ id: fields.id }), ({ id }, actor) => {
  resendInvitation(actor, id);
  revalidatePath(`/people/${id}`);
  return { id };
});

/** The person form's "Reports to" search: at most 20 active people matching the typed text (HR). */
export const searchReportsToAction = createAction(z.object({ q: z.string().max(100), excludeId: fields.id.optional() }), ({ q, excludeId }, actor) =>
  searchReportsTo(actor, q, excludeId),
);

/** The person form's "Team" search: at most 20 teams whose name contains the typed text (HR). */
export const searchTeamsAction = createAction(z.object({ q: z.string().max(100) }), ({ q }, actor) => searchTeams(actor, q));
