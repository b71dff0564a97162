"use server";

import { revalidatePath } from "next/cache";
import { createAction } from "@/lib/core/action";
import { addWebhook, addWebhookSchema, createApiKey, createApiKeySchema, integrationIdSchema, removeWebhook, revokeApiKey } from "@/lib/feedback/integrations";

const PAGE = "/settings/integrations";

/** The key comes back once, to be shown once: it is never stored or shown again. */
export const createApiKeyAction = createAction(createApiKeySchema, async (input, actor) => {
  const created = createApiKey(actor, input);
  revalidatePath(PAGE);
  return created;
});

export const revokeApiKeyAction = createAction(integrationIdSchema, async ({ id }, actor) => {
  revokeApiKey(actor, id);
  revalidatePath(PAGE);
  return { id };
});

/** The signing secret comes back once. */
export const addWebhookAction = createAction(addWebhookSchema, async (input, actor) => {
  const added = addWebhook(actor, input);
  revalidatePath(PAGE);
  return added;
});

export const removeWebhookAction = createAction(integrationIdSchema, async ({ id }, actor) => {
  removeWebhook(actor, id);
  revalidatePath(PAGE);
  return { id };
});
