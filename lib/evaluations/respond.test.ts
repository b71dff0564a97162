import { and, asc, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, evaluationEntries, evaluations, notifications, people } from "@/db/schema";
import { ActionError, ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { addAddendum, conversationOf, reply, respond, review } from "@/lib/evaluations/respond";
import { unansweredForManagers, waitingCount } from "@/lib/evaluations/waiting";
import { escalationReviewer } from "@/lib/auth/policy";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { insertEvaluation } from "@/lib/test/evaluations";

const HR = "hr@example.com";
const MGR = "manager@example.com";
const SUP = "supervisor@example.com";
const EMP = "employee@example.com";
/** Nora: Elif is her buddy. */
const NORA = "newhire@example.com";
/** Thomas: Elif's peer at reception (reports to the manager). */
const PEER = "thomas.bakker@example.com";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const released = (opts: { personEmail?: string; authorEmail?: string; status?: Parameters<typeof insertEvaluation>[0]["status"] } = {}) =>
  insertEvaluation({ personEmail: opts.personEmail ?? EMP, authorEmail: opts.authorEmail ?? SUP, status: opts.status ?? "released" });
const row = (id: number) => getDb().select().from(evaluations).where(eq(evaluations.id, id)).get()!;
const entriesOf = (id: number) =>
  getDb()
    .select({ kind: evaluationEntries.kind, authorId: evaluationEntries.authorId, body: evaluationEntries.body, createdAt: evaluationEntries.createdAt })
    .from(evaluationEntries)
    .where(eq(evaluationEntries.evaluationId, id))
    .orderBy(asc(evaluationEntries.id))
    .all();
const notesTo = (id: number) =>
  getDb()
    .select({ personId: notifications.personId, kind: notifications.kind, link: notifications.link })
    .from(notifications)
    .where(eq(notifications.link, `/evaluations/${id}`))
    .orderBy(asc(notifications.id))
    .all();
const auditsOf = (id: number) =>
  getDb()
    .select({ action: auditLog.action, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "evaluation"), eq(auditLog.entityId, String(id)), ne(auditLog.action, "access.denied")))
    .orderBy(asc(auditLog.id))
    .all();

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}
/** The ActionError a call throws (or, from refusedWithoutWriting, returns). */
function refusal(fn: () => unknown): { key: string; values: Record<string, string | number> } {
  let e: unknown;
  try {
    e = fn();
  } catch (x) {
    e = x;
  }
  expect(e).toBeInstanceOf(ActionError);
  return { key: (e as ActionError).key, values: (e as ActionError).values };
}
/** Runs a refused call and checks it changed nothing of the evaluation (row, entries, notifications). */
function refusedWithoutWriting(id: number, fn: () => unknown): unknown {
  const before = [row(id), entriesOf(id), notesTo(id), auditsOf(id)];
  const e = thrown(fn);
  expect([row(id), entriesOf(id), notesTo(id), auditsOf(id)]).toEqual(before);
  return e;
}

