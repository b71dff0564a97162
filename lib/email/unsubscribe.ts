import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailPreferences, people } from "@/db/schema";
import { DEFAULT_MODE, EMAIL_GROUPS, type EmailGroup } from "./vocabulary";
import { appUrl } from "./urls";

/*
 * One-click unsubscribe (issue 13, point 2; RFC 8058). The link in every digest carries a signed
 * token: the person's id and what it stops ("digest", or one kind group), signed with HMAC-SHA256
 * over AUTH_SECRET. The token is the authority: no sign-in, so nothing else than that one person's
 * email choice can be changed with it, and a tampered token is invalid. It does not expire: an old
 * digest's link must still work.
 */

export type UnsubscribeScope = "digest" | EmailGroup;
export type UnsubscribeToken = { personId: number; scope: UnsubscribeScope };

/** Used only when AUTH_SECRET is unset (unit tests): the start script always sets one. */
const FALLBACK_SECRET = "rolebook-unsubscribe-development-secret";

function secret(): string {
  return process.env.AUTH_SECRET || FALLBACK_SECRET;
}

function sign(payload: string): Buffer {
  return createHmac("sha256", secret()).update(`unsubscribe:${payload}`).digest();
}

function isScope(value: string): value is UnsubscribeScope {
  return value === "digest" || (EMAIL_GROUPS as readonly string[]).includes(value);
}

export function unsubscribeToken(personId: number, scope: UnsubscribeScope): string {
  const payload = `${personId}:${scope}`;
  return `${Buffer.from(payload).toString("base64url")}.${sign(payload).toString("base64url")}`;
}

/** The token's person and scope, or null for anything not signed by us (constant-time check). */
export function verifyUnsubscribeToken(token: string): UnsubscribeToken | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return null;
  const payload = Buffer.from(match[1], "base64url").toString("utf8");
  const given = Buffer.from(match[2], "base64url");
  const expected = sign(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const parts = /^([1-9]\d{0,15}):([a-z]+)$/.exec(payload);
  if (!parts || !isScope(parts[2])) return null;
  return { personId: Number(parts[1]), scope: parts[2] };
}

/** The page to unsubscribe with one click (shown in the email) and the RFC 8058 POST endpoint. */
export function unsubscribeUrls(personId: number, scope: UnsubscribeScope): { page: string; oneClick: string } {
  const token = unsubscribeToken(personId, scope);
  return { page: appUrl(`/unsubscribe/${token}`), oneClick: appUrl(`/api/unsubscribe?token=${token}`) };
}

/** The groups a scope stops: the digest scope = every group the person now gets in the digest. */
function groupsOf(personId: number, scope: UnsubscribeScope): EmailGroup[] {
  if (scope !== "digest") return [scope];
  const stored = new Map(
    getDb()
      .select({ group: emailPreferences.group, mode: emailPreferences.mode })
      .from(emailPreferences)
      .where(eq(emailPreferences.personId, personId))
      .all()
      .map((r) => [r.group, r.mode]),
  );
  return EMAIL_GROUPS.filter((g) => (stored.get(g) ?? DEFAULT_MODE[g]) === "digest");
}

export type UnsubscribePreview = { scope: UnsubscribeScope; firstName: string; groups: EmailGroup[] };

/** What the link would stop (the page before the button). Reads only; null for an invalid token. */
export function unsubscribePreview(token: string): UnsubscribePreview | null {
  const parsed = verifyUnsubscribeToken(token);
  if (!parsed) return null;
  const person = getDb().select({ name: people.name }).from(people).where(eq(people.id, parsed.personId)).get();
  if (!person) return null;
  return { scope: parsed.scope, firstName: person.name.split(/\s+/)[0] ?? "", groups: groupsOf(parsed.personId, parsed.scope) };
}

/**
 * Unsubscribes: the digest scope turns every group the person has in the digest to "not by email";
 * a group scope turns that group off. Idempotent (a second click changes nothing). Returns the
 * groups turned off, or null for an invalid token or a person who no longer exists.
 */
export function unsubscribe(token: string): EmailGroup[] | null {
  const parsed = verifyUnsubscribeToken(token);
  if (!parsed) return null;
  const db = getDb();
  return db.transaction((tx) => {
    const person = tx.select({ id: people.id }).from(people).where(eq(people.id, parsed.personId)).get();
    if (!person) return null;
    const groups = groupsOf(parsed.personId, parsed.scope);
    if (groups.length) {
      tx.delete(emailPreferences)
        .where(and(eq(emailPreferences.personId, parsed.personId), inArray(emailPreferences.group, groups)))
        .run();
      tx.insert(emailPreferences)
        .values(groups.map((group) => ({ personId: parsed.personId, group, mode: "off" as const })))
        .run();
    }
    return groups;
  });
}
