import { createHash, randomBytes } from "node:crypto";
import { getDb } from "./client";
import { apiKeys } from "./schema";
import { API_KEY_PREFIX } from "../lib/feedback/vocabulary";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Demo data for the feedback tool (issue 12), the API part: an API key "Dealer management system"
 * that HR made three weeks ago and that was last used yesterday. Its plain value is random and
 * thrown away (only the hash is kept, as for a real key). No webhook: a demo URL pointing nowhere
 * would only collect failed deliveries.
 */
export function seedIntegrations(today: Date, personIds: Map<string, number>): void {
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  getDb()
    .insert(apiKeys)
    .values({
      name: "Dealer management system",
      prefix: key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + 8),
      keyHash: createHash("sha256").update(key, "utf8").digest("hex"),
      createdById: personIds.get("hr@example.com") ?? null,
      createdAt: new Date(today.getTime() - 21 * DAY).toISOString(),
      lastUsedAt: new Date(today.getTime() - 1 * DAY).toISOString(),
    })
    .run();
}
