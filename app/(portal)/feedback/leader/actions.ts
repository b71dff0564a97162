"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { giveUpward } from "@/lib/feedback/upward";
import { UPWARD_ITEMS, type UpwardItem } from "@/lib/feedback/vocabulary";

const choice = z.string().max(16).optional();
/** "3" → 3; anything else that was sent reaches lib/ as a number it refuses, next to its item. */
const score = (v: string | undefined) => (v === undefined || v === "" ? undefined : /^-?[0-9]+$/.test(v) ? Number(v) : Number.NaN);

/** Gives my leader upward feedback (anonymously: see lib/feedback/upward.ts). */
export const giveUpwardAction = createAction(
  z.object({ leaderId: fields.id, ...Object.fromEntries(UPWARD_ITEMS.map((i) => [i, choice])) } as { leaderId: typeof fields.id } & Record<UpwardItem, typeof choice>),
  (input, actor) => {
    const scores = Object.fromEntries(UPWARD_ITEMS.map((item) => [item, score(input[item])])) as Record<UpwardItem, number | undefined>;
    const result = giveUpward(actor, { leaderId: input.leaderId, scores });
    revalidatePath("/feedback/leader");
    return result;
  },
);
