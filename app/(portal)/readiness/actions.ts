"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assignTraining, assignTrainingForGaps, searchReadinessTeams } from "@/lib/capability/readiness";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";

const capabilityKey = z.string().min(1).max(100);

export const assignTrainingAction = createAction(
  z.object({ personId: fields.id, capabilityKey, courseId: fields.optionalId, dueDate: fields.date }),
  (input, actor) => {
    const result = assignTraining(actor, input);
    revalidatePath("/readiness");
    return result;
  },
);

export const assignGapsAction = createAction(
  z.object({ teamId: fields.id, roleId: fields.optionalId, dueDate: fields.date }),
  ({ teamId, roleId, dueDate }, actor) => {
    const result = assignTrainingForGaps(actor, { teamId, roleId: roleId ?? undefined, dueDate });
    revalidatePath("/readiness");
    return result;
  },
);

/** The team filter's search as the reader types (at most 20 teams of their readiness scope). */
export const searchReadinessTeamsAction = createAction(z.object({ q: z.string().max(100) }), ({ q }, actor) => searchReadinessTeams(actor, q));
