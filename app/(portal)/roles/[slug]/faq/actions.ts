"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields } from "@/lib/core/validation";
import { CONCERN_ID_PATTERN, deleteFaq, faqTextSchema, publishFaq, saveFaq, unpublishFaq } from "@/lib/faq/write";

const concernId = z.preprocess((v) => (v === "" ? null : v), z.string().regex(CONCERN_ID_PATTERN).nullable().optional());

/** Saves an FAQ entry; a new one opens its own page (to preview and publish). */
export const saveFaqAction = createAction(
  faqTextSchema.extend({ id: fields.optionalId, revision: fields.revision, concernId, jobRoleId: fields.optionalId }),
  async (input, actor) => {
    const text = { responsibilityKey: input.responsibilityKey, question: input.question, answer: input.answer };
    if (input.id) {
      const saved = saveFaq(actor, { ...text, id: input.id, revision: input.revision });
      revalidatePath(`/roles/${saved.slug}`);
      return saved;
    }
    const saved = input.concernId
      ? saveFaq(actor, { ...text, id: null, concernId: input.concernId })
      : saveFaq(actor, { ...text, id: null, jobRoleId: input.jobRoleId ?? 0 });
    redirect(`/roles/${saved.slug}/faq/${saved.id}`);
  },
);

const ref = z.object({ id: fields.id, revision: fields.revision });

export const publishFaqAction = createAction(ref, async (input, actor) => {
  const done = publishFaq(actor, input.id, input.revision);
  revalidatePath(`/roles/${done.slug}`);
  return done;
});

export const unpublishFaqAction = createAction(ref, async (input, actor) => {
  const done = unpublishFaq(actor, input.id, input.revision);
  revalidatePath(`/roles/${done.slug}`);
  return done;
});

export const deleteFaqAction = createAction(ref, async (input, actor) => {
  const done = deleteFaq(actor, input.id, input.revision);
  redirect(`/roles/${done.slug}`);
});
