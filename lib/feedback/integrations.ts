import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, apiRefusals, webhookDeliveries, webhooks } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { fields, textLine } from "@/lib/core/validation";
import { pageOf, type Page } from "@/lib/core/pagination";
import { API_KEY_NAME_MAX, API_KEY_PREFIX, TOKEN_BYTES } from "./vocabulary";

/**
 * HR's integrations (issue 12, point 9): API keys for the systems around the service desk and
 * webhooks that receive a signed event for each new rating. A key is shown once and stored only as
 * its SHA-256; a webhook's signing secret is shown once too (it must be kept to sign, so it stays in
 * the table, never in a page or the audit log after that).
 */

export const API_KEYS_PAGE_SIZE = 20;
export const WEBHOOKS_PAGE_SIZE = 20;
/** How many recent deliveries the webhook list shows per webhook. */
export const RECENT_DELIVERIES = 3;
/** Characters of the key after "rbk_" kept to recognise it in the list. */
export const KEY_PREFIX_CHARS = 8;
export const WEBHOOK_URL_MAX = 2000;

const trim = (v: unknown) => (typeof v === "string" ? v.trim() : v);
export const createApiKeySchema = z.object({ name: textLine(API_KEY_NAME_MAX) });
export const addWebhookSchema = z.object({ url: z.preprocess(trim, z.string().min(1).max(WEBHOOK_URL_MAX)) });
export const integrationIdSchema = z.object({ id: fields.id });

export function newApiKey(): string {
  return API_KEY_PREFIX + randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A key as it may be sent: "rbk_" and base64url of 32 bytes. Anything else is wrong without a lookup. */
export function isApiKeyShape(key: string): boolean {
  return key.startsWith(API_KEY_PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(key.slice(API_KEY_PREFIX.length));
}

/** Only http(s) URLs with a host and no credentials in them receive webhooks. */
export function isWebhookUrl(value: string): boolean {
  if (value.length > WEBHOOK_URL_MAX) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" && !url.username && !url.password;
}

export type ApiKeyView = {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  refusedCalls: number;
};

/** HR: the API keys, newest first, a page at a time. */
export function listApiKeys(actor: Actor, page = 1): Page<ApiKeyView> {
  authorize(actor, "integrations.manage", { type: "api_key" });
  const db = getDb();
  const total = db.select({ n: count() }).from(apiKeys).get()?.n ?? 0;
  const p = pageOf(total, page, API_KEYS_PAGE_SIZE);
  const rows = db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      refusedCalls: apiKeys.refusedCalls,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(API_KEYS_PAGE_SIZE)
    .offset(p.offset)
    .all();
  return { rows, total, page: p.page, pageCount: p.pageCount, pageSize: API_KEYS_PAGE_SIZE };
}

/** Calls refused for a missing or wrong key in the last 24 hours (no key to pin them on). */
export function recentUnknownKeyRefusals(actor: Actor, now = new Date()): number {
  authorize(actor, "integrations.manage", { type: "api_key" });
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
  return (
    getDb()
      .select({ n: count() })
      .from(apiRefusals)
      .where(and(isNull(apiRefusals.apiKeyId), sql`${apiRefusals.at} >= ${since}`))
      .get()?.n ?? 0
  );
}

/** HR makes a key: returned once (the page shows it once), stored as its hash. */
export function createApiKey(actor: Actor, input: { name: string }, now = new Date()): { id: number; key: string; name: string } {
  authorize(actor, "integrations.manage", { type: "api_key" });
  const name = input.name.trim();
  if (!name) throw new FieldError({ name: "required" });
  if (name.length > API_KEY_NAME_MAX) throw new FieldError({ name: "tooLong" }, { name: { max: API_KEY_NAME_MAX } });
  const key = newApiKey();
  return getDb().transaction((tx) => {
    const row = tx
      .insert(apiKeys)
      .values({
        name,
        prefix: key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + KEY_PREFIX_CHARS),
        keyHash: hashApiKey(key),
        createdById: actor.id,
        createdAt: now.toISOString(),
      })
      .returning({ id: apiKeys.id })
      .get();
    audit({ actorId: actor.id, action: "integration.keyCreate", entityType: "api_key", entityId: row.id, detail: { name } }, tx);
    return { id: row.id, key, name };
  });
}

/** HR revokes a key: calls with it are refused (401) and counted from now on. Revoking twice changes nothing. */
export function revokeApiKey(actor: Actor, id: number, now = new Date()): void {
  authorize(actor, "integrations.manage", { type: "api_key", id });
  getDb().transaction((tx) => {
    const row = tx.select({ id: apiKeys.id, name: apiKeys.name, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, id)).get();
    if (!row) throw new NotFoundError("api_key");
    if (row.revokedAt) return;
    tx.update(apiKeys).set({ revokedAt: now.toISOString(), revokedById: actor.id }).where(eq(apiKeys.id, id)).run();
    audit({ actorId: actor.id, action: "integration.keyRevoke", entityType: "api_key", entityId: id, detail: { name: row.name } }, tx);
  });
}

export type DeliveryView = { id: number; status: "pending" | "delivered" | "failed"; attempts: number; lastStatus: number | null; lastError: string | null; createdAt: string };
export type WebhookView = { id: number; url: string; createdAt: string; deliveries: DeliveryView[] };

/** HR: the active webhooks, newest first, each with its few most recent deliveries (one query for all of them). */
export function listWebhooks(actor: Actor, page = 1): Page<WebhookView> {
  authorize(actor, "integrations.manage", { type: "webhook" });
  const db = getDb();
  const active = isNull(webhooks.removedAt);
  const total = db.select({ n: count() }).from(webhooks).where(active).get()?.n ?? 0;
  const p = pageOf(total, page, WEBHOOKS_PAGE_SIZE);
  const hooks = db
    .select({ id: webhooks.id, url: webhooks.url, createdAt: webhooks.createdAt })
    .from(webhooks)
    .where(active)
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
    .limit(WEBHOOKS_PAGE_SIZE)
    .offset(p.offset)
    .all();
  const byHook = new Map<number, DeliveryView[]>(hooks.map((h) => [h.id, []]));
  if (hooks.length) {
    // The latest few per webhook: a window function, one query for the page.
    const ranked = db
      .select({
        id: webhookDeliveries.id,
        webhookId: webhookDeliveries.webhookId,
        status: webhookDeliveries.status,
        attempts: webhookDeliveries.attempts,
        lastStatus: webhookDeliveries.lastStatus,
        lastError: webhookDeliveries.lastError,
        createdAt: webhookDeliveries.createdAt,
        rank: sql<number>`row_number() over (partition by ${webhookDeliveries.webhookId} order by ${webhookDeliveries.id} desc)`.as("rank"),
      })
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.webhookId, [...byHook.keys()]))
      .as("ranked");
    const rows = db.select().from(ranked).where(sql`${ranked.rank} <= ${RECENT_DELIVERIES}`).orderBy(desc(ranked.id)).all();
    for (const { webhookId, rank, ...d } of rows) {
      void rank;
      byHook.get(webhookId)?.push(d);
    }
  }
  return { rows: hooks.map((h) => ({ ...h, deliveries: byHook.get(h.id) ?? [] })), total, page: p.page, pageCount: p.pageCount, pageSize: WEBHOOKS_PAGE_SIZE };
}

