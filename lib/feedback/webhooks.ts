import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { WEBHOOK_MAX_ATTEMPTS } from "./vocabulary";

/**
 * The webhook worker (issue 12, point 9). `recordRating` writes one `webhook_deliveries` row per
 * active webhook in the rating's transaction (an outbox); this sends the due ones:
 * - a delivery is leased first (one UPDATE … RETURNING, atomic in SQLite), so two workers (two
 *   processes, or a tick that overlaps the previous one) never send the same delivery at once;
 * - POST of the stored JSON body with `Rolebook-Event`, `Rolebook-Delivery` and
 *   `Rolebook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's secret>`;
 * - 5 s timeout; a 2xx answer is delivered, anything else (redirects included) is retried after
 *   30 s, 1 min, 2 min, … until `WEBHOOK_MAX_ATTEMPTS` attempts, then failed.
 * All state is in the table, so the worker is idempotent and survives restarts (an expired lease
 * is simply taken again).
 */

export const WEBHOOK_TIMEOUT_MS = 5_000;
export const FIRST_RETRY_MS = 30_000;
/** A lease outlives the longest attempt (timeout) with room to write the result. */
export const LEASE_MS = 60_000;
export const BATCH = 20;

/** The signature header's value for a body sent at unix time `t` (seconds). */
export function signatureHeader(secret: string, body: string, t: number): string {
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest("hex");
  return `t=${t},v1=${v1}`;
}

/**
 * What a receiver does (documented in the README): recompute the HMAC of "<t>.<raw body>" and
 * compare in constant time; refuse a timestamp older than `toleranceSeconds` (replays).
 */
export function verifySignature(secret: string, body: string, header: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const expected = Buffer.from(signatureHeader(secret, body, t).split("v1=")[1], "hex");
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}

/** The wait before the next attempt after `attempts` failed ones: 30 s, 60 s, 120 s, … */
export function backoffMs(attempts: number): number {
  return FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1);
}

export type SendResult = { attempted: number; delivered: number; retrying: number; failed: number };

type Options = { now?: () => Date; fetchImpl?: typeof fetch; batch?: number };

/** Sends the deliveries due now; returns what happened. Safe to call from several workers at once. */
export async function sendDueWebhooks(options: Options = {}): Promise<SendResult> {
  const clock = options.now ?? (() => new Date());
  const doFetch = options.fetchImpl ?? fetch;
  const db = getDb();
  const start = clock();
  const nowIso = start.toISOString();
  const leaseUntil = new Date(start.getTime() + LEASE_MS).toISOString();
  const due = and(
    eq(webhookDeliveries.status, "pending"),
    lte(webhookDeliveries.nextAttemptAt, nowIso),
    or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, nowIso)),
  );
  const candidates = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(due)
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(options.batch ?? BATCH);
  // The lease: only rows still due when the UPDATE runs are taken (the condition is repeated).
  const leased = db
    .update(webhookDeliveries)
    .set({ leaseUntil })
    .where(and(inArray(webhookDeliveries.id, candidates), due))
    .returning({
      id: webhookDeliveries.id,
      webhookId: webhookDeliveries.webhookId,
      event: webhookDeliveries.event,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
    })
    .all();
  const result: SendResult = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  if (!leased.length) return result;
  const hooks = new Map(
    db
      .select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret, removedAt: webhooks.removedAt })
      .from(webhooks)
      .where(inArray(webhooks.id, [...new Set(leased.map((d) => d.webhookId))]))
      .all()
      .map((h) => [h.id, h]),
  );

  await Promise.all(
    leased.map(async (d) => {
      const hook = hooks.get(d.webhookId);
      const ours = and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.leaseUntil, leaseUntil));
      if (!hook || hook.removedAt) {
        db.update(webhookDeliveries).set({ status: "failed", lastError: "webhook removed", leaseUntil: null }).where(ours).run();
        result.failed++;
        return;
      }
      result.attempted++;
      const attempts = d.attempts + 1;
      let status: number | null = null;
      let error: string | null = null;
      try {
        const t = Math.floor(clock().getTime() / 1000);
        const response = await doFetch(hook.url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "User-Agent": "Rolebook-Webhooks/1",
            "Rolebook-Event": d.event,
            "Rolebook-Delivery": String(d.id),
            "Rolebook-Signature": signatureHeader(hook.secret, d.payload, t),
          },
          body: d.payload,
          redirect: "manual",
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        status = response.status;
        await response.body?.cancel().catch(() => undefined);
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (e) {
        error = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError") ? "timeout" : "connection failed";
      }
      const at = clock();
      if (!error) {
        db.update(webhookDeliveries)
          .set({ status: "delivered", attempts, lastStatus: status, lastError: null, deliveredAt: at.toISOString(), leaseUntil: null })
          .where(ours)
          .run();
        result.delivered++;
      } else if (attempts >= WEBHOOK_MAX_ATTEMPTS) {
        db.update(webhookDeliveries).set({ status: "failed", attempts, lastStatus: status, lastError: error, leaseUntil: null }).where(ours).run();
        result.failed++;
      } else {
        db.update(webhookDeliveries)
          .set({ attempts, lastStatus: status, lastError: error, nextAttemptAt: new Date(at.getTime() + backoffMs(attempts)).toISOString(), leaseUntil: null })
          .where(ours)
          .run();
        result.retrying++;
      }
    }),
  );
  return result;
}
