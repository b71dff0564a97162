"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { clearBounce, retryDeliveries } from "@/lib/email/admin";

/** HR puts one failed or bounced email back in the queue. */
export const retryEmailAction = createAction(z.object({ id: fields.id }), ({ id }, actor) => {
  const count = retryDeliveries(actor, [id]);
  revalidatePath("/settings/email");
  return { count };
});

/** HR puts every failed email back in the queue. */
export const retryAllEmailsAction = createAction(z.object({}), (_input, actor) => {
  const count = retryDeliveries(actor, "all");
  revalidatePath("/settings/email");
  return { count };
});

/** HR unblocks a bounced address. */
export const clearBounceAction = createAction(z.object({ personId: fields.id }), ({ personId }, actor) => {
  clearBounce(actor, personId);
  revalidatePath("/settings/email");
  return { personId };
});
