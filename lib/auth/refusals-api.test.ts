import { beforeAll, expect } from "vitest";
import { createRatingLinkByApi } from "@/lib/feedback/api";
import {
  addWebhook,
  createApiKey,
  listApiKeys,
  listWebhooks,
  recentUnknownKeyRefusals,
  removeWebhook,
  revokeApiKey,
} from "@/lib/feedback/integrations";
import { liveNotificationState } from "@/lib/notifications/live";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, MGR, NORA, refusals, STRANGER, SUP, type RefusalCase, SEED_TIMEOUT } from "@/lib/test/refusals";

/** Integrations (issue 12, point 9): API keys, webhooks, the rating-link API, the live notification poll (harness: lib/test/refusals.ts). */

let keyId = 0;
let key = "";
let revokedKey = "";
let webhookId = 0;

beforeAll(async () => {
  await useSeededTestDb();
  const hr = actorFor(HR);
  ({ id: keyId, key } = createApiKey(hr, { name: "Fixture key" }));
  const revoked = createApiKey(hr, { name: "Revoked fixture" });
  revokeApiKey(hr, revoked.id);
  revokedKey = revoked.key;
  webhookId = addWebhook(hr, { url: "https://hooks.example.com/fixture" }).id;
}, SEED_TIMEOUT);

const NOT_HR = [MGR, SUP, EMP, NORA, STRANGER];
const KEY = () => ({ type: "api_key" });
const HOOK = () => ({ type: "webhook" });
const api = (authorization: string | null, email = "employee@example.com") =>
  createRatingLinkByApi({ authorization, body: { email }, address: "203.0.113.50", origin: "https://rolebook.example.com" });

const cases: RefusalCase[] = [
  ...forbidden("listApiKeys", NOT_HR, (a) => listApiKeys(a), "integrations.manage", KEY),
  ...forbidden("recentUnknownKeyRefusals", NOT_HR, (a) => recentUnknownKeyRefusals(a), "integrations.manage", KEY),
  ...forbidden("createApiKey", NOT_HR, (a) => createApiKey(a, { name: "Sneaky" }), "integrations.manage", KEY),
  ...forbidden("revokeApiKey", NOT_HR, (a) => revokeApiKey(a, keyId), "integrations.manage", () => ({ type: "api_key", id: keyId })),
  ...forbidden("listWebhooks", NOT_HR, (a) => listWebhooks(a), "integrations.manage", HOOK),
  ...forbidden("addWebhook", NOT_HR, (a) => addWebhook(a, { url: "https://evil.example.com/" }), "integrations.manage", HOOK),
  ...forbidden("removeWebhook", NOT_HR, (a) => removeWebhook(a, webhookId), "integrations.manage", () => ({ type: "webhook", id: webhookId })),
  ...forbidden("liveNotificationState", [STRANGER], (a) => liveNotificationState(a), "notifications.read"),
  {
    name: "addWebhook: HR's ftp:// URL is refused next to the field",
    as: HR,
    call: (a) => addWebhook(a, { url: "ftp://x" }),
    expect: "field",
    fieldErrors: { url: "integrations.webhookUrl" },
  },
  { name: "revokeApiKey: a key that does not exist is not found", as: HR, call: (a) => revokeApiKey(a, 999_999), expect: "notFound" },
  { name: "removeWebhook: a webhook that does not exist is not found", as: HR, call: (a) => removeWebhook(a, 999_999), expect: "notFound" },
  {
    name: "API: a wrong key gets 401, counted (refusal and the address's failures), no link",
    as: HR,
    call: () => api("Bearer rbk_" + "x".repeat(43)),
    expect: (r: { status: number }) => expect(r.status).toBe(401),
    changes: ["api_refusals", "login_failures", "sqlite_sequence"],
  },
  {
    name: "API: a revoked key gets 401 and the key's refused calls go up, no link",
    as: HR,
    call: () => api(`Bearer ${revokedKey}`),
    expect: (r: { status: number }) => expect(r.status).toBe(401),
    changes: ["api_keys", "api_refusals", "login_failures", "sqlite_sequence"],
  },
  {
    name: "API: a good key for someone who does not work here gets 422 and nothing is written",
    as: HR,
    call: () => api(`Bearer ${key}`, "nobody@example.com"),
    expect: (r: { status: number }) => expect(r.status).toBe(422),
  },

  // Allowed calls last.
  {
    name: "positive: liveNotificationState is the person's own",
    as: EMP,
    call: (a) => liveNotificationState(a),
    expect: (r: { unread: number; latestId: number }) => expect(r.unread).toBeGreaterThanOrEqual(0),
  },
  {
    name: "positive: a good key makes a link for Elif",
    as: HR,
    call: () => api(`Bearer ${key}`),
    expect: (r: { status: number }) => expect(r.status).toBe(201),
    changes: ["api_keys", "rating_links", "sqlite_sequence"],
  },
  {
    name: "positive: HR makes a key",
    as: HR,
    call: (a) => createApiKey(a, { name: "Another" }),
    expect: (r: { key: string }) => expect(r.key).toMatch(/^rbk_/),
    changes: ["api_keys", "sqlite_sequence"],
  },
];

refusals(cases);
