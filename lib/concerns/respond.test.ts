import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, concernAddressees, concernMessages, concerns, holidays, notifications, people } from "@/db/schema";
import { ActionError, ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { insertConcern } from "@/lib/test/confidence";
import { getConcern, inboxCount, listConcerns } from "./read";
import { answerConcern, closeConcern, forwardConcern, replyAsAuthor, resolveConcern, searchForwardTargets } from "./respond";
import { remindWaitingConcerns } from "./reminders";

const HR = "hr@example.com";
const MGR = "manager@example.com";
const SUP = "supervisor@example.com";
const EMP = "employee@example.com";
const PEER = "thomas.bakker@example.com";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const nameOf = (email: string) => getDb().select({ name: people.name }).from(people).where(eq(people.email, email)).get()!.name;
const row = (id: string) => getDb().select().from(concerns).where(eq(concerns.id, id)).get()!;
const messagesOf = (id: string) => getDb().select().from(concernMessages).where(eq(concernMessages.concernId, id)).orderBy(asc(concernMessages.seq)).all();
const auditOf = (id: string) => getDb().select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.entityType, "concern"), eq(auditLog.entityId, id))).all();
const notesFor = (id: string) => getDb().select({ personId: notifications.personId, kind: notifications.kind }).from(notifications).where(eq(notifications.link, `/concerns/${id}`)).all();
const named = (opts: Partial<Parameters<typeof insertConcern>[0]> = {}) => insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], ...opts }).id;
const anon = (opts: Partial<Parameters<typeof insertConcern>[0]> = {}) => insertConcern({ anonymous: true, addresseeEmails: [SUP], ...opts }).id;

describe("answering", () => {
  it("an addressee answers: answered, waiting for nobody, the named author told, audited", () => {
    const id = named();
    const { revision } = answerConcern(actorFor(SUP), id, { body: "  Let us talk on Monday.  ", revision: 1 });
    expect(revision).toBe(2);
    const c = row(id);
    expect(c.status).toBe("answered");
    expect(c.waitingSince).toBeNull();
    const m = messagesOf(id);
    expect(m.map((x) => [x.seq, x.fromAuthor, x.body])).toEqual([
      [1, true, "A concern from a test."],
      [2, false, "Let us talk on Monday."],
    ]);
    expect(notesFor(id)).toEqual([{ personId: idOf(EMP), kind: "concern.answered" }]);
    expect(auditOf(id)).toEqual([{ action: "concern.answered", actorId: idOf(SUP) }]);
  });

  it("an anonymous concern's answer notifies nobody and its audit names only the addressee", () => {
    const id = anon();
    answerConcern(actorFor(SUP), id, { body: "Thank you for raising this.", revision: 1 });
    expect(notesFor(id)).toEqual([]);
    expect(auditOf(id)).toEqual([{ action: "concern.answered", actorId: idOf(SUP) }]);
  });

  it("refuses an empty answer and one over 20,000 characters, writing nothing", () => {
    const id = named();
    expect(() => answerConcern(actorFor(SUP), id, { body: "   ", revision: 1 })).toThrow(FieldError);
    expect(() => answerConcern(actorFor(SUP), id, { body: "x".repeat(20_001), revision: 1 })).toThrow(FieldError);
    expect(row(id).status).toBe("open");
    expect(messagesOf(id)).toHaveLength(1);
  });

  it("someone who is not an addressee cannot answer: not found out of sight, refused in sight", () => {
    const id = named();
    expect(() => answerConcern(actorFor(PEER), id, { body: "Hi", revision: 1 })).toThrow(NotFoundError);
    expect(() => answerConcern(actorFor(MGR), id, { body: "Hi", revision: 1 })).toThrow(NotFoundError);
    // HR sees it but is not an addressee; the author sees it but answers by replying.
    expect(() => answerConcern(actorFor(HR), id, { body: "Hi", revision: 1 })).toThrow(ForbiddenError);
    expect(() => answerConcern(actorFor(EMP), id, { body: "Hi", revision: 1 })).toThrow(ForbiddenError);
    expect(messagesOf(id)).toHaveLength(1);
  });

  it("a stale revision is a conflict", () => {
    const id = named();
    answerConcern(actorFor(SUP), id, { body: "First", revision: 1 });
    expect(() => answerConcern(actorFor(SUP), id, { body: "Second, from an old page", revision: 1 })).toThrow(ConflictError);
    expect(messagesOf(id)).toHaveLength(2);
  });

  it("a malformed id is not found", () => {
    expect(() => answerConcern(actorFor(SUP), "not-a-uuid", { body: "Hi", revision: 1 })).toThrow(NotFoundError);
    expect(() => getConcern(actorFor(SUP), "123")).toThrow(NotFoundError);
  });
});

