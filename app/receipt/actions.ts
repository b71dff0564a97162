"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/request-info";
import { createAction } from "@/lib/core/action";
import { readByReceipt, replyByReceipt, resolveByReceipt } from "@/lib/concerns/receipt-thread";

/**
 * The receipt page's actions: public (signed in or not), keyed by the receipt code the visitor
 * posts each time (never in the URL, never in a cookie). Wrong codes are rate-limited per address.
 */
const code = z.string().trim().min(1).max(100);

async function address(): Promise<string | null> {
  return clientAddress(await headers());
}

export const readReceiptAction = createAction(z.object({ code }), async (input) => readByReceipt(input.code, await address()), { public: true, touchSession: false });

export const replyReceiptAction = createAction(
  z.object({ code, body: z.string().max(100_000) }),
  async (input) => replyByReceipt(input.code, input.body, await address()),
  { public: true, touchSession: false },
);

export const resolveReceiptAction = createAction(z.object({ code }), async (input) => resolveByReceipt(input.code, await address()), { public: true, touchSession: false });
