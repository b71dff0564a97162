import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { jobRoles, people, ratingCodes, ratingLinks, roleVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isSelfRating } from "@/lib/auth/feedback-policy";
import { recordWalkup, walkupAllowed, walkupKeys } from "@/lib/auth/rate-limit";
import { ActionError, FieldError, NotFoundError } from "@/lib/core/errors";
import { parseRoleDoc } from "@/lib/roles/doc";
import { firstNameOf } from "./links";
import { recordRating, type RatingInput } from "./record";
import { hashToken, isTokenShape, linkState } from "./tokens";
import { RATING_COMMENT_MAX, RATING_MAX, RATING_MIN, RATING_TAGS, type RatingTag } from "./vocabulary";

/**
 * The public rating pages (issue 12, points 2 and 3): /r/<token> (a per-service link) and
 * /q/<code> (a personal QR code, walk-up). No sign-in: the token or code is the only key. Opening
 * a page reads (link scanners open pages); only a submitted form writes. A browser signed in as the
 * employee rated is refused on opening and on submitting (`isSelfRating`).
 */

export type RateSubject = { personId: number; firstName: string; roleTitle: string | null; tags: RatingTag[] };
export type RatePage = ({ state: "open" } & RateSubject) | { state: "used" | "expired" | "self" };

type Viewer = Pick<Actor, "id"> | null;

type PersonRow = { id: number; name: string; jobRoleId: number | null; teamId: number | null; reportsToId: number | null; roleTitle: string | null; content: string | null; customerFacing: boolean | null };

function personRow(personId: number): PersonRow | undefined {
  return getDb()
    .select({
      id: people.id,
      name: people.name,
      jobRoleId: people.jobRoleId,
      teamId: people.teamId,
      reportsToId: people.reportsToId,
      roleTitle: jobRoles.title,
      content: roleVersions.content,
      customerFacing: jobRoles.customerFacing,
    })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .leftJoin(roleVersions, and(eq(roleVersions.jobRoleId, jobRoles.id), eq(roleVersions.number, jobRoles.currentVersion)))
    .where(and(eq(people.id, personId), eq(people.active, true)))
    .get();
}

/** The standard categories the role's published version has standards in, in the vocabulary's order. */
export function tagsOfRole(content: string | null): RatingTag[] {
  if (!content) return [];
  const present = new Set(parseRoleDoc(content).responsibilities.flatMap((r) => r.standards.map((s) => s.category)));
  return RATING_TAGS.filter((t) => present.has(t));
}

function subject(p: PersonRow): RateSubject {
  return { personId: p.id, firstName: firstNameOf(p.name), roleTitle: p.roleTitle, tags: tagsOfRole(p.content) };
}

function findLink(token: string) {
  if (!isTokenShape(token)) throw new NotFoundError("rating_link");
  const link = getDb()
    .select({ id: ratingLinks.id, personId: ratingLinks.personId, usedAt: ratingLinks.usedAt, expiresAt: ratingLinks.expiresAt })
    .from(ratingLinks)
    .where(eq(ratingLinks.tokenHash, hashToken(token)))
    .get();
  if (!link) throw new NotFoundError("rating_link");
  const person = personRow(link.personId);
  if (!person) throw new NotFoundError("rating_link");
  return { link, person };
}

function findCode(code: string) {
  if (!isTokenShape(code)) throw new NotFoundError("rating_code");
  const row = getDb().select({ personId: ratingCodes.personId }).from(ratingCodes).where(eq(ratingCodes.code, code)).get();
  const person = row ? personRow(row.personId) : undefined;
  // A code of someone who left or whose role no longer serves customers names nobody.
  if (!person || !person.customerFacing) throw new NotFoundError("rating_code");
  return person;
}

/** What /r/<token> shows. Never writes. */
export function openServiceLink(viewer: Viewer, token: string, now = new Date()): RatePage {
  const { link, person } = findLink(token);
  if (isSelfRating(viewer, person.id)) return { state: "self" };
  const state = linkState(link, now);
  if (state !== "open") return { state };
  return { state: "open", ...subject(person) };
}

/** What /q/<code> shows. Never writes. */
export function openWalkup(viewer: Viewer, code: string): RatePage {
  const person = findCode(code);
  if (isSelfRating(viewer, person.id)) return { state: "self" };
  return { state: "open", ...subject(person) };
}

