import { and, eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { acknowledgements, auditLog, jobRoles, notifications, people, roleVersions } from "@/db/schema";
import { answerAck, getAck, listMyItems, openItemCount, replyToAck } from "@/lib/communication/answers";
import { TRACKING_PAGE_SIZE, TRACKING_PREVIEW, sendReminders, trackingRequest, versionTracking } from "@/lib/communication/tracking";
import { ActionError, ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const SA = "service-advisor";
const ANNOUNCEMENT_1 = "Warranty claim paperwork moves to the Parts desk";
const ANNOUNCEMENT_2 = "Courtesy-car bookings move to the new fleet app";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const saV2 = () =>
  getDb()
    .select({ id: roleVersions.id })
    .from(roleVersions)
    .innerJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .where(and(eq(jobRoles.slug, SA), eq(roleVersions.number, 2)))
    .get()!.id;
const saV1 = () =>
  getDb()
    .select({ id: roleVersions.id })
    .from(roleVersions)
    .innerJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .where(and(eq(jobRoles.slug, SA), eq(roleVersions.number, 1)))
    .get()!.id;
const ackOf = (email: string) =>
  getDb()
    .select()
    .from(acknowledgements)
    .where(and(eq(acknowledgements.personId, personId(email)), eq(acknowledgements.roleVersionId, saV2())))
    .get()!;
const lastNotificationId = () => Math.max(0, ...getDb().select({ id: notifications.id }).from(notifications).all().map((n) => n.id));
const notificationsSince = (id: number) => getDb().select().from(notifications).where(gt(notifications.id, id)).all();

describe("a holder's items", () => {
  it("newhire@ sees the pending Service Advisor v2 item, open items first", () => {
    const nora = actorFor("newhire@example.com");
    const page = listMyItems(nora);
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.kind, r.title, r.state])).toEqual([
      ["announcement", ANNOUNCEMENT_2, "pending"],
      ["role", "Service Advisor", "pending"],
      ["announcement", ANNOUNCEMENT_1, "understood"],
    ]);
    expect(page.rows[1]).toMatchObject({ id: ackOf("newhire@example.com").id, roleSlug: SA, version: 2, summary: ANNOUNCEMENT_1 });
    expect(page.rows[0]).toMatchObject({ roleSlug: null, version: null, summary: null });
    expect(listMyItems(nora, { open: true }).rows.map((r) => r.state)).toEqual(["pending", "pending"]);
    expect(openItemCount(nora)).toBe(2);
  });

  it("the item shows the whole version to her, who never understood an earlier one", () => {
    const nora = actorFor("newhire@example.com");
    const ack = getAck(nora, ackOf("newhire@example.com").id);
    expect(ack).toMatchObject({ state: "pending", isMine: true, canReply: false, answeredAt: null, announcement: null, messages: [] });
    expect(ack.person.name).toBe("Nora Bērziņa");
    expect(ack.owner?.name).toBe("Marco Janssen");
    expect(ack.role).toMatchObject({ slug: SA, title: "Service Advisor", version: 2, fromVersion: null, summary: ANNOUNCEMENT_1, mode: "whole" });
    expect(ack.role!.whole!.contents.map((c) => c.title)).toContain("Warranty, recalls and goodwill");
  });

  it("the item shows only what changed since the version the person last understood", () => {
    // Thomas understood v1: his v2 item is the diff from v1.
    getDb()
      .insert(acknowledgements)
      .values({ personId: personId("thomas.bakker@example.com"), roleVersionId: saV1(), state: "understood", createdAt: "2025-01-01T09:00:00.000Z", answeredAt: "2025-01-02T09:00:00.000Z" })
      .run();
    const ack = getAck(actorFor("thomas.bakker@example.com"), ackOf("thomas.bakker@example.com").id);
    expect(ack.role).toMatchObject({ slug: SA, version: 2, fromVersion: 1, summary: ANNOUNCEMENT_1, mode: "diff", whole: null });
    expect(ack.role!.versions.map((v) => [v.number, v.summary])).toEqual([[2, ANNOUNCEMENT_1]]);
    const diff = ack.role!.diff;
    expect(diff.changed).toBe(true);
    expect(diff.responsibilities.map((r) => [r.title, r.status])).toEqual([["Warranty, recalls and goodwill", "changed"]]);
    expect(diff.responsibilities[0].tasks.map((t) => [t.title, t.status])).toEqual([["Warranty claim paperwork", "removed"]]);
    getDb().delete(acknowledgements).where(and(eq(acknowledgements.personId, personId("thomas.bakker@example.com")), eq(acknowledgements.roleVersionId, saV1()))).run();
  });

  it("the owner sees an item's thread; someone else gets not found", () => {
    const mgr = actorFor("manager@example.com");
    const james = getAck(mgr, ackOf("james.whitfield@example.com").id);
    expect(james).toMatchObject({ state: "answered", isMine: false, canReply: true });
    expect(james.messages.map((m) => m.authorName)).toEqual(["James Whitfield", "Marco Janssen"]);
    expect(james.messages[0].body).toMatch(/^Do I still take the customer's signature/);
    expect(() => getAck(actorFor("employee@example.com"), ackOf("newhire@example.com").id)).toThrow(NotFoundError);
    expect(() => getAck(actorFor("supervisor@example.com"), ackOf("newhire@example.com").id)).toThrow(NotFoundError);
    expect(() => getAck(mgr, 999_999)).toThrow(NotFoundError);
  });
});