describe("a question, the author's reply, then understood", () => {
  it("walks released → questioned → answered → closed with an entry, notification and audit row per step", () => {
    const id = released();
    const [emp, sup] = [actorFor(EMP), actorFor(SUP)];
    expect(respond(emp, id, { answer: "question", note: "What does **job cards sooner** mean?" })).toEqual({ status: "questioned" });
    expect(row(id).status).toBe("questioned");
    expect(reply(sup, id, { note: "Within the same day." })).toEqual({ status: "answered" });
    expect(respond(emp, id, { answer: "understood" })).toEqual({ status: "closed" });
    const ev = row(id);
    expect([ev.status, ev.outcome, ev.closedAt !== null]).toEqual(["closed", "understood", true]);
    const entries = entriesOf(id);
    expect(entries.map((e) => [e.kind, e.authorId, e.body])).toEqual([
      ["question", emp.id, "What does **job cards sooner** mean?"],
      ["answer", sup.id, "Within the same day."],
      ["understood", emp.id, ""],
    ]);
    for (const e of entries) expect(e.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(notesTo(id).map((n) => [n.personId, n.kind])).toEqual([
      [sup.id, "evaluation.question"],
      [emp.id, "evaluation.reply"],
      [sup.id, "evaluation.understood"],
    ]);
    expect(auditsOf(id)).toEqual([
      { action: "evaluation.question", actorId: emp.id },
      { action: "evaluation.reply", actorId: sup.id },
      { action: "evaluation.understood", actorId: emp.id },
    ]);
  });

  it("understood straight after release closes it; a closed evaluation takes no further answer", () => {
    const id = released();
    respond(actorFor(EMP), id, { answer: "understood", note: "  Thanks, clear.  " });
    expect(entriesOf(id).map((e) => [e.kind, e.body])).toEqual([["understood", "Thanks, clear."]]);
    expect(refusal(() => refusedWithoutWriting(id, () => respond(actorFor(EMP), id, { answer: "question", note: "One more?" }))).key).toBe("evaluationConversation.closed");
  });

  it("while the author has not replied, the employee cannot answer again", () => {
    const id = released();
    respond(actorFor(EMP), id, { answer: "question", note: "Why?" });
    const e = refusedWithoutWriting(id, () => respond(actorFor(EMP), id, { answer: "understood" }));
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).key).toBe("evaluationConversation.waitingForReply");
    expect((e as ActionError).values).toEqual({ name: actorFor(SUP).name });
  });

  it("a question or disagreement needs a note; a note over 20,000 characters is refused", () => {
    const id = released();
    for (const answer of ["question", "disagree"] as const) {
      const e = refusedWithoutWriting(id, () => respond(actorFor(EMP), id, { answer, note: "   " }));
      expect((e as FieldError).fieldErrors).toEqual({ note: "required" });
    }
    const long = refusedWithoutWriting(id, () => respond(actorFor(EMP), id, { answer: "understood", note: "x".repeat(20_001) }));
    expect((long as FieldError).fieldErrors).toEqual({ note: "textTooLong" });
    const odd = refusedWithoutWriting(id, () => respond(actorFor(EMP), id, { answer: "maybe" as never, note: "?" }));
    expect((odd as FieldError).fieldErrors).toEqual({ answer: "invalidChoice" });
    respond(actorFor(EMP), id, { answer: "question", note: "x".repeat(20_000) });
    expect(row(id).status).toBe("questioned");
  });

  it("a stale revision (a second submit) is a conflict and writes nothing", () => {
    const id = released();
    const revision = row(id).revision;
    respond(actorFor(EMP), id, { answer: "question", note: "Why?", revision });
    expect(refusedWithoutWriting(id, () => reply(actorFor(SUP), id, { note: "Because.", revision }))).toBeInstanceOf(ConflictError);
    reply(actorFor(SUP), id, { note: "Because.", revision: revision + 1 });
    expect(row(id).status).toBe("answered");
  });
});

