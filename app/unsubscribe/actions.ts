"use server";

import { redirect } from "next/navigation";
import { createAction } from "@/lib/core/action";
import { ActionError } from "@/lib/core/errors";
import { unsubscribe } from "@/lib/email/unsubscribe";
import { unsubscribeSchema } from "@/lib/email/schema";

/** Unsubscribing from a digest link: public, the signed token is the authority. */
export const unsubscribeAction = createAction(
  unsubscribeSchema,
  ({ token }) => {
    const groups = unsubscribe(token);
    if (!groups) throw new ActionError("notFound");
    return { groups };
  },
  { public: true },
);

/**
 * The page's plain HTML form posts here (works without JavaScript); the confirmation is the same
 * page with `?done=1` (a reload cannot post again).
 */
export async function unsubscribeFormAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const result = await unsubscribeAction(null, formData);
  const path = `/unsubscribe/${encodeURIComponent(token)}`;
  redirect(result.ok ? `${path}?done=1` : path);
}
