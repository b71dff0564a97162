"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { markRead, openNotification } from "@/lib/notifications/notifications";

export const markReadAction = createAction(
  z.object({ id: fields.optionalId }),
  async ({ id }, actor) => {
    const changed = markRead(actor, id ? [id] : undefined);
    revalidatePath("/notifications");
    return { changed };
  },
);

/** Opening a notification marks it read; returns the item it leads to. */
export const openNotificationAction = createAction(z.object({ id: fields.id }), async ({ id }, actor) => {
  const { link } = openNotification(actor, id);
  revalidatePath("/notifications");
  return { link };
});
