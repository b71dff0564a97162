"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { answerPulse } from "@/lib/pulse/answer";
import { PULSE_ITEMS, type PulseItem } from "@/lib/pulse/items";
import { sendPulseRound } from "@/lib/pulse/send";

const choice = z.string().max(16).optional();
/** "3" → 3; anything else that was sent (e.g. "7", "2.5", "x") reaches lib/ as a number it refuses, next to its statement. */
const score = (v: string | undefined) => (v === undefined || v === "" ? undefined : /^-?[0-9]+$/.test(v) ? Number(v) : Number.NaN);

/** Answers one of my pulses (anonymously: see lib/pulse/answer.ts). */
export const answerPulseAction = createAction(
  z.object({ sendId: fields.id, expected: choice, how: choice, wrong: choice, judged: choice, resources: choice, leastClearKey: z.string().max(64).optional() }),
  async (input, actor) => {
    const scores = Object.fromEntries(PULSE_ITEMS.map((item) => [item, score(input[item])])) as Record<PulseItem, number | undefined>;
    const result = answerPulse(actor, input.sendId, { scores, leastClearKey: input.leastClearKey || null });
    revalidatePath("/pulse");
    revalidatePath("/");
    return result;
  },
);

/** HR sends the pulse to a team and/or a role. */
export const sendPulseRoundAction = createAction(z.object({ teamId: fields.optionalId, jobRoleId: fields.optionalId }), async (input, actor) => {
  const result = sendPulseRound(actor, input);
  revalidatePath("/pulse/send");
  return result;
});
