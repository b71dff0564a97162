import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobRoles, people, ratingCodes, ratingLinks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { mayMakeRatingLink, ratingPeopleCondition } from "@/lib/auth/feedback-policy";
import { authorize, outOfScope } from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { ActionError, NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { foldForSearch } from "@/lib/core/search-text";
import { issueServiceLink, linkState, walkupPath, type LinkState } from "./tokens";
import { TOKEN_BYTES } from "./vocabulary";
import { containsText } from "@/lib/core/like";

/**
 * Rating links and personal QR codes, the signed-in side (issue 12, point 1): making a per-service
 * link for oneself or for someone one leads, the list of one's recent links, the personal code of a
 * customer-facing employee (made on request, replaceable), and HR's customer-facing flag on a role.
 */

export type LinkPerson = { id: number; name: string; roleTitle: string | null };


/** Whom the actor may make links for: themself, or the active people whose ratings they read. */
function linkPeopleCondition(actor: Actor) {
  return and(eq(people.active, true), or(eq(people.id, actor.id), ratingPeopleCondition(actor)));
}

/** Search-as-you-type for the person a link is for: at most 20 matches among those `mayMakeRatingLink` allows. */
export function searchLinkPeople(actor: Actor, text: string): LinkPerson[] {
  authorize(actor, "ratings.links", { type: "rating_link" });
  const q = foldForSearch(text.trim());
  if (!q) return [];
  return getDb()
    .select({ id: people.id, name: people.name, roleTitle: jobRoles.title })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .where(and(linkPeopleCondition(actor), containsText(people.searchText, q)))
    .orderBy(asc(people.name), asc(people.id))
    .limit(20)
    .all();
}

/** Whether the actor leads anyone they could make links for (the page shows the person search then). */
export function mayMakeLinksForOthers(actor: Actor): boolean {
  authorize(actor, "ratings.links", { type: "rating_link" });
  return Boolean(
    getDb()
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.active, true), sql`${people.id} <> ${actor.id}`, ratingPeopleCondition(actor)))
      .limit(1)
      .get(),
  );
}

function personForLink(actor: Actor, personId: number) {
  if (!mayMakeRatingLink(actor, personId)) throw outOfScope(actor, { type: "person", id: personId }, "mayMakeRatingLink");
  const person = getDb()
    .select({ id: people.id, name: people.name, roleTitle: jobRoles.title, customerFacing: jobRoles.customerFacing })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .where(eq(people.id, personId))
    .get();
  if (!person) throw new NotFoundError("person");
  return { ...person, customerFacing: Boolean(person.customerFacing) };
}

export type MadeLink = { personName: string; path: string; expiresAt: string };

/**
 * Makes a per-service link for the actor or someone they lead (`mayMakeRatingLink`). The token is
 * in the returned path only: shown once, stored as a hash.
 */
export function makeServiceLink(actor: Actor, input: { personId: number; reference: string }, now = new Date()): MadeLink {
  authorize(actor, "ratings.links", { type: "rating_link" });
  const person = personForLink(actor, input.personId);
  const link = getDb().transaction((tx) =>
    issueServiceLink(tx, { personId: person.id, madeBy: "person", createdById: actor.id, apiKeyId: null, reference: input.reference.trim(), now }),
  );
  return { personName: person.name, path: link.path, expiresAt: link.expiresAt };
}

export type LinkRow = { id: number; personName: string; reference: string; madeBy: "person" | "api"; createdAt: string; expiresAt: string; usedAt: string | null; state: LinkState };

export const LINKS_PAGE_SIZE = 20;

