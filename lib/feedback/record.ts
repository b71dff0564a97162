import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "@/db/client";
import { ratingFollowups, ratingLinks, ratings, ratingTags, webhookDeliveries, webhooks } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { ActionError } from "@/lib/core/errors";
import { notify } from "@/lib/notifications/notifications";
import { holidaysBetween } from "@/lib/org/settings";
import { addWorkingDays } from "./due";
import { FOLLOWUP_DUE_WORKING_DAYS, LOW_RATING_MAX, type RatingSource, type RatingTag } from "./vocabulary";

/**
 * Storing one customer rating (issue 12), shared by the public rating page, the demo seed and tests.
 * Runs inside the caller's transaction, after the caller validated the input and checked the link
 * or the walk-up limits. In that one transaction it:
 * - marks a per-service link used (refused with `rate.errors.linkUsed` if another submit got there first);
 * - stores the rating and its tags;
 * - opens a follow-up for the employee's supervisor when the rating is low (≤ 2) and the customer
 *   left contact details (`followup.opened` to the owner);
 * - notifies the employee at once (`rating.received`);
 * - writes one webhook delivery per registered webhook (the outbox the webhook worker sends).
 * The customer is not a person in the app: nothing here writes an audit entry with their details.
 */
export type RatingInput = {
  /** The employee rated, as they are now (their role and team go with the rating). */
  person: { id: number; name: string; jobRoleId: number | null; teamId: number | null; reportsToId: number | null };
  source: RatingSource;
  linkId: number | null;
  stars: number;
  comment: string;
  tags: RatingTag[];
  locale: string;
  contact: { name: string; phone: string | null; email: string | null } | null;
  now?: Date;
};

type Tx = Pick<DB, "insert" | "update" | "select">;

export function hasContact(contact: RatingInput["contact"]): boolean {
  return Boolean(contact && (contact.phone || contact.email));
}

export function opensFollowup(stars: number, contact: RatingInput["contact"]): boolean {
  return stars <= LOW_RATING_MAX && hasContact(contact);
}

export function recordRating(tx: Tx, input: RatingInput): { ratingId: number; followupId: number | null } {
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const day = todayIso(now);
  if (input.linkId != null) {
    const used = tx
      .update(ratingLinks)
      .set({ usedAt: at })
      .where(and(eq(ratingLinks.id, input.linkId), isNull(ratingLinks.usedAt)))
      .run();
    if (used.changes !== 1) throw new ActionError("rate.linkUsed");
  }
  const contact = hasContact(input.contact) ? input.contact : null;
  const { id: ratingId } = tx
    .insert(ratings)
    .values({
      personId: input.person.id,
      jobRoleId: input.person.jobRoleId,
      teamId: input.person.teamId,
      source: input.source,
      linkId: input.linkId,
      stars: input.stars,
      comment: input.comment,
      locale: input.locale,
      contactName: contact?.name || null,
      contactPhone: contact?.phone || null,
      contactEmail: contact?.email || null,
      createdAt: at,
      createdOn: day,
    })
    .returning({ id: ratings.id })
    .get();
  const tags = [...new Set(input.tags)];
  if (tags.length) tx.insert(ratingTags).values(tags.map((tag) => ({ ratingId, tag }))).run();

  let followupId: number | null = null;
  if (opensFollowup(input.stars, contact)) {
    const dueOn = addWorkingDays(day, FOLLOWUP_DUE_WORKING_DAYS, holidaysBetween(day, addWorkingDays(day, FOLLOWUP_DUE_WORKING_DAYS + 10)));
    followupId = tx
      .insert(ratingFollowups)
      .values({ ratingId, ownerId: input.person.reportsToId, dueOn, createdAt: at, updatedAt: at })
      .returning({ id: ratingFollowups.id })
      .get().id;
    if (input.person.reportsToId != null)
      notify(tx, [input.person.reportsToId], "followup.opened", { person: input.person.name, stars: input.stars }, `/feedback/follow-ups/${followupId}`);
  }
  notify(tx, [input.person.id], "rating.received", { stars: input.stars }, `/feedback#rating-${ratingId}`);

  const hooks = tx.select({ id: webhooks.id }).from(webhooks).where(isNull(webhooks.removedAt)).all();
  if (hooks.length) {
    const eventKey = `rating.created:${ratingId}`;
    const payload = JSON.stringify({
      id: eventKey,
      event: "rating.created",
      createdAt: at,
      rating: { id: ratingId, employeeId: input.person.id, jobRoleId: input.person.jobRoleId, teamId: input.person.teamId, source: input.source, stars: input.stars, tags, comment: input.comment, followUp: followupId != null },
    });
    tx.insert(webhookDeliveries)
      .values(hooks.map((h) => ({ webhookId: h.id, event: "rating.created" as const, eventKey, payload, nextAttemptAt: at, createdAt: at })))
      .onConflictDoNothing()
      .run();
  }
  return { ratingId, followupId };
}
