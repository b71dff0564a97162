import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailPreferences, emailSettings, notificationDeliveries, notifications, people } from "@/db/schema";
import { notify, type NotificationKind } from "@/lib/notifications/notifications";
import { useSeededTestDb } from "@/lib/test/db";
import { digestMessageKey, queueDueDigests, timeInZone } from "./digest";
import { renderDigest } from "./render-digest";
import { unsubscribe, unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe";
import { SKIP_NOTES } from "./worker";

beforeAll(async () => {
  process.env.APP_URL = "https://rolebook.example.com/";
  await useSeededTestDb();
  // Only the rows these tests park in the digest count: the demo's own email rows are set aside.
  getDb().update(notificationDeliveries).set({ status: "skipped" }).where(eq(notificationDeliveries.channel, "email")).run();
}, 120_000);

const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;

/** A notification whose email row the worker parked for the digest (what routing "digest" does). */
function parked(email: string, kind: NotificationKind, params: Record<string, string | number>, link: string): number {
  const db = getDb();
  const personId = idOf(email);
  notify(db, [personId], kind, params, link);
  const n = db.select({ id: notifications.id }).from(notifications).where(eq(notifications.personId, personId)).orderBy(notifications.id).all().at(-1)!;
  db.update(notificationDeliveries)
    .set({ status: "digest" })
    .where(and(eq(notificationDeliveries.notificationId, n.id), eq(notificationDeliveries.channel, "email")))
    .run();
  return n.id;
}

const emailRow = (notificationId: number) =>
  getDb()
    .select()
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.notificationId, notificationId), eq(notificationDeliveries.channel, "email")))
    .get()!;
const digestOf = (personId: number, day: string) =>
  getDb().select().from(notificationDeliveries).where(eq(notificationDeliveries.messageKey, digestMessageKey(personId, day))).get();

// The demo organisation is in Europe/Amsterdam: 10 March is winter time (UTC+1).
const AT = (iso: string) => new Date(iso);

describe("queueDueDigests", () => {
  it("reads the clock in the organisation's zone", () => {
    expect(timeInZone(AT("2026-03-10T06:59:00Z"), "Europe/Amsterdam")).toBe("07:59");
    expect(timeInZone(AT("2026-07-10T06:00:00Z"), "Europe/Amsterdam")).toBe("08:00");
    expect(timeInZone(AT("2026-03-10T23:30:00Z"), "Europe/Amsterdam")).toBe("00:30");
  });

  it("collects a person's waiting items once their digest time has passed in the organisation's zone, once a day", () => {
    const emp = idOf("employee@example.com");
    const nora = idOf("newhire@example.com");
    const a = parked("employee@example.com", "announcement.new", { title: "Workshop rota" }, "/announcements/1");
    const b = parked("employee@example.com", "thread.reply", { name: "Sam", title: "Loan cars" }, "/threads/3");
    const nor = parked("newhire@example.com", "announcement.new", { title: "Workshop rota" }, "/announcements/1");
    // Nora wants her digest at 18:00.
    getDb().insert(emailSettings).values({ personId: nora, digestTime: "18:00", updatedAt: new Date().toISOString() }).run();

    // 07:59 in Amsterdam (06:59 UTC): nobody's time yet, whatever UTC says.
    expect(queueDueDigests(AT("2026-03-10T06:59:00Z"))).toBe(0);
    expect(emailRow(a).status).toBe("digest");

    // 08:00 in Amsterdam: the employee's default time.
    expect(queueDueDigests(AT("2026-03-10T07:00:00Z"))).toBe(1);
    const digest = digestOf(emp, "2026-03-10")!;
    expect(digest).toMatchObject({ personId: emp, channel: "email", kind: "digest", status: "pending", nextAttemptAt: "2026-03-10T07:00:00.000Z" });
    for (const id of [a, b]) expect(emailRow(id)).toMatchObject({ status: "digested", digestId: digest.id });
    // Nora's item waits for her own time; nobody else's rows were taken.
    expect(emailRow(nor)).toMatchObject({ status: "digest", digestId: null });
    expect(getDb().select({ d: emailSettings.lastDigestOn }).from(emailSettings).where(eq(emailSettings.personId, emp)).get()!.d).toBe("2026-03-10");

    // Only once: a second run (or a second server) the same day does nothing, even for later items.
    expect(queueDueDigests(AT("2026-03-10T07:00:00Z"))).toBe(0);
    const c = parked("employee@example.com", "announcement.new", { title: "Late news" }, "/announcements/2");
    expect(queueDueDigests(AT("2026-03-10T12:00:00Z"))).toBe(0);
    expect(emailRow(c).status).toBe("digest");
    expect(getDb().select().from(notificationDeliveries).where(eq(notificationDeliveries.kind, "digest")).all()).toHaveLength(1);

    // 18:00 in Amsterdam: Nora's.
    expect(queueDueDigests(AT("2026-03-10T17:00:00Z"))).toBe(1);
    expect(emailRow(nor)).toMatchObject({ status: "digested", digestId: digestOf(nora, "2026-03-10")!.id });

    // The next organisation day, the item that came after yesterday's digest goes out.
    expect(queueDueDigests(AT("2026-03-11T06:59:00Z"))).toBe(0);
    expect(queueDueDigests(AT("2026-03-11T07:00:00Z"))).toBe(1);
    expect(emailRow(c)).toMatchObject({ status: "digested", digestId: digestOf(emp, "2026-03-11")!.id });
  });

  it("makes no digest for someone with nothing waiting or who left", () => {
    const sup = idOf("supervisor@example.com");
    expect(queueDueDigests(AT("2026-03-12T10:00:00Z"))).toBe(0);
    const s = parked("supervisor@example.com", "pulse.sent", {}, "/pulse");
    getDb().update(people).set({ active: false }).where(eq(people.id, sup)).run();
    expect(queueDueDigests(AT("2026-03-12T10:00:00Z"))).toBe(0);
    expect(emailRow(s).status).toBe("digest");
    getDb().update(people).set({ active: true }).where(eq(people.id, sup)).run();
    expect(queueDueDigests(AT("2026-03-12T10:00:00Z"))).toBe(1);
  });
});