/** The actor's recent per-service links, newest first: those they made and those made for them (by a leader or a system). */
export function myRecentLinks(actor: Actor, page?: number, now = new Date()): Page<LinkRow> {
  authorize(actor, "ratings.links", { type: "rating_link" });
  const db = getDb();
  const where = or(eq(ratingLinks.createdById, actor.id), eq(ratingLinks.personId, actor.id));
  const total = db.select({ n: count() }).from(ratingLinks).where(where).get()?.n ?? 0;
  const p = pageOf(total, page, LINKS_PAGE_SIZE);
  const rows = db
    .select({
      id: ratingLinks.id,
      personName: people.name,
      reference: ratingLinks.reference,
      madeBy: ratingLinks.madeBy,
      createdAt: ratingLinks.createdAt,
      expiresAt: ratingLinks.expiresAt,
      usedAt: ratingLinks.usedAt,
    })
    .from(ratingLinks)
    .innerJoin(people, eq(people.id, ratingLinks.personId))
    .where(where)
    .orderBy(desc(ratingLinks.createdAt), desc(ratingLinks.id))
    .limit(LINKS_PAGE_SIZE)
    .offset(p.offset)
    .all();
  return { rows: rows.map((r) => ({ ...r, state: linkState(r, now) })), total, page: p.page, pageCount: p.pageCount, pageSize: LINKS_PAGE_SIZE };
}

export type PersonalCode = { person: LinkPerson; customerFacing: boolean; code: string | null; path: string | null; createdAt: string | null };

/**
 * The personal QR code of a person the actor may make links for. Only people in a customer-facing
 * role have one; it is made on request (`createPersonalCode`), so reading never writes.
 */
export function personalCode(actor: Actor, personId: number): PersonalCode {
  authorize(actor, "ratings.links", { type: "rating_code" });
  const person = personForLink(actor, personId);
  const row = person.customerFacing
    ? getDb().select({ code: ratingCodes.code, createdAt: ratingCodes.createdAt }).from(ratingCodes).where(eq(ratingCodes.personId, personId)).get()
    : undefined;
  return {
    person: { id: person.id, name: person.name, roleTitle: person.roleTitle },
    customerFacing: person.customerFacing,
    code: row?.code ?? null,
    path: row ? walkupPath(row.code) : null,
    createdAt: row?.createdAt ?? null,
  };
}

/**
 * Makes the personal code, or replaces it ("new code": printed cards with the old one stop working).
 * Only for people in a customer-facing role.
 */
export function createPersonalCode(actor: Actor, personId: number, now = new Date()): { path: string } {
  authorize(actor, "ratings.links", { type: "rating_code" });
  const person = personForLink(actor, personId);
  if (!person.customerFacing) throw new ActionError("rate.notCustomerFacing");
  const code = randomBytes(TOKEN_BYTES).toString("base64url");
  const at = now.toISOString();
  getDb()
    .insert(ratingCodes)
    .values({ personId, code, createdAt: at })
    .onConflictDoUpdate({ target: ratingCodes.personId, set: { code, createdAt: at } })
    .run();
  return { path: walkupPath(code) };
}

/** HR marks a role customer-facing (its people get personal QR codes) or not. Audited; setting the same value again changes nothing. */
export function setCustomerFacing(actor: Actor, roleId: number, customerFacing: boolean): { customerFacing: boolean } {
  authorize(actor, "ratings.oversee", { type: "job_role", id: roleId });
  const db = getDb();
  const role = db.select({ id: jobRoles.id, customerFacing: jobRoles.customerFacing }).from(jobRoles).where(eq(jobRoles.id, roleId)).get();
  if (!role) throw new NotFoundError("job_role");
  if (Boolean(role.customerFacing) === customerFacing) return { customerFacing };
  db.transaction((tx) => {
    tx.update(jobRoles).set({ customerFacing, updatedAt: new Date().toISOString() }).where(eq(jobRoles.id, roleId)).run();
    audit({ actorId: actor.id, action: "role.customerFacing", entityType: "job_role", entityId: roleId, detail: { changes: { customerFacing: { from: Boolean(role.customerFacing), to: customerFacing } } } }, tx);
  });
  return { customerFacing };
}

/** Whether the role is customer-facing, for its page (everyone who reads the role may see it). */
export function roleCustomerFacing(actor: Actor, roleId: number): boolean {
  authorize(actor, "roles.read", { type: "job_role", id: roleId });
  return Boolean(getDb().select({ v: jobRoles.customerFacing }).from(jobRoles).where(eq(jobRoles.id, roleId)).get()?.v);
}

/** "Elif Yılmaz" → "Elif": what customers see of an employee. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
