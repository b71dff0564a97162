import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications, people, ratingFollowups, ratingLinks, ratings, ratingTags, webhookDeliveries, webhooks } from "@/db/schema";
import { ActionError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { recordRating, type RatingInput } from "./record";
import { issueServiceLink } from "./tokens";

/** recordRating (lib/feedback/record.ts): one rating per link, follow-ups for low ratings with contact, the employee's notification, the webhook outbox. */

let elif: RatingInput["person"];
let supervisorId: number;

beforeAll(async () => {
  await useSeededTestDb();
  const row = getDb().select().from(people).where(eq(people.email, "employee@example.com")).get()!;
  elif = { id: row.id, name: row.name, jobRoleId: row.jobRoleId, teamId: row.teamId, reportsToId: row.reportsToId };
  supervisorId = actorFor("supervisor@example.com").id;
  expect(elif.reportsToId).toBe(supervisorId);
}, 120_000);

const base = (over: Partial<RatingInput> = {}): RatingInput => ({
  person: elif,
  source: "walkup",
  linkId: null,
  stars: 5,
  comment: "",
  tags: [],
  locale: "en",
  contact: null,
  ...over,
});

const record = (input: RatingInput) => getDb().transaction((tx) => recordRating(tx, input));
const newLink = () => getDb().transaction((tx) => issueServiceLink(tx, { personId: elif.id, madeBy: "person", createdById: elif.id, apiKeyId: null, reference: "" }));
const followupsOf = (ratingId: number) => getDb().select().from(ratingFollowups).where(eq(ratingFollowups.ratingId, ratingId)).all();
const notificationsOf = (personId: number, kind: string) => getDb().select().from(notifications).where(and(eq(notifications.personId, personId), eq(notifications.kind, kind))).all();

describe("recordRating", () => {
  it("uses a per-service link once: a second submit is refused and writes nothing", () => {
    const link = newLink();
    const first = record(base({ source: "service", linkId: link.id, stars: 4, tags: ["gestures", "gestures", "speed"] }));
    expect(getDb().select().from(ratingLinks).where(eq(ratingLinks.id, link.id)).get()!.usedAt).not.toBeNull();
    const before = getDb().select({ n: count() }).from(ratings).get()!.n;
    let thrown: unknown;
    try {
      record(base({ source: "service", linkId: link.id, stars: 1 }));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ActionError);
    expect((thrown as ActionError).key).toBe("rate.linkUsed");
    expect(getDb().select({ n: count() }).from(ratings).get()!.n).toBe(before);
    expect(getDb().select().from(ratings).where(eq(ratings.linkId, link.id)).all().map((r) => r.id)).toEqual([first.ratingId]);
    // Tags are stored once each.
    expect(getDb().select({ tag: ratingTags.tag }).from(ratingTags).where(eq(ratingTags.ratingId, first.ratingId)).all().map((r) => r.tag).sort()).toEqual(["gestures", "speed"]);
  });

  it("opens a follow-up for the supervisor only for a rating of 1–2 with a phone or email", () => {
    const low = record(base({ stars: 2, contact: { name: "Jan", phone: null, email: "jan@example.net" } }));
    expect(low.followupId).not.toBeNull();
    const [f] = followupsOf(low.ratingId);
    expect(f.ownerId).toBe(supervisorId);
    expect(f.status).toBe("open");
    expect(notificationsOf(supervisorId, "followup.opened").some((n) => n.link === `/feedback/follow-ups/${low.followupId}`)).toBe(true);

    const lowNoContact = record(base({ stars: 1, contact: null }));
    const lowNameOnly = record(base({ stars: 1, contact: { name: "Jan", phone: null, email: null } }));
    const okWithContact = record(base({ stars: 3, contact: { name: "Jan", phone: "+31 6 1234 5678", email: null } }));
    for (const r of [lowNoContact, lowNameOnly, okWithContact]) {
      expect(r.followupId).toBeNull();
      expect(followupsOf(r.ratingId)).toEqual([]);
    }
    // Contact details without a phone or email are not kept.
    expect(getDb().select().from(ratings).where(eq(ratings.id, lowNameOnly.ratingId)).get()!.contactName).toBeNull();
  });

  it("notifies the employee at once, linking to the rating on My feedback", () => {
    const { ratingId } = record(base({ stars: 5 }));
    const mine = notificationsOf(elif.id, "rating.received").filter((n) => n.link === `/feedback#rating-${ratingId}`);
    expect(mine).toHaveLength(1);
    expect(JSON.parse(mine[0].params)).toEqual({ stars: 5 });
  });

  it("writes one outbox row per active webhook, without the customer's contact details", () => {
    const at = new Date().toISOString();
    const active = getDb().insert(webhooks).values({ url: "https://hooks.example.net/a", secret: "s", createdAt: at }).returning().get();
    const removed = getDb().insert(webhooks).values({ url: "https://hooks.example.net/b", secret: "s", createdAt: at, removedAt: at }).returning().get();
    const { ratingId } = record(base({ stars: 1, comment: "Too slow", contact: { name: "Jan", phone: "0612345678", email: null } }));
    const rows = getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.eventKey, `rating.created:${ratingId}`)).all();
    expect(rows.map((r) => r.webhookId)).toEqual([active.id]);
    expect(rows[0].status).toBe("pending");
    const payload = JSON.parse(rows[0].payload);
    expect(payload).toMatchObject({ event: "rating.created", rating: { id: ratingId, employeeId: elif.id, stars: 1, comment: "Too slow", followUp: true } });
    expect(rows[0].payload).not.toContain("0612345678");
    expect(removed.id).not.toBe(active.id);
    getDb().delete(webhooks).run();
  });
});