describe("queueDueDigests after a change of mind", () => {
  it("skips the items already waiting once the person unsubscribes from the digest, and queues no digest", () => {
    const mgr = idOf("manager@example.com");
    const a = parked("manager@example.com", "announcement.new", { title: "Parking rules" }, "/announcements/1");
    const t = parked("manager@example.com", "thread.reply", { name: "Sam", title: "Loan cars" }, "/threads/3");
    expect(unsubscribe(unsubscribeToken(mgr, "digest"))).toEqual(expect.arrayContaining(["announcements", "threads"]));

    expect(queueDueDigests(AT("2026-03-13T10:00:00Z"))).toBe(0);
    expect(digestOf(mgr, "2026-03-13")).toBeUndefined();
    for (const id of [a, t]) expect(emailRow(id)).toMatchObject({ status: "skipped", lastError: SKIP_NOTES.off, digestId: null });
    // nothing waits any more: later runs find nothing either
    expect(queueDueDigests(AT("2026-03-14T10:00:00Z"))).toBe(0);
  });

  it("drops only the waiting items of a group turned off in the preferences; the rest still go in the digest", () => {
    const tb = idOf("thomas.bakker@example.com");
    const a = parked("thomas.bakker@example.com", "announcement.new", { title: "Parking rules" }, "/announcements/1");
    const t = parked("thomas.bakker@example.com", "thread.reply", { name: "Sam", title: "Loan cars" }, "/threads/3");
    getDb().insert(emailPreferences).values({ personId: tb, group: "announcements", mode: "off" }).run();

    expect(queueDueDigests(AT("2026-03-13T10:00:00Z"))).toBe(1);
    expect(emailRow(a)).toMatchObject({ status: "skipped", lastError: SKIP_NOTES.off });
    expect(emailRow(t)).toMatchObject({ status: "digested", digestId: digestOf(tb, "2026-03-13")!.id });
  });
});

describe("renderDigest", () => {
  it("lists every collected item with its text and link, grouped by group, with both unsubscribe headers", () => {
    const emp = idOf("employee@example.com");
    const digest = digestOf(emp, "2026-03-10")!;
    const email = renderDigest(digest, { id: emp, name: "Elif Demir", email: "employee@example.com", locale: "en" });
    expect(email.subject).toBe("Your Rolebook digest: 2 items");
    for (const part of [email.text, email.html]) {
      expect(part).toContain("New announcement: Workshop rota");
      expect(part).toContain("https://rolebook.example.com/announcements/1");
      expect(part).toContain("/threads/3");
      expect(part).toContain("Announcements");
      expect(part).toContain("Team threads");
    }
    expect(email.text).toContain("Sam replied in the thread “Loan cars”");
    // Grouped: announcements come before team threads.
    expect(email.text.indexOf("Workshop rota")).toBeLessThan(email.text.indexOf("Loan cars"));
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const header = email.headers?.["List-Unsubscribe"] ?? "";
    const match = /^<https:\/\/rolebook\.example\.com\/api\/unsubscribe\?token=([^>]+)>$/.exec(header);
    expect(match).not.toBeNull();
    expect(verifyUnsubscribeToken(match![1])).toEqual({ personId: emp, scope: "digest" });
    expect(email.text).toContain("/unsubscribe/");
  });

  it("is written in the recipient's language", () => {
    const emp = idOf("employee@example.com");
    const digest = digestOf(emp, "2026-03-10")!;
    const email = renderDigest(digest, { id: emp, name: "Elif Demir", email: "employee@example.com", locale: "nl" });
    expect(email.subject).toBe("Je Rolebook-overzicht: 2 meldingen");
    expect(email.text).toContain("Aankondigingen");
  });

  it("only the digest's own items: another person's digest lists theirs", () => {
    const nora = idOf("newhire@example.com");
    const digest = digestOf(nora, "2026-03-10")!;
    const email = renderDigest(digest, { id: nora, name: "Nora", email: "newhire@example.com", locale: "en" });
    expect(email.subject).toBe("Your Rolebook digest: 1 item");
    expect(email.text).not.toContain("Loan cars");
    const ids = getDb().select({ id: notificationDeliveries.id }).from(notificationDeliveries).where(inArray(notificationDeliveries.digestId, [digest.id])).all();
    expect(ids).toHaveLength(1);
  });
});
