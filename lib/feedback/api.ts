import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { apiKeys, apiRefusals, people } from "@/db/schema";
import { apiIpKey, lockedMinutes, recordFailure } from "@/lib/auth/rate-limit";
import { hashApiKey, isApiKeyShape } from "./integrations";
import { issueServiceLink } from "./tokens";

/**
 * `POST /api/v1/rating-links` (issue 12, point 9): a system around the service desk (a dealer
 * management system, a helpdesk) asks for a per-service rating link for an employee, by email, with
 * its API key. The key is the caller's identity: it is looked up by its SHA-256 and never logged.
 * A missing, wrong or revoked key is refused (401) and counted (`api_refusals`; a revoked key's
 * `refused_calls`); too many of those from one address lock the address for a while (429).
 */

export const API_REFERENCE_MAX = 100;

export const apiLinkSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  reference: z.string().trim().max(API_REFERENCE_MAX).optional().default(""),
});

export type ApiResponse = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

function bearer(authorization: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return m ? m[1] : null;
}

function refuse(reason: "missing" | "wrong" | "revoked", address: string | null, apiKeyId: number | null, now: Date): ApiResponse {
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(apiRefusals).values({ reason, apiKeyId, address, at: now.toISOString() }).run();
    if (apiKeyId != null) tx.update(apiKeys).set({ refusedCalls: sql`${apiKeys.refusedCalls} + 1` }).where(eq(apiKeys.id, apiKeyId)).run();
  });
  recordFailure({ account: apiIpKey(address) }, now.getTime());
  const message =
    reason === "revoked" ? "This API key was revoked." : reason === "missing" ? "Send your API key as: Authorization: Bearer rbk_…" : "This API key is not valid.";
  return { status: 401, body: { error: reason === "revoked" ? "key_revoked" : "unauthorized", message }, headers: { "WWW-Authenticate": 'Bearer realm="rolebook"' } };
}

/**
 * Handles one call: `origin` is the public base URL the link is made absolute with. Returns the
 * status and JSON body; writes only a refusal count or, on success, the link and the key's last use.
 */
export function createRatingLinkByApi(input: { authorization: string | null; body: unknown; address: string | null; origin: string; now?: Date }): ApiResponse {
  const now = input.now ?? new Date();
  const wait = lockedMinutes({ account: apiIpKey(input.address) }, now.getTime());
  if (wait > 0) {
    return {
      status: 429,
      body: { error: "too_many_attempts", message: `Too many calls with a wrong key from this address. Try again in ${wait} minute(s).` },
      headers: { "Retry-After": String(wait * 60) },
    };
  }
  const key = bearer(input.authorization);
  if (!key) return refuse("missing", input.address, null, now);
  const db = getDb();
  const row = isApiKeyShape(key)
    ? db.select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.keyHash, hashApiKey(key))).get()
    : undefined;
  if (!row) return refuse("wrong", input.address, null, now);
  if (row.revokedAt) return refuse("revoked", input.address, row.id, now);

  const parsed = apiLinkSchema.safeParse(input.body ?? {});
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "body"), i.path[0] === "reference" ? `At most ${API_REFERENCE_MAX} characters.` : "A valid email address is required."]));
    return { status: 400, body: { error: "invalid_request", message: "Send JSON like {\"email\": \"name@example.com\", \"reference\": \"RO-1234\"}.", fields } };
  }
  const person = db
    .select({ id: people.id, active: people.active })
    .from(people)
    .where(eq(sql`lower(${people.email})`, parsed.data.email))
    .get();
  if (!person || !person.active) {
    return { status: 422, body: { error: "unknown_person", message: "Nobody active in Rolebook has this email address." } };
  }
  const link = db.transaction((tx) => {
    const issued = issueServiceLink(tx, { personId: person.id, madeBy: "api", createdById: null, apiKeyId: row.id, reference: parsed.data.reference, now });
    tx.update(apiKeys).set({ lastUsedAt: now.toISOString() }).where(eq(apiKeys.id, row.id)).run();
    return issued;
  });
  return { status: 201, body: { url: `${input.origin.replace(/\/+$/, "")}${link.path}`, expiresAt: link.expiresAt } };
}
