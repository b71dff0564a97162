import { and, desc, eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { acknowledgements, auditLog, notificationDeliveries, notifications, organisation, people } from "@/db/schema";
import { answerAck, replyToAck } from "@/lib/communication/answers";
import { NotFoundError } from "@/lib/core/errors";
import { CHANNELS, isDone, listNotifications, notifyEach, openNotification, unreadCount, type NotificationKind } from "@/lib/notifications/notifications";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const db = () => getDb();
const personId = (email: string) => db().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const latest = (email: string, kind: NotificationKind) =>
  db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, personId(email)), eq(notifications.kind, kind)))
    .orderBy(desc(notifications.id))
    .get()!;
const shown = (email: string, id: number) => listNotifications(actorFor(email)).rows.find((n) => n.id === id)!;

describe("a notification's item decides whether it is done", () => {
  it("a change to answer is done once the item is closed; a question once it is no longer waiting", () => {
    for (const kind of ["role.changed", "ack.reminder", "ack.reply", "announcement.new"] as const) {
      expect(isDone(kind, "pending")).toBe(false);
      expect(isDone(kind, "clarification")).toBe(false);
      expect(isDone(kind, "answered")).toBe(false);
      expect(isDone(kind, "understood")).toBe(true);
      expect(isDone(kind, "superseded")).toBe(true);
      expect(isDone(kind, undefined)).toBe(false);
    }
    expect(isDone("ack.question", "clarification")).toBe(false);
    expect(isDone("ack.question", "answered")).toBe(true);
    expect(isDone("ack.question", "understood")).toBe(true);
    expect(isDone("onboarding.started", "understood")).toBe(false);
  });
});

describe("notifications stay true", () => {
  it("every notification of the demo links to its exact item, not a list", () => {
    const links = db().select({ link: notifications.link }).from(notifications).all().map((n) => n.link);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/(?:(?:changes|announcements|onboarding|evaluations|threads|pulse|training)\/\d+|people\/\d+\/access|evaluations\/new\?person=\d+&kind=(?:probation|periodic)|capability#c-[\w-]+|feedback\/notes(?:\?box=shared)?#note-\d+|feedback\/follow-ups\/\d+|feedback#rating-\d+|concerns\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/);
  });

  it("opening a notification marks it read and leads to its item; someone else's is not found", () => {
    const nora = actorFor("newhire@example.com");
    const n = latest("newhire@example.com", "role.changed");
    const own = db()
      .select({ id: acknowledgements.id })
      .from(acknowledgements)
      .where(and(eq(acknowledgements.personId, nora.id), eq(acknowledgements.state, "pending")))
      .all()
      .map((a) => `/changes/${a.id}`);
    expect(own).toContain(n.link);
    expect(n.readAt).toBeNull();
    const unread = unreadCount(nora);

    // Elif may not open it (audited), and it stays unread
    expect(() => openNotification(actorFor("employee@example.com"), n.id)).toThrow(NotFoundError);
    expect(db().select().from(notifications).where(eq(notifications.id, n.id)).get()!.readAt).toBeNull();
    const denied = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityType, "notification"), eq(auditLog.entityId, String(n.id))))
      .all();
    expect(denied.map((d) => d.actorId)).toEqual([personId("employee@example.com")]);
    expect(() => openNotification(nora, 999_999)).toThrow(NotFoundError);

    expect(openNotification(nora, n.id)).toEqual({ link: n.link });
    expect(db().select().from(notifications).where(eq(notifications.id, n.id)).get()!.readAt).not.toBeNull();
    expect(unreadCount(nora)).toBe(unread - 1);
    // opening it again changes nothing
    const readAt = db().select().from(notifications).where(eq(notifications.id, n.id)).get()!.readAt;
    expect(openNotification(nora, n.id)).toEqual({ link: n.link });
    expect(db().select().from(notifications).where(eq(notifications.id, n.id)).get()!.readAt).toBe(readAt);
  });

  it("a change notification shows as done once answered", () => {
    const nora = actorFor("newhire@example.com");
    const n = latest("newhire@example.com", "role.changed");
    expect(shown("newhire@example.com", n.id).done).toBe(false);
    const ackId = Number(n.link.split("/").pop());
    const ack = db().select().from(acknowledgements).where(eq(acknowledgements.id, ackId)).get()!;
    answerAck(nora, ackId, ack.revision, "understood");
    expect(shown("newhire@example.com", n.id).done).toBe(true);
  });

  it("an announcement notification shows as done once the person understood it", () => {
    const thomas = actorFor("thomas.bakker@example.com");
    const n = latest("thomas.bakker@example.com", "announcement.new");
    expect(n.link).toMatch(/^\/announcements\/\d+$/);
    expect(shown("thomas.bakker@example.com", n.id).done).toBe(false);
    const ack = db()
      .select()
      .from(acknowledgements)
      .where(and(eq(acknowledgements.personId, thomas.id), eq(acknowledgements.announcementId, Number(n.link.split("/").pop()))))
      .get()!;
    answerAck(thomas, ack.id, ack.revision, "understood");
    expect(shown("thomas.bakker@example.com", n.id).done).toBe(true);
    // someone else's answer does not make Elif's notification about the same announcement done
    const elifs = latest("employee@example.com", "announcement.new");
    expect(elifs.link).toBe(n.link);
    expect(shown("employee@example.com", elifs.id).done).toBe(false);
  });

  it("a question notification is done for the owner once answered, and the reply leads the holder to the item", () => {
    const andreea = actorFor("andreea.ionescu@example.com");
    const mgr = actorFor("manager@example.com");
    const ack = db()
      .select()
      .from(acknowledgements)
      .where(and(eq(acknowledgements.personId, andreea.id), eq(acknowledgements.state, "pending")))
      .get()!;
    answerAck(andreea, ack.id, ack.revision, "ask", "Which form?");
    const q = latest("manager@example.com", "ack.question");
    expect(q.link).toBe(`/changes/${ack.id}`);
    expect(shown("manager@example.com", q.id).done).toBe(false);
    replyToAck(mgr, ack.id, ack.revision + 1, "The blue one.");
    expect(shown("manager@example.com", q.id).done).toBe(true);
    const r = latest("andreea.ionescu@example.com", "ack.reply");
    expect(r.link).toBe(`/changes/${ack.id}`);
    expect(shown("andreea.ionescu@example.com", r.id).done).toBe(false);
  });
});

