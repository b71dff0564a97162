"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/core/action";
import { fields, TEXT_MAX } from "@/lib/core/validation";
import { ROLE_KEY_MAX } from "@/lib/core/limits";
import { markProposalHandled, markSolution, postReply, proposeToOwner, startThread } from "@/lib/threads/threads";

const body = z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(TEXT_MAX));

export const startThreadAction = createAction(
  z.object({ jobRoleId: fields.id, taskKey: z.string().min(1).max(ROLE_KEY_MAX), title: fields.title, body }),
  async (input, actor) => {
    const { id } = startThread(actor, input);
    redirect(`/threads/${id}`);
  },
);

export const postReplyAction = createAction(z.object({ threadId: fields.id, body }), async (input, actor) => {
  const result = postReply(actor, input.threadId, { body: input.body });
  revalidatePath(`/threads/${input.threadId}`);
  return result;
});

export const markSolutionAction = createAction(z.object({ threadId: fields.id, postId: fields.id, revision: fields.revision }), async (input, actor) =>
  markSolution(actor, input.threadId, input.postId, input.revision),
);

export const proposeToOwnerAction = createAction(z.object({ threadId: fields.id, revision: fields.revision }), async (input, actor) =>
  proposeToOwner(actor, input.threadId, input.revision),
);

export const markProposalHandledAction = createAction(z.object({ threadId: fields.id, revision: fields.revision }), async (input, actor) =>
  markProposalHandled(actor, input.threadId, input.revision),
);
