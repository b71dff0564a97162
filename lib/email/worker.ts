import "server-only";
import type { DB } from "@/db/client";

type Tx = Pick<DB, "update">;

export type EmailSendResult = { attempted: number; sent: number; retrying: number; failed: number; bounced: number; skipped: number; toDigest: number };

/** Sends (or routes) the due email rows of the outbox. Stub: the email part implements it. */
export async function sendDueEmails(options: { now?: () => Date; batch?: number } = {}): Promise<EmailSendResult> {
  void options;
  return { attempted: 0, sent: 0, retrying: 0, failed: 0, bounced: 0, skipped: 0, toDigest: 0 };
}

/**
 * HR's "retry": puts failed or bounced rows back in the queue, due now, with a fresh retry window.
 * Returns how many rows were requeued. Stub: the outbox part implements it.
 */
export function requeueForRetry(tx: Tx, ids: number[], now = new Date()): number {
  void tx;
  void ids;
  void now;
  return 0;
}