describe("tracking and reminders", () => {
  it("the manager sees who understood v2, who asked, and who is still waiting", () => {
    const mgr = actorFor("manager@example.com");
    const { versionId, tracking } = versionTracking(mgr, SA, 2);
    expect(versionId).toBe(saV2());
    expect(tracking.understood.map((r) => r.name)).toEqual(["Elif Yılmaz"]);
    expect(tracking.understood[0].answeredAt).not.toBeNull();
    expect(tracking.asked.map((r) => [r.name, r.state, r.answered])).toEqual([["James Whitfield", "answered", true]]);
    expect(tracking.waiting.map((r) => r.name)).toEqual(["Andreea Ionescu", "Nora Bērziņa", "Thomas Bakker"]);
    const nora = tracking.waiting.find((r) => r.personId === personId("newhire@example.com"))!;
    expect(nora).toMatchObject({ state: "pending", daysWaiting: 2, reminders: 0, lastRemindedAt: null, answeredAt: null });
    expect(tracking.waiting.every((r) => r.daysWaiting === 2)).toBe(true);

    // HR may track it too
    expect(versionTracking(actorFor("hr@example.com"), SA, 2).tracking.waiting).toHaveLength(3);
  });

  it("holders and supervisors may not track a version, and an unknown version is not found", () => {
    expect(() => versionTracking(actorFor("employee@example.com"), SA, 2)).toThrow(NotFoundError);
    expect(() => versionTracking(actorFor("supervisor@example.com"), SA, 2)).toThrow(NotFoundError);
    expect(() => versionTracking(actorFor("manager@example.com"), SA, 9)).toThrow(NotFoundError);
    expect(() => sendReminders(actorFor("employee@example.com"), { roleSlug: SA, version: 2 })).toThrow(NotFoundError);
  });

  it("a reminder reaches each waiting person once, with a link to their own item", () => {
    const mgr = actorFor("manager@example.com");
    const since = lastNotificationId();
    expect(sendReminders(mgr, { roleSlug: SA, version: 2 })).toBe(3);
    const sent = notificationsSince(since);
    const waiting = ["andreea.ionescu@example.com", "newhire@example.com", "thomas.bakker@example.com"];
    expect(sent.map((n) => n.personId).sort((a, b) => a - b)).toEqual(waiting.map(personId).sort((a, b) => a - b));
    for (const n of sent) {
      expect(n.kind).toBe("ack.reminder");
      const own = getDb()
        .select({ id: acknowledgements.id })
        .from(acknowledgements)
        .where(and(eq(acknowledgements.personId, n.personId), eq(acknowledgements.roleVersionId, saV2())))
        .get()!;
      expect(n.link).toBe(`/changes/${own.id}`);
    }
    for (const email of waiting) {
      expect(ackOf(email).reminders).toBe(1);
      expect(ackOf(email).lastRemindedAt).not.toBeNull();
    }
    expect(ackOf("employee@example.com").reminders).toBe(0);
    expect(ackOf("james.whitfield@example.com").reminders).toBe(0);
    expect(versionTracking(mgr, SA, 2).tracking.waiting.map((r) => r.reminders)).toEqual([1, 1, 1]);
  });
});

