"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { giveNote, noteTies, searchNoteRecipients } from "@/lib/feedback/notes";
import { NOTE_BODY_MAX, NOTE_KINDS, NOTE_VISIBILITIES } from "@/lib/feedback/vocabulary";

/** The recipient picker: up to 20 active colleagues matching what was typed. */
export const searchNoteRecipientsAction = createAction(z.object({ q: z.string().max(100) }), (input, actor) => searchNoteRecipients(actor, input.q));

/** What a note to the chosen colleague may be tied to (their role's responsibilities and standards). */
export const noteTiesAction = createAction(z.object({ toId: fields.id }), (input, actor) => noteTies(actor, input.toId));

/** Sends praise or a suggestion. The length limit is checked in lib/ too (a direct POST is refused the same way). */
export const giveNoteAction = createAction(
  z.object({
    toId: fields.id,
    kind: z.enum(NOTE_KINDS),
    visibility: z.enum(NOTE_VISIBILITIES),
    tie: z.string().max(80).optional(),
    body: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(NOTE_BODY_MAX)),
  }),
  (input, actor) => {
    const result = giveNote(actor, { ...input, tie: input.tie || null });
    revalidatePath("/feedback/notes");
    return result;
  },
);
