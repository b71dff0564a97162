"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { VERSION_KINDS } from "@/lib/roles/vocabulary";
import { sendReminders } from "@/lib/communication/tracking";
import { createAction } from "@/lib/core/action";
import { FieldError } from "@/lib/core/errors";
import { setPosting } from "@/lib/roles/postings";
import { discardDraft, getDraft, publishDraft, saveDraft } from "@/lib/roles/drafts";
import { POSTING_LOCATION_MAX, VERSION_SUMMARY_MAX } from "@/lib/core/limits";
import { fields, textLines } from "@/lib/core/validation";

const slug = fields.slug;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FieldError({ _form: "invalid" });
  }
}

export const saveDraftAction = createAction(
  z.object({ slug, revision: fields.revision, doc: z.string().max(2_000_000) }),
  async (input, actor) => saveDraft(actor, input.slug, input.revision, parseJson(input.doc)),
);

/** The draft as saved now: shown beside the person's own text when their save met a newer revision. */
export const loadDraftAction = createAction(z.object({ slug }), async (input, actor) => {
  const draft = getDraft(actor, input.slug);
  return { doc: draft.doc, revision: draft.revision, updatedBy: draft.updatedBy };
});

export const publishDraftAction = createAction(
  z.object({
    slug,
    revision: fields.revision,
    summary: textLines(VERSION_SUMMARY_MAX, 1),
    kind: z.enum(VERSION_KINDS),
  }),
  async (input, actor) => {
    const { number } = publishDraft(actor, input.slug, input.revision, { summary: input.summary, kind: input.kind });
    revalidatePath(`/roles/${input.slug}`);
    redirect(`/roles/${input.slug}/versions?published=${number}`);
  },
);

export const discardDraftAction = createAction(z.object({ slug, revision: fields.revision }), async (input, actor) => {
  discardDraft(actor, input.slug, input.revision);
  redirect(`/roles/${input.slug}`);
});

export const remindVersionAction = createAction(z.object({ slug, version: fields.id }), async (input, actor) => ({
  reminded: sendReminders(actor, { roleSlug: input.slug, version: input.version }),
}));

export const setPostingAction = createAction(
  z.object({ slug, published: fields.bool, location: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(POSTING_LOCATION_MAX)) }),
  async (input, actor) => {
    setPosting(actor, input.slug, { published: input.published, location: input.location });
    revalidatePath(`/roles/${input.slug}`);
    return { published: input.published };
  },
);
