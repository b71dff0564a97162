import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { DB } from "@/db/client";
import { ratingLinks } from "@/db/schema";
import { LINK_VALID_DAYS, TOKEN_BYTES } from "./vocabulary";

/**
 * Rating link tokens (issue 12, point 1). A per-service link's token is random (32 bytes, base64url)
 * and shown once, to whoever made the link; only its SHA-256 is stored, so a leaked database does not
 * give working links. Shared by the page that makes links and the API.
 */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as it may appear in a URL: base64url, the length newToken makes. Anything else is not found. */
export function isTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type LinkState = "open" | "used" | "expired";

/** Whether a per-service link can still take its rating. */
export function linkState(link: { usedAt: string | null; expiresAt: string }, now = new Date()): LinkState {
  if (link.usedAt) return "used";
  return now.toISOString() >= link.expiresAt ? "expired" : "open";
}

export function expiryFrom(now: Date): string {
  return new Date(now.getTime() + LINK_VALID_DAYS * 24 * 60 * 60 * 1000).toISOString();
}

/** The public path of a per-service link / a personal code (the caller adds the origin). */
export const servicePath = (token: string) => `/r/${token}`;
export const walkupPath = (code: string) => `/q/${code}`;

type Tx = Pick<DB, "insert">;

/**
 * Stores a new per-service link for `personId` (the caller checked who may make it, and that the
 * person is active) and returns the token, shown once.
 */
export function issueServiceLink(
  tx: Tx,
  input: { personId: number; madeBy: "person" | "api"; createdById: number | null; apiKeyId: number | null; reference: string; now?: Date },
): { id: number; token: string; path: string; expiresAt: string } {
  const now = input.now ?? new Date();
  const token = newToken();
  const expiresAt = expiryFrom(now);
  const { id } = tx
    .insert(ratingLinks)
    .values({
      tokenHash: hashToken(token),
      personId: input.personId,
      madeBy: input.madeBy,
      createdById: input.createdById,
      apiKeyId: input.apiKeyId,
      reference: input.reference,
      createdAt: now.toISOString(),
      expiresAt,
    })
    .returning({ id: ratingLinks.id })
    .get();
  return { id, token, path: servicePath(token), expiresAt };
}
