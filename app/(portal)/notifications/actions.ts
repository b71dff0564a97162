"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { markRead } from "@/lib/notifications/notifications";

export const markReadAction = createAction(
  z.object({ id: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().positive().optional()) }),
  async ({ id }, actor) => {
    const changed = markRead(actor, id ? [id] : undefined);
    revalidatePath("/notifications");
    return { changed };
  },
);