describe("the author", () => {
  it("replies (open again, waiting from today) and resolves", () => {
    const id = named({ answer: "Here is what we do." });
    expect(row(id).status).toBe("answered");
    replyAsAuthor(actorFor(EMP), id, { body: "That does not cover weekends.", revision: 1 });
    expect(row(id).status).toBe("open");
    expect(row(id).waitingSince).not.toBeNull();
    resolveConcern(actorFor(EMP), id, { revision: 2 });
    expect(row(id).status).toBe("resolved");
    expect(row(id).waitingSince).toBeNull();
    expect(messagesOf(id).map((m) => m.kind)).toEqual(["message", "message", "message", "resolve"]);
    expect(auditOf(id).map((a) => a.action)).toEqual(["concern.replied", "concern.resolved"]);
    // Resolved is final.
    expect(() => replyAsAuthor(actorFor(EMP), id, { body: "One more", revision: 3 })).toThrow(ActionError);
    expect(() => answerConcern(actorFor(SUP), id, { body: "One more", revision: 3 })).toThrow(ActionError);
  });

  it("only the named author replies or resolves; an addressee may not", () => {
    const id = named({ answer: "Answer." });
    expect(() => resolveConcern(actorFor(SUP), id, { revision: 1 })).toThrow(ForbiddenError);
    expect(() => replyAsAuthor(actorFor(SUP), id, { body: "x", revision: 1 })).toThrow(ForbiddenError);
    expect(() => resolveConcern(actorFor(PEER), id, { revision: 1 })).toThrow(NotFoundError);
    expect(row(id).status).toBe("answered");
  });
});

describe("closing", () => {
  it("an addressee closes with a reason the author reads", () => {
    const id = named();
    expect(() => closeConcern(actorFor(SUP), id, { reason: "  ", revision: 1 })).toThrow(FieldError);
    expect(row(id).status).toBe("open");
    closeConcern(actorFor(SUP), id, { reason: "Handled in the team meeting.", revision: 1 });
    expect(row(id)).toMatchObject({ status: "closed", closeReason: "Handled in the team meeting.", waitingSince: null });
    expect(notesFor(id)).toEqual([{ personId: idOf(EMP), kind: "concern.closed" }]);
    expect(auditOf(id).map((a) => a.action)).toEqual(["concern.closed"]);
    expect(getConcern(actorFor(EMP), id).messages.at(-1)).toMatchObject({ kind: "close", body: "Handled in the team meeting." });
  });

  it("the author cannot close it", () => {
    const id = named();
    expect(() => closeConcern(actorFor(EMP), id, { reason: "Done", revision: 1 })).toThrow(ForbiddenError);
  });
});

describe("forwarding", () => {
  it("an addressee forwards to another manager: a new addressee, the author sees it, notified and audited", () => {
    const id = named({ answer: "Let me check." });
    forwardConcern(actorFor(SUP), id, { personId: idOf(MGR), note: "Marco decides on overtime.", revision: 1 });
    const c = row(id);
    expect(c.status).toBe("open");
    const adds = getDb().select().from(concernAddressees).where(eq(concernAddressees.concernId, id)).all();
    expect(adds.find((a) => a.personId === idOf(MGR))?.forwardedById).toBe(idOf(SUP));
    const seen = getConcern(actorFor(EMP), id);
    expect(seen.messages.at(-1)).toMatchObject({ kind: "forward", personName: nameOf(SUP), forwardedToName: nameOf(MGR), body: "Marco decides on overtime." });
    expect(seen.addressees.find((a) => a.forwarded)?.personId).toBe(idOf(MGR));
    expect(notesFor(id)).toContainEqual({ personId: idOf(MGR), kind: "concern.forwarded" });
    expect(auditOf(id).map((a) => a.action)).toEqual(["concern.forwarded"]);
    // The new addressee now answers it.
    answerConcern(actorFor(MGR), id, { body: "Overtime is paid.", revision: 2 });
    expect(row(id).status).toBe("answered");
  });

  it("refuses someone who is not a manager or HR, the author, and a current addressee", () => {
    const id = named();
    expect(() => forwardConcern(actorFor(SUP), id, { personId: idOf(PEER), revision: 1 })).toThrow(FieldError);
    expect(() => forwardConcern(actorFor(HR), id, { personId: idOf(EMP), revision: 1 })).toThrow(FieldError);
    expect(() => forwardConcern(actorFor(HR), id, { personId: idOf(SUP), revision: 1 })).toThrow(FieldError);
    expect(getDb().select().from(concernAddressees).where(eq(concernAddressees.concernId, id)).all()).toHaveLength(1);
  });

  it("HR may forward any concern, the author may not", () => {
    const id = named();
    expect(() => forwardConcern(actorFor(EMP), id, { personId: idOf(MGR), revision: 1 })).toThrow(ForbiddenError);
    forwardConcern(actorFor(HR), id, { personId: idOf(HR), revision: 1 });
    expect(getConcern(actorFor(HR), id).access.mayAnswer).toBe(true);
  });

  it("the picker offers only managers, supervisors and HR, never the author or an addressee", () => {
    const id = named();
    const names = (q: string) => searchForwardTargets(actorFor(SUP), id, q).map((p) => p.id);
    expect(names("example")).toEqual(expect.arrayContaining([idOf(MGR), idOf(HR)]));
    expect(names("example")).not.toContain(idOf(SUP));
    expect(names("example")).not.toContain(idOf(EMP));
    expect(names("thomas")).toEqual([]);
    expect(() => searchForwardTargets(actorFor(EMP), id, "a")).toThrow(ForbiddenError);
  });
});

