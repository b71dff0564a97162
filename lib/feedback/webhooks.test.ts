import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, getSqlite } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { backoffMs, LEASE_MS, sendDueWebhooks, signatureHeader, verifySignature } from "./webhooks";
import { WEBHOOK_MAX_ATTEMPTS } from "./vocabulary";

/**
 * The webhook worker against a real HTTP server on 127.0.0.1: the signature a receiver checks,
 * the headers, retries with doubling backoff, giving up, and the lease that keeps two workers from
 * sending one delivery twice. The database is a fresh migrated file (no demo needed).
 */

type Received = { headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let answer: (n: number) => number = () => 200;
let server: http.Server;
let url = "";
const SECRET = "whsec_test-secret";

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-webhooks-"));
  process.env.DATABASE_PATH = path.join(dir, "test.db");
  (globalThis as { __rolebookDb?: unknown }).__rolebookDb = undefined;
  applyMigrations(getSqlite());
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer(received.length);
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  answer = () => 200;
  getDb().delete(webhookDeliveries).run();
  getDb().delete(webhooks).run();
});

const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

function delivery(hookUrl = url, payload = JSON.stringify({ id: "rating.created:1", event: "rating.created", rating: { id: 1, stars: 5 } })) {
  const db = getDb();
  const hook = db.insert(webhooks).values({ url: hookUrl, secret: SECRET, createdAt: T0.toISOString() }).returning({ id: webhooks.id }).get();
  return db
    .insert(webhookDeliveries)
    .values({ webhookId: hook.id, event: "rating.created", eventKey: "rating.created:1", payload, nextAttemptAt: T0.toISOString(), createdAt: T0.toISOString() })
    .returning({ id: webhookDeliveries.id })
    .get().id;
}
const row = (id: number) => getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get()!;

describe("signatures", () => {
  it("signs '<t>.<body>' with HMAC-SHA256 of the secret, and verifies only the exact body, secret and a fresh time", () => {
    const body = '{"a":1}';
    const header = signatureHeader("s3cret", body, 1_700_000_000);
    // Known value: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
    expect(header).toBe("t=1700000000,v1=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940");
    expect(header.split("v1=")[1]).toBe(createHmac("sha256", "s3cret").update('1700000000.{"a":1}').digest("hex"));
    expect(verifySignature("s3cret", body, header, 1_700_000_010)).toBe(true);
    expect(verifySignature("s3cret", '{"a":2}', header, 1_700_000_010)).toBe(false);
    expect(verifySignature("other", body, header, 1_700_000_010)).toBe(false);
    expect(verifySignature("s3cret", body, header, 1_700_000_000 + 301)).toBe(false);
    expect(verifySignature("s3cret", body, "t=1700000000,v1=zz", 1_700_000_000)).toBe(false);
  });

  it("backs off 30 s, 60 s, 120 s, … after each failed attempt", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });
});

describe("sendDueWebhooks", () => {
  it("POSTs the stored body with the event, delivery id and a signature the receiver can verify", async () => {
    const id = delivery();
    const result = await sendDueWebhooks({ now: () => T0 });
    expect(result).toEqual({ attempted: 1, delivered: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [r] = received;
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["rolebook-event"]).toBe("rating.created");
    expect(r.headers["rolebook-delivery"]).toBe(String(id));
    const sig = String(r.headers["rolebook-signature"]);
    expect(sig).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(r.body).toBe(row(id).payload);
    expect(verifySignature(SECRET, r.body, sig, Math.floor(T0.getTime() / 1000))).toBe(true);
    expect(verifySignature("wrong", r.body, sig, Math.floor(T0.getTime() / 1000))).toBe(false);
    expect(row(id)).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200, leaseUntil: null, deliveredAt: T0.toISOString() });
    // Delivered is final: the next tick sends nothing.
    expect(await sendDueWebhooks({ now: () => at(60_000) })).toEqual({ attempted: 0, delivered: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it("retries a failed answer after the backoff, not before, and then delivers", async () => {
    answer = (n) => (n === 1 ? 500 : 204);
    const id = delivery();
    expect(await sendDueWebhooks({ now: () => T0 })).toMatchObject({ retrying: 1 });
    expect(row(id)).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500, lastError: "HTTP 500", nextAttemptAt: at(30_000).toISOString(), leaseUntil: null });
    expect(await sendDueWebhooks({ now: () => at(29_000) })).toMatchObject({ attempted: 0 });
    expect(received).toHaveLength(1);
    expect(await sendDueWebhooks({ now: () => at(30_000) })).toMatchObject({ delivered: 1 });
    expect(received).toHaveLength(2);
    // Each attempt is signed anew over the same body.
    expect(received[1].body).toBe(received[0].body);
    expect(row(id)).toMatchObject({ status: "delivered", attempts: 2, lastStatus: 204 });
  });

  it("gives up after WEBHOOK_MAX_ATTEMPTS, doubling the wait each time; an unreachable URL counts as a failure", async () => {
    answer = () => 503;
    const id = delivery();
    let now = T0;
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      const result = await sendDueWebhooks({ now: () => now });
      expect(result.attempted).toBe(1);
      const r = row(id);
      expect(r.attempts).toBe(attempt);
      if (attempt < WEBHOOK_MAX_ATTEMPTS) {
        expect(r.status).toBe("pending");
        expect(new Date(r.nextAttemptAt).getTime() - now.getTime()).toBe(backoffMs(attempt));
        now = new Date(r.nextAttemptAt);
      } else {
        expect(r).toMatchObject({ status: "failed", lastError: "HTTP 503" });
      }
    }
    expect(received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);

    const dead = delivery("http://127.0.0.1:1/nothing-listens");
    await sendDueWebhooks({ now: () => T0 });
    expect(row(dead)).toMatchObject({ status: "pending", attempts: 1, lastError: "connection failed", lastStatus: null });
  });

  it("leases: two workers at once send one delivery once; a lease left by a crashed worker is taken again after it expires", async () => {
    const id = delivery();
    const [a, b] = await Promise.all([sendDueWebhooks({ now: () => T0 }), sendDueWebhooks({ now: () => T0 })]);
    expect(a.attempted + b.attempted).toBe(1);
    expect(received).toHaveLength(1);
    expect(row(id).status).toBe("delivered");

    // A worker that died mid-send left its lease: nobody sends until the lease runs out.
    const stuck = delivery("http://127.0.0.1:1/x");
    getDb().update(webhookDeliveries).set({ leaseUntil: at(LEASE_MS).toISOString() }).where(eq(webhookDeliveries.id, stuck)).run();
    expect(await sendDueWebhooks({ now: () => at(1_000) })).toMatchObject({ attempted: 0 });
    expect(await sendDueWebhooks({ now: () => at(LEASE_MS + 1) })).toMatchObject({ attempted: 1 });
  });

  it("does not send to a removed webhook", async () => {
    const id = delivery();
    getDb().update(webhooks).set({ removedAt: T0.toISOString() }).run();
    expect(await sendDueWebhooks({ now: () => T0 })).toMatchObject({ attempted: 0, failed: 1 });
    expect(received).toHaveLength(0);
    expect(row(id).status).toBe("failed");
  });
});
