"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assignTraining, assignTrainingForGaps } from "@/lib/capability/readiness";
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
