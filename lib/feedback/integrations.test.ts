import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, apiRefusals, loginFailures, notifications, people, ratingLinks, webhookDeliveries } from "@/db/schema";
import { LIMITS } from "@/lib/auth/rate-limit";
import { FieldError } from "@/lib/core/errors";
import { notify } from "@/lib/notifications/notifications";
import { liveNotificationState } from "@/lib/notifications/live";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { createRatingLinkByApi } from "./api";
import { addWebhook, createApiKey, hashApiKey, isApiKeyShape, isWebhookUrl, listApiKeys, listWebhooks, removeWebhook, revokeApiKey } from "./integrations";
import { hashToken } from "./tokens";

/** API keys, webhooks and the rating-link API (issue 12, point 9), on the seeded demo. */

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const hr = () => actorFor("hr@example.com");
const ORIGIN = "https://rolebook.example.com";
const call = (authorization: string | null, body: unknown, address = "203.0.113.7", now?: Date) =>
  createRatingLinkByApi({ authorization, body, address, origin: ORIGIN, now });
const failuresFor = (address: string) => getDb().select().from(loginFailures).where(eq(loginFailures.key, `api-ip:${address}`)).all().length;

describe("API keys", () => {
  it("are shown once as rbk_ + 43 characters and stored only as their SHA-256, with the first 8 characters to recognise them", () => {
    const { id, key } = createApiKey(hr(), { name: "Helpdesk" });
    expect(isApiKeyShape(key)).toBe(true);
    expect(key).toMatch(/^rbk_[A-Za-z0-9_-]{43}$/);
    const row = getDb().select().from(apiKeys).where(eq(apiKeys.id, id)).get()!;
    expect(row.keyHash).toBe(hashApiKey(key));
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.prefix).toBe(key.slice(4, 12));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(listApiKeys(hr()).rows.find((k) => k.id === id)).toMatchObject({ name: "Helpdesk", lastUsedAt: null, revokedAt: null, refusedCalls: 0 });
  });

  it("refuses an empty or too long name next to the field", () => {
    expect(() => createApiKey(hr(), { name: "  " })).toThrow(FieldError);
    expect(() => createApiKey(hr(), { name: "x".repeat(101) })).toThrow(FieldError);
  });
});

describe("POST /api/v1/rating-links", () => {
  it("makes a per-service link for an active person by email: 201 with the absolute URL; the link is made by the API key; last used is set", () => {
    const { id, key } = createApiKey(hr(), { name: "Dealer system" });
    const now = new Date();
    const res = call(`Bearer ${key}`, { email: " Employee@Example.com ", reference: "RO-1234" }, "203.0.113.1", now);
    expect(res.status).toBe(201);
    const url = String(res.body.url);
    expect(url).toMatch(new RegExp(`^${ORIGIN}/r/[A-Za-z0-9_-]{43}$`));
    const token = url.split("/r/")[1];
    const link = getDb().select().from(ratingLinks).where(eq(ratingLinks.tokenHash, hashToken(token))).get()!;
    expect(link).toMatchObject({ madeBy: "api", apiKeyId: id, createdById: null, reference: "RO-1234", usedAt: null, personId: actorFor("employee@example.com").id });
    expect(res.body.expiresAt).toBe(link.expiresAt);
    expect(getDb().select().from(apiKeys).where(eq(apiKeys.id, id)).get()!.lastUsedAt).toBe(now.toISOString());
  });

  it("refuses a missing or wrong key with 401, counts it, and writes no link", () => {
    const links = getDb().select().from(ratingLinks).all().length;
    const before = getDb().select().from(apiRefusals).all().length;
    expect(call(null, { email: "employee@example.com" }, "198.51.100.1")).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    expect(call("Bearer rbk_" + "A".repeat(43), { email: "employee@example.com" }, "198.51.100.1")).toMatchObject({ status: 401 });
    expect(call("Basic abc", { email: "employee@example.com" }, "198.51.100.1")).toMatchObject({ status: 401 });
    const refusals = getDb().select().from(apiRefusals).all().slice(before);
    expect(refusals.map((r) => [r.reason, r.apiKeyId, r.address])).toEqual([
      ["missing", null, "198.51.100.1"],
      ["wrong", null, "198.51.100.1"],
      ["missing", null, "198.51.100.1"],
    ]);
    expect(getDb().select().from(ratingLinks).all().length).toBe(links);
    expect(failuresFor("198.51.100.1")).toBe(3);
  });

  it("refuses a revoked key with 401 and counts the call on the key", () => {
    const { id, key } = createApiKey(hr(), { name: "Old system" });
    revokeApiKey(hr(), id);
    revokeApiKey(hr(), id); // twice changes nothing
    const links = getDb().select().from(ratingLinks).all().length;
    expect(call(`Bearer ${key}`, { email: "employee@example.com" })).toMatchObject({ status: 401, body: { error: "key_revoked" } });
    expect(call(`Bearer ${key}`, { email: "employee@example.com" })).toMatchObject({ status: 401 });
    const row = getDb().select().from(apiKeys).where(eq(apiKeys.id, id)).get()!;
    expect(row.refusedCalls).toBe(2);
    expect(row.lastUsedAt).toBeNull();
    expect(getDb().select().from(apiRefusals).where(eq(apiRefusals.apiKeyId, id)).all().map((r) => r.reason)).toEqual(["revoked", "revoked"]);
    expect(getDb().select().from(ratingLinks).all().length).toBe(links);
  });

  it("refuses an unknown or inactive person with 422 and bad JSON with 400, writing nothing", () => {
    const { id, key } = createApiKey(hr(), { name: "Checker" });
    const inactive = getDb().select({ email: people.email }).from(people).where(eq(people.active, false)).get();
    const links = getDb().select().from(ratingLinks).all().length;
    expect(call(`Bearer ${key}`, { email: "nobody@example.com" })).toMatchObject({ status: 422, body: { error: "unknown_person" } });
    if (inactive) expect(call(`Bearer ${key}`, { email: inactive.email })).toMatchObject({ status: 422 });
    getDb().update(people).set({ active: false }).where(eq(people.email, "newhire@example.com")).run();
    expect(call(`Bearer ${key}`, { email: "newhire@example.com" })).toMatchObject({ status: 422 });
    getDb().update(people).set({ active: true }).where(eq(people.email, "newhire@example.com")).run();
    expect(call(`Bearer ${key}`, { email: "not an email" })).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(call(`Bearer ${key}`, null)).toMatchObject({ status: 400 });
    expect(call(`Bearer ${key}`, { email: "employee@example.com", reference: "x".repeat(101) })).toMatchObject({ status: 400 });
    expect(getDb().select().from(ratingLinks).all().length).toBe(links);
    expect(getDb().select().from(apiKeys).where(eq(apiKeys.id, id)).get()!.lastUsedAt).toBeNull();
  });

  it("locks an address after too many refused calls (429), even for a good key, and not other addresses", () => {
    const { key } = createApiKey(hr(), { name: "Busy" });
    const address = "192.0.2.99";
    for (let i = 0; i < LIMITS.ip; i++) expect(call("Bearer rbk_wrong", {}, address).status).toBe(401);
    const locked = call(`Bearer ${key}`, { email: "employee@example.com" }, address);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers?.["Retry-After"])).toBeGreaterThan(0);
    expect(call(`Bearer ${key}`, { email: "employee@example.com" }, "192.0.2.100").status).toBe(201);
  });
});