describe("answering", () => {
  it("answering understood closes the item and records when", () => {
    const nora = actorFor("newhire@example.com");
    const { id, revision } = ackOf("newhire@example.com");
    expect(answerAck(nora, id, revision, "understood")).toBe("understood");
    const ack = getAck(nora, id);
    expect(ack.state).toBe("understood");
    expect(ack.revision).toBe(revision + 1);
    expect(ack.answeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(Date.now() - Date.parse(ack.answeredAt!)).toBeLessThan(60_000);
    expect(openItemCount(nora)).toBe(1);
    const entry = getDb().select().from(auditLog).where(and(eq(auditLog.action, "ack.understood"), eq(auditLog.entityId, String(id)))).get();
    expect(entry?.actorId).toBe(nora.id);
  });

  it("an answered item cannot be answered again", () => {
    const nora = actorFor("newhire@example.com");
    const { id, revision } = ackOf("newhire@example.com");
    for (const event of ["understood", "ask"] as const) {
      const err = thrown(() => answerAck(nora, id, revision, event, "One more thing?"));
      expect(err).toBeInstanceOf(FieldError);
      expect((err as FieldError).fieldErrors).toEqual({ _form: "ackClosed" });
    }
    expect(ackOf("newhire@example.com")).toMatchObject({ state: "understood", revision });
  });

  it("a double submit from a stale revision is a conflict", () => {
    const thomas = actorFor("thomas.bakker@example.com");
    const { id, revision } = ackOf("thomas.bakker@example.com");
    expect(() => answerAck(thomas, id, revision - 1, "understood")).toThrow(ConflictError);
    expect(ackOf("thomas.bakker@example.com")).toMatchObject({ state: "pending", revision, answeredAt: null });
  });

  it("nobody may answer someone else's item, and the attempt is audited", () => {
    const elif = actorFor("employee@example.com");
    const target = ackOf("andreea.ionescu@example.com");
    expect(() => answerAck(elif, target.id, target.revision, "understood")).toThrow(NotFoundError);
    expect(() => answerAck(actorFor("manager@example.com"), target.id, target.revision, "understood")).toThrow(NotFoundError);
    expect(() => replyToAck(elif, target.id, target.revision, "I can answer that")).toThrow(NotFoundError);
    expect(ackOf("andreea.ionescu@example.com")).toEqual(target);
    const denied = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityType, "acknowledgement"), eq(auditLog.entityId, String(target.id))))
      .all();
    expect(denied.map((d) => d.actorId)).toEqual([elif.id, personId("manager@example.com")]);
    expect(JSON.parse(denied[0].detail)).toEqual({ rule: "ownAck" });
    // a missing item is simply not found
    expect(() => answerAck(elif, 999_999, 1, "understood")).toThrow(NotFoundError);
  });

  it("asking needs a question", () => {
    const andreea = actorFor("andreea.ionescu@example.com");
    const { id, revision } = ackOf("andreea.ionescu@example.com");
    for (const q of [undefined, "", "   \n "]) {
      const err = thrown(() => answerAck(andreea, id, revision, "ask", q));
      expect((err as FieldError).fieldErrors).toEqual({ body: "required" });
    }
    expect(ackOf("andreea.ionescu@example.com")).toMatchObject({ state: "pending", revision });
  });

  it("a question goes to the owner, the reply comes back, then the holder understands", () => {
    const andreea = actorFor("andreea.ionescu@example.com");
    const mgr = actorFor("manager@example.com");
    const { id } = ackOf("andreea.ionescu@example.com");
    let since = lastNotificationId();

    expect(answerAck(andreea, id, ackOf("andreea.ionescu@example.com").revision, "ask", "  Who calls the customer for the signature?  ")).toBe(
      "clarification",
    );
    expect(ackOf("andreea.ionescu@example.com").answeredAt).not.toBeNull();
    let sent = notificationsSince(since);
    expect(sent.map((n) => [n.personId, n.kind, n.link])).toEqual([[mgr.id, "ack.question", `/changes/${id}`]]);
    expect(JSON.parse(sent[0].params)).toEqual({ name: "Andreea Ionescu" });

    // no "understood" while the question is open
    const early = thrown(() => answerAck(andreea, id, ackOf("andreea.ionescu@example.com").revision, "understood"));
    expect((early as FieldError).fieldErrors).toEqual({ _form: "ackClosed" });

    // only the owner (or HR, or an editor) replies, with a body, from the current revision
    expect(() => replyToAck(actorFor("supervisor@example.com"), id, ackOf("andreea.ionescu@example.com").revision, "Me")).toThrow(NotFoundError);
    expect((thrown(() => replyToAck(mgr, id, ackOf("andreea.ionescu@example.com").revision, " ")) as FieldError).fieldErrors).toEqual({
      body: "required",
    });
    expect(() => replyToAck(mgr, id, ackOf("andreea.ionescu@example.com").revision - 1, "Stale")).toThrow(ConflictError);

    since = lastNotificationId();
    expect(replyToAck(mgr, id, ackOf("andreea.ionescu@example.com").revision, "You take it at reception.")).toBe("answered");
    sent = notificationsSince(since);
    expect(sent.map((n) => [n.personId, n.kind, n.link])).toEqual([[andreea.id, "ack.reply", `/changes/${id}`]]);
    expect(JSON.parse(sent[0].params)).toEqual({ name: "Marco Janssen" });

    expect(answerAck(andreea, id, ackOf("andreea.ionescu@example.com").revision, "understood")).toBe("understood");

    const ack = getAck(andreea, id);
    expect(ack.state).toBe("understood");
    expect(ack.messages.map((m) => [m.authorName, m.body])).toEqual([
      ["Andreea Ionescu", "Who calls the customer for the signature?"],
      ["Marco Janssen", "You take it at reception."],
    ]);
    expect(ack.messages[0].id).toBeLessThan(ack.messages[1].id);
    // the owner sees the same thread
    expect(getAck(mgr, id).messages.map((m) => m.authorId)).toEqual([andreea.id, mgr.id]);
    const actions = getDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "acknowledgement"), eq(auditLog.entityId, String(id))))
      .all()
      .map((a) => a.action);
    expect(actions.filter((a) => a.startsWith("ack."))).toEqual(["ack.ask", "ack.reply", "ack.understood"]);
  });

  it("tracking reflects the answers", () => {
    const { tracking } = versionTracking(actorFor("manager@example.com"), SA, 2);
    expect(tracking.understood.map((r) => r.name)).toEqual(["Andreea Ionescu", "Elif Yılmaz", "Nora Bērziņa"]);
    expect(tracking.asked.map((r) => r.name)).toEqual(["James Whitfield"]);
    expect(tracking.waiting.map((r) => [r.name, r.reminders])).toEqual([["Thomas Bakker", 1]]);
    // Thomas was reminded minutes ago: a second reminder within 24 hours is refused, saying when
    const mgr = actorFor("manager@example.com");
    const err = thrown(() => sendReminders(mgr, { roleSlug: SA, version: 2 }));
    expect(err).toBeInstanceOf(ActionError);
    expect(err).toMatchObject({ key: "remindTooSoon", values: { hours: 24 } });
    expect(ackOf("thomas.bakker@example.com").reminders).toBe(1);
    const last = ackOf("thomas.bakker@example.com").lastRemindedAt!;
    expect(versionTracking(mgr, SA, 2).tracking.nextReminderAt).toBe(new Date(Date.parse(last) + 86_400_000).toISOString());
    // 23 hours later: one hour to go
    expect(thrown(() => sendReminders(mgr, { roleSlug: SA, version: 2 }, new Date(Date.parse(last) + 23 * 3_600_000)))).toMatchObject({
      values: { hours: 1 },
    });
    // a day later it goes out again
    expect(sendReminders(mgr, { roleSlug: SA, version: 2 }, new Date(Date.parse(last) + 86_400_000))).toBe(1);
    expect(ackOf("thomas.bakker@example.com").reminders).toBe(2);
  });
});