describe("a disagreement kept after the reply goes to the author's manager", () => {
  it("released → disagreed → answered → escalated (to manager@) → closed by the review, disagreement kept", () => {
    const id = released();
    const [emp, sup, mgr] = [actorFor(EMP), actorFor(SUP), actorFor(MGR)];
    expect(respond(emp, id, { answer: "disagree", note: "I wrote every job card the same day." }).status).toBe("disagreed");
    expect(reply(sup, id, { note: "Three were late in March." }).status).toBe("answered");
    expect(respond(emp, id, { answer: "disagree", note: "Those were warranty jobs." }).status).toBe("escalated");
    const ev = row(id);
    expect([ev.escalatedToId, ev.escalatedAt !== null, ev.outcome]).toEqual([mgr.id, true, null]);
    expect(entriesOf(id).map((e) => e.kind)).toEqual(["disagree", "answer", "disagree", "escalated"]);
    expect(notesTo(id).at(-1)).toEqual({ personId: mgr.id, kind: "evaluation.escalated", link: `/evaluations/${id}` });
    expect(auditsOf(id).map((a) => a.action)).toEqual(["evaluation.disagree", "evaluation.reply", "evaluation.disagree", "evaluation.escalate"]);

    // The author and the employee cannot review it; the reviewer can.
    for (const who of [SUP, EMP]) expect(refusal(() => refusedWithoutWriting(id, () => review(actorFor(who), id, { note: "Fine." }))).key).toBe("evaluationConversation.onlyReviewer");
    expect(refusal(() => respond(emp, id, { answer: "understood" })).key).toBe("evaluationConversation.withReviewer");
    expect(review(mgr, id, { note: "Warranty jobs are logged later by design; the improvement stays, reworded." }).status).toBe("closed");
    const closed = row(id);
    expect([closed.status, closed.outcome, closed.closedAt !== null]).toEqual(["closed", "disagreement_kept", true]);
    expect(notesTo(id).slice(-2).map((n) => [n.personId, n.kind])).toEqual([
      [emp.id, "evaluation.reviewed"],
      [sup.id, "evaluation.reviewed"],
    ]);
    expect(auditsOf(id).at(-1)).toEqual({ action: "evaluation.review", actorId: mgr.id });
    expect(refusal(() => review(mgr, id, { note: "Again." })).key).toBe("evaluationConversation.nothingToReview");
  });

  it("a first disagreement after a question's answer is not yet kept: it waits for the author's reply", () => {
    const id = released();
    respond(actorFor(EMP), id, { answer: "question", note: "Why?" });
    reply(actorFor(SUP), id, { note: "Because." });
    expect(respond(actorFor(EMP), id, { answer: "disagree", note: "I disagree." }).status).toBe("disagreed");
    expect(row(id).escalatedToId).toBeNull();
  });

  it("HR may review a kept disagreement in place of the reviewer; the review note is required", () => {
    const id = released();
    respond(actorFor(EMP), id, { answer: "disagree", note: "No." });
    reply(actorFor(SUP), id, { note: "Yes." });
    respond(actorFor(EMP), id, { answer: "disagree", note: "Still no." });
    expect((refusedWithoutWriting(id, () => review(actorFor(HR), id, { note: "" })) as FieldError).fieldErrors).toEqual({ note: "required" });
    expect(review(actorFor(HR), id, { note: "Reviewed by HR." }).status).toBe("closed");
  });

  it("an author with no manager above them: the disagreement goes to HR", () => {
    // manager@ reports to nobody and manages his own team: his evaluation of Thomas escalates to HR.
    const id = released({ personEmail: PEER, authorEmail: MGR });
    const peer = actorFor(PEER);
    respond(peer, id, { answer: "disagree", note: "No." });
    reply(actorFor(MGR), id, { note: "Yes." });
    const conversation = conversationOf(peer, id);
    expect(conversation.me.answer).toEqual({ disagreeEscalates: true, reviewer: { id: idOf(HR), name: actorFor(HR).name } });
    respond(peer, id, { answer: "disagree", note: "Still no." });
    expect(row(id).escalatedToId).toBe(idOf(HR));
  });
});

describe("the escalation target", () => {
  it("is the author's supervisor, else the manager of the author's team, never the employee; else HR", () => {
    expect(escalationReviewer(idOf(SUP), idOf(EMP))).toBe(idOf(MGR));
    // Marco evaluated by Sven (who reports to Marco): not Marco himself, so HR.
    expect(escalationReviewer(idOf(SUP), idOf(MGR))).toBe(idOf(HR));
    // Thomas evaluated by Elif (who reports to Sven): Sven.
    expect(escalationReviewer(idOf(EMP), idOf(PEER))).toBe(idOf(SUP));
    expect(escalationReviewer(null, idOf(EMP))).toBe(idOf(HR));
  });
});

describe("addenda", () => {
  it("the author adds a correction after release: an entry with author and time; the released content and status stay", () => {
    const id = released({ status: "questioned" });
    const before = row(id);
    expect(addAddendum(actorFor(SUP), id, { note: "Correction: the period is the calendar year." })).toEqual({ entryCreated: true });
    const after = row(id);
    expect(after).toEqual(before);
    expect(entriesOf(id).map((e) => [e.kind, e.authorId])).toEqual([["addendum", idOf(SUP)]]);
    expect(notesTo(id)).toEqual([{ personId: idOf(EMP), kind: "evaluation.addendum", link: `/evaluations/${id}` }]);
    expect(auditsOf(id)).toEqual([{ action: "evaluation.addendum", actorId: idOf(SUP) }]);
  });

  it("only the author adds one, and only after release", () => {
    const id = released();
    for (const who of [EMP, MGR, HR]) {
      const r = refusal(() => refusedWithoutWriting(id, () => addAddendum(actorFor(who), id, { note: "Mine." })));
      expect(r).toEqual({ key: "evaluationConversation.onlyAuthorAddendum", values: { name: actorFor(SUP).name } });
    }
    const draft = released({ status: "draft" });
    expect(refusal(() => refusedWithoutWriting(draft, () => addAddendum(actorFor(SUP), draft, { note: "Early." }))).key).toBe("evaluationConversation.notReleased");
    expect((refusedWithoutWriting(id, () => addAddendum(actorFor(SUP), id, { note: "" })) as FieldError).fieldErrors).toEqual({ note: "required" });
  });
});

