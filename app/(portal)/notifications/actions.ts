"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { markRead } from "@/lib/notifications/notifications";

export const markReadAction = createAction(
  z.object({ id: fields.optionalId }),
  async ({ id }, actor) => {
    const changed = markRead(actor, id ? [id] : undefined);
    revalidatePath("/notifications");
    return { changed };
  },
);
