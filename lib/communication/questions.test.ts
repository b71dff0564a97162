import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { acknowledgements, ackMessages, announcements, jobRoles, people, roleVersions } from "@/db/schema";
import { answerAck, getAck, replyToAck } from "@/lib/communication/answers";
import { listQuestionsToAnswer, questionsToAnswerCount, QUESTIONS_PAGE_SIZE } from "@/lib/communication/questions";
import { versionTracking } from "@/lib/communication/tracking";
import { NotFoundError } from "@/lib/core/errors";
import { getDraft, publishDraft, saveDraft } from "@/lib/roles/drafts";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const SA = "service-advisor";
const HR = "hr@example.com";
const MGR = "manager@example.com";
const SUP = "supervisor@example.com";
const EMP = "employee@example.com";
const db = () => getDb();
const personId = (email: string) => db().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const versionId = (number: number) =>
  db()
    .select({ id: roleVersions.id })
    .from(roleVersions)
    .innerJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .where(and(eq(jobRoles.slug, SA), eq(roleVersions.number, number)))
    .get()!.id;
const ackOf = (email: string, number: number) =>
  db()
    .select()
    .from(acknowledgements)
    .where(and(eq(acknowledgements.personId, personId(email)), eq(acknowledgements.roleVersionId, versionId(number))))
    .get()!;
const publishNewVersion = (summary: string) => {
  const mgr = actorFor(MGR);
  const draft = getDraft(mgr, SA);
  const doc = { ...draft.doc, purpose: `${draft.doc.purpose} ${summary}.` };
  const { revision } = saveDraft(mgr, SA, draft.revision, doc);
  return publishDraft(mgr, SA, revision, { summary, kind: "material" });
};
/** Every inbox row for the actor, across pages. */
const inbox = (email: string) => {
  const actor = actorFor(email);
  const first = listQuestionsToAnswer(actor);
  const rows = [...first.rows];
  for (let p = 2; p <= first.pageCount; p++) rows.push(...listQuestionsToAnswer(actor, { page: p }).rows);
  return { total: first.total, count: questionsToAnswerCount(actor), ids: rows.map((r) => r.id), rows };
};

describe("no question is lost to a newer version", () => {
  const ANDREEA = "andreea.ionescu@example.com";
  const QUESTION = "Who calls the customer about the warranty signature?";

  it("a question asked on v2 stays open, answerable and counted after v3; unasked items are closed", () => {
    const andreea = actorFor(ANDREEA);
    const before = ackOf(ANDREEA, 2);
    expect(answerAck(andreea, before.id, before.revision, "ask", QUESTION)).toBe("clarification");
    const james = ackOf("james.whitfield@example.com", 2);
    expect(james.state).toBe("answered");

    publishNewVersion("Coffee for waiting customers");

    // the question and the answered thread stay as they were; the unasked items are replaced
    expect(ackOf(ANDREEA, 2)).toMatchObject({ state: "clarification", revision: before.revision + 1 });
    expect(ackOf("james.whitfield@example.com", 2)).toEqual(james);
    expect(ackOf("newhire@example.com", 2).state).toBe("superseded");
    expect(ackOf("thomas.bakker@example.com", 2).state).toBe("superseded");
    expect(ackOf(EMP, 2).state).toBe("understood");
    // everyone holding the role is asked about v3; Andreea is shown everything since v1
    expect(ackOf(ANDREEA, 3)).toMatchObject({ state: "pending", baseVersionId: versionId(1) });
    expect(ackOf(EMP, 3)).toMatchObject({ state: "pending", baseVersionId: versionId(2) });

    // v2's tracking keeps its history: the question is counted, the replaced items are listed
    const { tracking } = versionTracking(actorFor(MGR), SA, 2);
    expect(tracking.asked.map((r) => [r.name, r.state])).toEqual([
      ["Andreea Ionescu", "clarification"],
      ["James Whitfield", "answered"],
    ]);
    expect(tracking.understood.map((r) => r.name)).toEqual(["Elif Yılmaz"]);
    expect(tracking.waiting).toEqual([]);
    expect(tracking.replaced.map((r) => r.name)).toEqual(["Nora Bērziņa", "Thomas Bakker"]);

    // the question is in the owner's inbox, and the reply box still works on the old version
    const item = getAck(actorFor(MGR), before.id);
    expect(item).toMatchObject({ state: "clarification", canReply: true, isMine: false });
    expect(inbox(MGR).ids).toContain(before.id);
    expect(replyToAck(actorFor(MGR), before.id, ackOf(ANDREEA, 2).revision, "The parts desk calls them.")).toBe("answered");
    expect(inbox(MGR).ids).not.toContain(before.id);
    expect(getAck(andreea, before.id).messages.map((m) => m.body)).toEqual([QUESTION, "The parts desk calls them."]);
    // and the holder can close it
    expect(answerAck(andreea, before.id, ackOf(ANDREEA, 2).revision, "understood")).toBe("understood");
  });

  it("a further version still leaves an open question alone", () => {
    const elif = actorFor(EMP);
    const v3 = ackOf(EMP, 3);
    answerAck(elif, v3.id, v3.revision, "ask", "Is the coffee free?");
    publishNewVersion("Tea too");
    expect(ackOf(EMP, 3).state).toBe("clarification");
    expect(ackOf("newhire@example.com", 3).state).toBe("superseded");
    expect(ackOf(EMP, 4)).toMatchObject({ state: "pending", baseVersionId: versionId(2) });
    expect(inbox(MGR).ids).toContain(v3.id);
  });
});