/** HR registers a webhook URL (http or https only); the signing secret is returned once. */
export function addWebhook(actor: Actor, input: { url: string }, now = new Date()): { id: number; url: string; secret: string } {
  authorize(actor, "integrations.manage", { type: "webhook" });
  const url = input.url.trim();
  if (!url) throw new FieldError({ url: "required" });
  if (!isWebhookUrl(url)) throw new FieldError({ url: "integrations.webhookUrl" });
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return getDb().transaction((tx) => {
    const row = tx.insert(webhooks).values({ url, secret, createdById: actor.id, createdAt: now.toISOString() }).returning({ id: webhooks.id }).get();
    audit({ actorId: actor.id, action: "integration.webhookAdd", entityType: "webhook", entityId: row.id, detail: { name: url } }, tx);
    return { id: row.id, url, secret };
  });
}

/** HR removes a webhook: it receives nothing more; its pending deliveries are given up. */
export function removeWebhook(actor: Actor, id: number, now = new Date()): void {
  authorize(actor, "integrations.manage", { type: "webhook", id });
  getDb().transaction((tx) => {
    const row = tx.select({ id: webhooks.id, url: webhooks.url }).from(webhooks).where(and(eq(webhooks.id, id), isNull(webhooks.removedAt))).get();
    if (!row) throw new NotFoundError("webhook");
    tx.update(webhooks).set({ removedAt: now.toISOString() }).where(eq(webhooks.id, id)).run();
    tx.update(webhookDeliveries)
      .set({ status: "failed", lastError: "webhook removed", leaseUntil: null })
      .where(and(eq(webhookDeliveries.webhookId, id), eq(webhookDeliveries.status, "pending")))
      .run();
    audit({ actorId: actor.id, action: "integration.webhookRemove", entityType: "webhook", entityId: id, detail: { name: row.url } }, tx);
  });
}