describe("who may do what", () => {
  it("only the employee answers: the author, the author's manager and HR are told so", () => {
    const id = released();
    const name = actorFor(EMP).name;
    for (const who of [SUP, MGR, HR]) {
      const r = refusal(() => refusedWithoutWriting(id, () => respond(actorFor(who), id, { answer: "understood" })));
      expect(r).toEqual({ key: "evaluationConversation.onlyEmployee", values: { name } });
    }
  });

  it("the buddy, a peer and the employee's own draft: not found, nothing written but the refusal's audit row", () => {
    const id = released();
    for (const who of [NORA, PEER]) {
      for (const call of [
        () => respond(actorFor(who), id, { answer: "understood" }),
        () => reply(actorFor(who), id, { note: "x" }),
        () => addAddendum(actorFor(who), id, { note: "x" }),
        () => review(actorFor(who), id, { note: "x" }),
        () => conversationOf(actorFor(who), id),
      ])
        expect(refusedWithoutWriting(id, call)).toBeInstanceOf(NotFoundError);
    }
    const denied = getDb()
      .select({ actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityType, "evaluation"), eq(auditLog.entityId, String(id))))
      .all();
    expect(new Set(denied.map((d) => d.actorId))).toEqual(new Set([idOf(NORA), idOf(PEER)]));
    const draft = released({ status: "draft" });
    expect(thrown(() => respond(actorFor(EMP), draft, { answer: "understood" }))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => conversationOf(actorFor(EMP), draft))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => respond(actorFor(EMP), 999_999, { answer: "understood" }))).toBeInstanceOf(NotFoundError);
  });

  it("answering an evaluation not yet released (asked for a self-assessment) is a clear error", () => {
    const id = released({ status: "self_assessment" });
    expect(refusal(() => refusedWithoutWriting(id, () => respond(actorFor(EMP), id, { answer: "understood" }))).key).toBe("evaluationConversation.notReleased");
  });

  it("only the author replies, and only when something is asked", () => {
    const id = released();
    expect(refusal(() => refusedWithoutWriting(id, () => reply(actorFor(SUP), id, { note: "Unasked." }))).key).toBe("evaluationConversation.nothingToReply");
    respond(actorFor(EMP), id, { answer: "question", note: "Why?" });
    for (const who of [EMP, MGR, HR]) {
      const r = refusal(() => refusedWithoutWriting(id, () => reply(actorFor(who), id, { note: "Me." })));
      expect(r).toEqual({ key: "evaluationConversation.onlyAuthor", values: { name: actorFor(SUP).name } });
    }
    const draft = released({ status: "draft" });
    expect(refusal(() => reply(actorFor(SUP), draft, { note: "Early." })).key).toBe("evaluationConversation.notReleased");
  });

  it("when the author is gone, HR receives the question and replies", () => {
    const id = released();
    getDb().update(evaluations).set({ authorId: null }).where(eq(evaluations.id, id)).run();
    respond(actorFor(EMP), id, { answer: "question", note: "Who answers now?" });
    expect(notesTo(id)).toEqual([{ personId: idOf(HR), kind: "evaluation.question", link: `/evaluations/${id}` }]);
    expect(conversationOf(actorFor(HR), id).me.reply).toBe(true);
    expect(refusal(() => reply(actorFor(MGR), id, { note: "Me." })).key).toBe("evaluationConversation.onlyHr");
    expect(reply(actorFor(HR), id, { note: "HR answers." }).status).toBe("answered");
  });

  it("a deactivated author counts as gone: HR replies, the author's old account may not", () => {
    const james = "james.whitfield@example.com";
    const id = released({ authorEmail: james });
    getDb().update(people).set({ active: false }).where(eq(people.email, james)).run();
    respond(actorFor(EMP), id, { answer: "question", note: "Anyone?" });
    expect(conversationOf(actorFor(HR), id).waitingFor).toEqual({ who: "replier", name: null });
    expect(reply(actorFor(HR), id, { note: "HR answers." }).status).toBe("answered");
    getDb().update(people).set({ active: true }).where(eq(people.email, james)).run();
  });

  it("conversationOf: the thread in order with names, and each person's possible moves", () => {
    const id = released();
    respond(actorFor(EMP), id, { answer: "disagree", note: "No." });
    addAddendum(actorFor(SUP), id, { note: "Added the March figures." });
    const [emp, sup, mgr, hr] = [EMP, SUP, MGR, HR].map((e) => conversationOf(actorFor(e), id));
    expect(emp.entries.map((e) => [e.kind, e.author?.name, e.body])).toEqual([
      ["disagree", actorFor(EMP).name, "No."],
      ["addendum", actorFor(SUP).name, "Added the March figures."],
    ]);
    expect(emp.waitingFor).toEqual({ who: "replier", name: actorFor(SUP).name });
    expect(emp.me).toEqual({ isEmployee: true, isAuthor: false, answer: null, reply: false, addendum: false, review: false });
    expect(sup.me).toEqual({ isEmployee: false, isAuthor: true, answer: null, reply: true, addendum: true, review: false });
    // manager@ sees supervisor@'s evaluations (the author reports to him), and may do nothing in them.
    expect(mgr.me).toEqual({ isEmployee: false, isAuthor: false, answer: null, reply: false, addendum: false, review: false });
    expect(hr.entries).toHaveLength(2);

    reply(actorFor(SUP), id, { note: "Here is why." });
    const again = conversationOf(actorFor(EMP), id);
    expect(again.me.answer).toEqual({ disagreeEscalates: true, reviewer: { id: idOf(MGR), name: actorFor(MGR).name } });
    expect(again.waitingFor).toEqual({ who: "employee", name: actorFor(EMP).name });
    const fresh = conversationOf(actorFor(EMP), released());
    expect(fresh.me.answer).toEqual({ disagreeEscalates: false, reviewer: { id: idOf(MGR), name: actorFor(MGR).name } });
    expect(fresh.entries).toEqual([]);
  });
});