describe("webhooks", () => {
  it("accept only http(s) URLs", () => {
    expect(isWebhookUrl("https://hooks.example.com/rolebook")).toBe(true);
    expect(isWebhookUrl("http://10.0.0.5:8080/x")).toBe(true);
    for (const bad of ["ftp://x", "javascript:alert(1)", "file:///etc/passwd", "example.com/hook", "https://user:pw@example.com/", "mailto:a@b.c", ""]) {
      expect(isWebhookUrl(bad), bad).toBe(false);
    }
    try {
      addWebhook(hr(), { url: "ftp://x" });
      expect.unreachable();
    } catch (e) {
      expect((e as FieldError).fieldErrors).toEqual({ url: "integrations.webhookUrl" });
    }
  });

  it("are listed with their recent deliveries; removing one gives up its pending deliveries", () => {
    const { id, secret } = addWebhook(hr(), { url: "https://hooks.example.com/rolebook" });
    expect(secret).toMatch(/^whsec_/);
    const now = new Date().toISOString();
    getDb()
      .insert(webhookDeliveries)
      .values([1, 2, 3, 4].map((n) => ({ webhookId: id, event: "rating.created" as const, eventKey: `rating.created:${n}`, payload: "{}", nextAttemptAt: now, createdAt: now })))
      .run();
    const listed = listWebhooks(hr()).rows.find((h) => h.id === id)!;
    expect(listed.deliveries.map((d) => d.status)).toEqual(["pending", "pending", "pending"]);
    expect(JSON.stringify(listWebhooks(hr()))).not.toContain(secret);
    removeWebhook(hr(), id);
    expect(listWebhooks(hr()).rows.find((h) => h.id === id)).toBeUndefined();
    expect(new Set(getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).all().map((d) => d.status))).toEqual(new Set(["failed"]));
  });
});

describe("liveNotificationState", () => {
  it("changes when a notification arrives and when it is read, for the person only", () => {
    const elif = actorFor("employee@example.com");
    const before = liveNotificationState(elif);
    const other = liveNotificationState(actorFor("supervisor@example.com"));
    getDb().transaction((tx) => notify(tx, [elif.id], "rating.received", { stars: 5 }, "/feedback#rating-1"));
    const after = liveNotificationState(elif);
    expect(after.unread).toBe(before.unread + 1);
    expect(after.latestId).toBeGreaterThan(before.latestId);
    expect(liveNotificationState(actorFor("supervisor@example.com"))).toEqual(other);
    getDb().update(notifications).set({ readAt: new Date().toISOString() }).where(eq(notifications.id, after.latestId)).run();
    expect(liveNotificationState(elif)).toEqual({ unread: before.unread, latestId: after.latestId });
  });
});