describe("a notification to many people", () => {
  it("reaches 6,000 people in one call, with every delivery, without passing SQLite's limit on bound values", () => {
    const before = db().select({ id: notifications.id }).from(notifications).orderBy(desc(notifications.id)).get()!.id;
    const elif = personId("employee@example.com");
    // One row per (person, link): 6,000 items, more than one statement could bind (about 90,000 values for the deliveries).
    const items = Array.from({ length: 6_000 }, (_, i) => ({ personId: elif, link: `/changes/${i + 1}` }));
    db().transaction((tx) => notifyEach(tx, items, "ack.reminder", {}));
    const made = db().select({ id: notifications.id }).from(notifications).where(gt(notifications.id, before)).all();
    expect(made).toHaveLength(6_000);
    const deliveries = db().select({ id: notificationDeliveries.id }).from(notificationDeliveries).where(gt(notificationDeliveries.notificationId, before)).all();
    expect(deliveries).toHaveLength(6_000 * CHANNELS.length);
    db().delete(notificationDeliveries).where(gt(notificationDeliveries.notificationId, before)).run();
    db().delete(notifications).where(gt(notifications.id, before)).run();
  });
});

describe("a day-stamped (anonymous concern) notification", () => {
  it("is due at once even when the organisation's day is ahead of UTC, and carries no time of day", () => {
    const zone = db().select({ timeZone: organisation.timeZone }).from(organisation).get()!.timeZone;
    db().update(organisation).set({ timeZone: "Pacific/Kiritimati" }).run(); // UTC+14
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-10T23:30:00.000Z"));
    try {
      const p = personId("supervisor@example.com");
      const before = db().select({ id: notifications.id }).from(notifications).orderBy(desc(notifications.id)).get()!.id;
      db().transaction((tx) => notifyEach(tx, [{ personId: p, link: "/concerns/x" }], "concern.new", {}, { dayOnly: true }));
      const n = db().select().from(notifications).where(gt(notifications.id, before)).get()!;
      expect(n.createdAt).toBe("2026-06-11");
      const email = db().select().from(notificationDeliveries).where(and(eq(notificationDeliveries.notificationId, n.id), eq(notificationDeliveries.channel, "email"))).get()!;
      expect(email.createdAt).toBe("2026-06-11");
      // the worker takes rows whose nextAttemptAt <= now (ISO): the UTC day is never after now
      expect(email.nextAttemptAt).toBe("2026-06-10");
      expect(email.nextAttemptAt! <= new Date().toISOString()).toBe(true);
    } finally {
      vi.useRealTimers();
      db().update(organisation).set({ timeZone: zone }).run();
    }
  });
});