describe("waiting for an answer", () => {
  it("the author's manager sees unanswered questions and disagreements, oldest first; escalations for their review; others do not", () => {
    const [emp, sup, mgr] = [actorFor(EMP), actorFor(SUP), actorFor(MGR)];
    const first = released();
    const second = released();
    const answered = released();
    respond(emp, first, { answer: "question", note: "First?" });
    respond(emp, second, { answer: "disagree", note: "Second." });
    respond(emp, answered, { answer: "question", note: "Answered?" });
    reply(sup, answered, { note: "Yes." });
    const mine = unansweredForManagers(mgr).rows.filter((r) => [first, second, answered].includes(r.id));
    expect(mine.map((r) => [r.id, r.reason, r.status])).toEqual([
      [first, "below", "questioned"],
      [second, "below", "disagreed"],
    ]);
    expect(mine[0].since <= mine[1].since).toBe(true);
    const theAuthor = unansweredForManagers(sup).rows.filter((r) => [first, second].includes(r.id));
    expect(theAuthor.map((r) => r.reason)).toEqual(["reply", "reply"]);
    expect(unansweredForManagers(emp).total).toBe(0);
    expect(waitingCount(emp)).toBe(0);
    expect(unansweredForManagers(actorFor(PEER)).total).toBe(0);

    const kept = released();
    respond(emp, kept, { answer: "disagree", note: "No." });
    reply(sup, kept, { note: "Yes." });
    respond(emp, kept, { answer: "disagree", note: "Still no." });
    expect(unansweredForManagers(mgr).rows.find((r) => r.id === kept)?.reason).toBe("review");
    expect(unansweredForManagers(sup).rows.some((r) => r.id === kept)).toBe(false);
    expect(waitingCount(mgr)).toBe(unansweredForManagers(mgr).total);
    expect(waitingCount(sup)).toBe(unansweredForManagers(sup).total);
  });

  it("pages of at most 20", () => {
    const page = unansweredForManagers(actorFor(MGR), 99);
    expect(page.rows.length).toBeLessThanOrEqual(20);
    expect(page.page).toBe(page.pageCount);
  });
});

describe("messages", () => {
  it("every notification kind these steps send reads in all six languages", async () => {
    const { NOTIFICATION_KINDS } = await import("@/lib/notifications/notifications");
    for (const locale of ["en", "tr", "lv", "lt", "nl", "ro"]) {
      const messages = (await import(`@/i18n/messages/${locale}.json`)).default as { notifications: { kind: Record<string, Record<string, string>> } };
      for (const kind of NOTIFICATION_KINDS.filter((k) => k.startsWith("evaluation."))) {
        const [group, name] = kind.split(".");
        expect(messages.notifications.kind[group]?.[name], `${locale} ${kind}`).toMatch(/\{name\}/);
      }
    }
  });
});