describe("lists", () => {
  it("the inbox holds open concerns addressed to me, oldest first, with working days waited; the count matches", () => {
    const before = inboxCount(actorFor(SUP));
    const older = named({ createdOn: "2026-01-05" });
    const newer = anon({ createdOn: "2026-01-07" });
    const answered = named({ answer: "Done." });
    const inbox = listConcerns(actorFor(SUP), { view: "inbox" }, new Date("2026-01-09T12:00:00Z"));
    const ids = inbox.rows.map((r) => r.id);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
    expect(ids).not.toContain(answered);
    // Monday 5 January to Friday 9 January: 4 working days.
    expect(inbox.rows.find((r) => r.id === older)).toMatchObject({ waitingDays: 4, overdue: true, authorName: nameOf(EMP) });
    expect(inbox.rows.find((r) => r.id === newer)).toMatchObject({ waitingDays: 2, overdue: false, authorName: null, anonymous: true });
    expect(inboxCount(actorFor(SUP))).toBe(before + 2);
    expect(listConcerns(actorFor(SUP), { view: "followUp" }).rows.map((r) => r.id)).toContain(answered);
    expect(inboxCount(actorFor(PEER))).toBe(0);
  });

  it("mine lists my named concerns only; all is HR's", () => {
    const mine = named();
    const other = named({ authorEmail: PEER });
    const ids = listConcerns(actorFor(EMP), { view: "mine" }).rows.map((r) => r.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(other);
    expect(() => listConcerns(actorFor(MGR), { view: "all" })).toThrow(ForbiddenError);
    const all = listConcerns(actorFor(HR), { view: "all", status: "open" });
    expect(all.rows.every((r) => r.status === "open")).toBe(true);
  });

  it("a named concern shows its author; an anonymous one never does", () => {
    const a = getConcern(actorFor(SUP), anon({ body: "Anon body" }));
    expect(a.anonymous).toBe(true);
    expect(a.authorName).toBeNull();
    expect(a.messages[0]).toMatchObject({ fromAuthor: true, personName: null });
    const n = getConcern(actorFor(SUP), named());
    expect(n.authorName).toBe(nameOf(EMP));
  });

  it("an anonymous concern out of sight is not found and leaves no access.denied row", () => {
    const id = anon();
    const denied = () => getDb().select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityId, id))).all();
    expect(() => getConcern(actorFor(EMP), id)).toThrow(NotFoundError);
    expect(denied()).toEqual([]);
    const namedId = named({ authorEmail: PEER });
    expect(() => getConcern(actorFor(EMP), namedId)).toThrow(NotFoundError);
    expect(getDb().select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityId, namedId))).all()).toHaveLength(1);
  });
});

describe("reminders", () => {
  const remindersFor = (id: string) => notesFor(id).filter((n) => n.kind === "concern.reminder");

  it("reminds each addressee once a day after more than 3 working days", () => {
    // Monday 2 March 2026.
    const id = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP, MGR], createdOn: "2026-03-02" }).id;
    remindWaitingConcerns(new Date("2026-03-05T12:00:00Z"));
    expect(remindersFor(id)).toEqual([]);
    remindWaitingConcerns(new Date("2026-03-06T12:00:00Z"));
    expect(remindersFor(id).map((n) => n.personId).sort()).toEqual([idOf(SUP), idOf(MGR)].sort());
    expect(row(id).remindedOn).toBe("2026-03-06");
    // Twice the same day: nothing more.
    remindWaitingConcerns(new Date("2026-03-06T15:00:00Z"));
    expect(remindersFor(id)).toHaveLength(2);
    // The next working day: again.
    remindWaitingConcerns(new Date("2026-03-09T12:00:00Z"));
    expect(remindersFor(id)).toHaveLength(4);
  });

  it("skips weekends and the organisation's holidays, and answered concerns", () => {
    // Thursday 5 March; Monday 9 March is a holiday: Wednesday 11 is only 3 working days later.
    getDb().insert(holidays).values({ date: "2026-03-09", name: "Test holiday" }).run();
    const id = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], createdOn: "2026-03-05" }).id;
    remindWaitingConcerns(new Date("2026-03-11T12:00:00Z"));
    expect(remindersFor(id)).toEqual([]);
    remindWaitingConcerns(new Date("2026-03-12T12:00:00Z"));
    expect(remindersFor(id)).toHaveLength(1);
    const answered = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], createdOn: "2026-03-02", answer: "Done." }).id;
    remindWaitingConcerns(new Date("2026-03-13T12:00:00Z"));
    expect(remindersFor(answered)).toEqual([]);
  });
});