describe("the inbox: one list of questions for whoever may answer", () => {
  const ask = (ownerEmail: string, holderEmail: string, body: string, at: string, announcementId: number | null = null) => {
    const ack = db()
      .insert(acknowledgements)
      .values({ personId: personId(holderEmail), ownerId: personId(ownerEmail), announcementId, state: "clarification", createdAt: at, answeredAt: at })
      .returning({ id: acknowledgements.id })
      .get();
    db().insert(ackMessages).values({ acknowledgementId: ack.id, authorId: personId(holderEmail), body, createdAt: at }).run();
    return ack.id;
  };

  it("the owner, the owner's manager and HR see a question; an unrelated employee does not; the count matches the list", () => {
    // a question on an item the supervisor owns (the supervisor reports to the manager)
    const id = ask(SUP, "lukas.petrauskas@example.com", "Which bay do I use?", "2020-01-01T08:00:00.000Z");
    for (const email of [SUP, MGR, HR]) {
      const box = inbox(email);
      expect(box.ids, email).toContain(id);
      expect(box.count, email).toBe(box.total);
      expect(box.ids.length, email).toBe(box.total);
    }
    for (const email of [EMP, "newhire@example.com", "lukas.petrauskas@example.com"]) {
      expect(inbox(email), email).toMatchObject({ total: 0, count: 0, ids: [] });
    }
    // the manager's questions: his own roles' and those of the people who report to him, oldest first
    const mgr = inbox(MGR);
    expect(mgr.ids[0]).toBe(id);
    expect(mgr.rows[0]).toMatchObject({ personName: "Lukas Petrauskas", question: "Which bay do I use?", askedAt: "2020-01-01T08:00:00.000Z" });
    const asked = mgr.rows.map((r) => r.askedAt);
    expect([...asked].sort()).toEqual(asked);
    // the supervisor sees only his own
    expect(inbox(SUP).ids).toEqual([id]);
  });

  it("an announcement's author and HR see questions about it, named by the announcement", () => {
    const a2 = db().select().from(announcements).where(eq(announcements.title, "Courtesy-car bookings move to the new fleet app")).get()!;
    const own = db()
      .select()
      .from(acknowledgements)
      .where(and(eq(acknowledgements.announcementId, a2.id), eq(acknowledgements.personId, personId("thomas.bakker@example.com"))))
      .get()!;
    answerAck(actorFor("thomas.bakker@example.com"), own.id, own.revision, "ask", "Do I need an app account?");
    const row = inbox(MGR).rows.find((r) => r.id === own.id)!;
    expect(row).toMatchObject({ kind: "announcement", title: a2.title, version: null, personName: "Thomas Bakker", question: "Do I need an app account?" });
    expect(inbox(HR).ids).toContain(own.id);
    expect(inbox(SUP).ids).not.toContain(own.id);
    expect(inbox(EMP).ids).not.toContain(own.id);
  });

  const canReply = (email: string, id: number) => {
    try {
      return getAck(actorFor(email), id).canReply;
    } catch (e) {
      if (e instanceof NotFoundError) return false;
      throw e;
    }
  };

  it("nobody's own question is in their inbox, and the reply permission follows the same rule", () => {
    const hrOwn = ask(HR, HR, "A question of my own", "2021-01-01T08:00:00.000Z");
    expect(inbox(HR).ids).not.toContain(hrOwn);
    expect(() => replyToAck(actorFor(HR), hrOwn, 1, "Answering myself")).toThrow(NotFoundError);
    // anyone who sees a question in their inbox may reply to it; nobody else may
    for (const email of [HR, MGR, SUP, EMP]) {
      const ids = new Set(inbox(email).ids);
      for (const { id } of db().select({ id: acknowledgements.id }).from(acknowledgements).where(eq(acknowledgements.state, "clarification")).all())
        expect(canReply(email, id), `${email} on ${id}`).toBe(ids.has(id));
    }
  });

  it("the list pages", () => {
    for (let i = 0; i < QUESTIONS_PAGE_SIZE + 1; i++) ask(SUP, "lukas.petrauskas@example.com", `Question ${i}`, `2022-01-01T08:${String(i).padStart(2, "0")}:00.000Z`);
    const sup = actorFor(SUP);
    const first = listQuestionsToAnswer(sup);
    expect(first.total).toBe(QUESTIONS_PAGE_SIZE + 2);
    expect(first.rows).toHaveLength(QUESTIONS_PAGE_SIZE);
    expect(first.pageCount).toBe(2);
    const second = listQuestionsToAnswer(sup, { page: 2 });
    expect(second.rows.map((r) => r.question)).toEqual([`Question ${QUESTIONS_PAGE_SIZE - 1}`, `Question ${QUESTIONS_PAGE_SIZE}`]);
    expect(questionsToAnswerCount(sup)).toBe(first.total);
  });
});