describe("tracking at scale", () => {
  it("shows counts and one page of each group, never everyone; the rest of a group is paginated", () => {
    const db = getDb();
    const before = versionTracking(actorFor("manager@example.com"), SA, 2).tracking;
    const extra = TRACKING_PAGE_SIZE * 2 + 5;
    const now = new Date().toISOString();
    for (let i = 0; i < extra; i++) {
      const id = db
        .insert(people)
        .values({ name: `Bulk Holder ${String(i).padStart(3, "0")}`, email: `bulk.holder.${i}@example.com`, passwordHash: "x", startDate: "2025-01-01" })
        .returning({ id: people.id })
        .get().id;
      db.insert(acknowledgements).values({ personId: id, roleVersionId: saV2(), state: "pending", createdAt: now }).run();
    }
    const mgr = actorFor("manager@example.com");
    const first = versionTracking(mgr, SA, 2).tracking;
    expect(first.counts.waiting).toBe(before.counts.waiting + extra);
    expect(first.counts.understood).toBe(before.counts.understood);
    // each group shows its first few people only; the full list is a group's own pages
    expect(first.waiting).toHaveLength(TRACKING_PREVIEW);
    expect(first.page).toBeNull();
    const firstPage = versionTracking(mgr, SA, 2, { group: "waiting", page: 1 }).tracking;
    expect(firstPage.waiting).toHaveLength(TRACKING_PAGE_SIZE);
    expect(firstPage.waiting.slice(0, TRACKING_PREVIEW).map((r) => r.ackId)).toEqual(first.waiting.map((r) => r.ackId));
    expect(firstPage.understood.length).toBeLessThanOrEqual(TRACKING_PREVIEW);
    const pageCount = Math.ceil(first.counts.waiting / TRACKING_PAGE_SIZE);
    const all = Array.from({ length: pageCount }, (_, k) => versionTracking(mgr, SA, 2, { group: "waiting", page: k + 1 }).tracking);
    expect(all[1].page).toEqual({ group: "waiting", page: 2, pageCount });
    expect(new Set(all.flatMap((t) => t.waiting.map((r) => r.ackId))).size).toBe(first.counts.waiting);
    // the longest waiting come first
    expect(first.waiting.slice(0, before.counts.waiting).map((r) => r.name)).toEqual(before.waiting.map((r) => r.name));
    expect(trackingRequest("waiting", 3)).toEqual({ group: "waiting", page: 3 });
    expect(trackingRequest("everyone", 3)).toEqual({});
  });
});