/**
 * The form as posted (FormData made an object): `key` is the token or code; lengths and the email
 * are checked here, stars, tags and the contact rule by `validated` (messages next to their field).
 */
export const ratingFormSchema = z.object({
  key: z.string().max(100),
  stars: z.string().max(2).optional(),
  comment: z.string().max(RATING_COMMENT_MAX).default(""),
  tags: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().max(30)).max(RATING_TAGS.length)),
  contactMe: z
    .union([z.literal("on"), z.boolean()])
    .optional()
    .transform((v) => v === "on" || v === true),
  contactName: z.string().trim().max(100).default(""),
  contactPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+()0-9 .-]*$/)
    .default(""),
  contactEmail: z.union([z.literal(""), z.email().max(200)]).default(""),
});
export type RatingForm = Omit<z.output<typeof ratingFormSchema>, "key">;

/** Checks what the form sent beyond its shape (zod has checked lengths and the email): stars 1–5, the role's tags, a way to be contacted. */
function validated(form: RatingForm, allowedTags: RatingTag[]): Pick<RatingInput, "stars" | "comment" | "tags" | "contact"> {
  const errors: Record<string, string> = {};
  const stars = /^[1-5]$/.test(form.stars ?? "") ? Number(form.stars) : NaN;
  if (!(stars >= RATING_MIN && stars <= RATING_MAX)) errors.stars = "rate.chooseStars";
  const tags = form.tags.filter((t): t is RatingTag => (allowedTags as string[]).includes(t));
  if (tags.length !== form.tags.length) errors.tags = "invalidChoice";
  const phone = form.contactPhone.trim();
  const email = form.contactEmail.trim();
  if (form.contactMe && !phone && !email) errors.contactPhone = "rate.contactNeeded";
  if (Object.keys(errors).length) throw new FieldError(errors);
  return {
    stars,
    comment: form.comment.trim(),
    tags,
    contact: form.contactMe ? { name: form.contactName.trim(), phone: phone || null, email: email || null } : null,
  };
}

function input(p: PersonRow, linkId: number | null, source: RatingInput["source"], values: ReturnType<typeof validated>, locale: string, now: Date): RatingInput {
  return { person: { id: p.id, name: p.name, jobRoleId: p.jobRoleId, teamId: p.teamId, reportsToId: p.reportsToId }, source, linkId, locale, now, ...values };
}

/**
 * A customer's rating through a per-service link. Refused: a token that names nothing (not found),
 * the employee's own signed-in browser, a used or expired link; the link is marked used in the same
 * transaction as the rating (a second submit is refused by `recordRating`).
 */
export function submitServiceRating(viewer: Viewer, token: string, form: RatingForm, locale: string, now = new Date()): { ratingId: number } {
  const { link, person } = findLink(token);
  if (isSelfRating(viewer, person.id)) throw new ActionError("rate.self");
  const state = linkState(link, now);
  if (state === "used") throw new ActionError("rate.linkUsed");
  if (state === "expired") throw new ActionError("rate.linkExpired");
  const values = validated(form, tagsOfRole(person.content));
  const { ratingId } = getDb().transaction((tx) => recordRating(tx, input(person, link.id, "service", values, locale, now)));
  return { ratingId };
}

/**
 * A walk-up rating through a personal QR code: marked "walkup", and limited per person rated to
 * 10 an hour from one address and 2 an hour from one device (counted only when a rating is stored).
 */
export function submitWalkupRating(
  viewer: Viewer,
  code: string,
  form: RatingForm,
  locale: string,
  client: { address: string | null; device: string | null },
  now = new Date(),
): { ratingId: number } {
  const person = findCode(code);
  if (isSelfRating(viewer, person.id)) throw new ActionError("rate.self");
  const values = validated(form, tagsOfRole(person.content));
  const keys = walkupKeys(person.id, client.address, client.device);
  const { ratingId } = getDb().transaction((tx) => {
    if (!walkupAllowed(keys, now.getTime(), tx)) throw new ActionError("rate.tooMany");
    const result = recordRating(tx, input(person, null, "walkup", values, locale, now));
    recordWalkup(keys, now.getTime(), tx);
    return result;
  });
  return { ratingId };
}
