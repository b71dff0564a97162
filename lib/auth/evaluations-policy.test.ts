import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { evaluations, people } from "@/db/schema";
import { evaluableCondition, evaluationAccess, evaluationsCondition, escalationReviewer, mayEvaluate } from "@/lib/auth/policy";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { insertEvaluation } from "@/lib/test/evaluations";
import { evaluationsDue, offersProbationEvaluation } from "@/lib/evaluations/due";
import { SEED_TIMEOUT } from "@/lib/test/refusals";

/** The evaluation rules of the policy, on the demo organisation (see db/seed-evaluations.ts). */

beforeAll(async () => {
  await useSeededTestDb();
}, SEED_TIMEOUT);

const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const emailsOf = (ids: number[]) =>
  ids.length ? getDb().select({ email: people.email }).from(people).where(inArray(people.id, ids)).all().map((p) => p.email).sort() : [];
/** Who is evaluated in the evaluations the actor sees, with status: "email:status". */
const visible = (who: string) =>
  getDb()
    .select({ email: people.email, status: evaluations.status })
    .from(evaluations)
    .innerJoin(people, eq(people.id, evaluations.personId))
    .where(evaluationsCondition(actorFor(who)))
    .all()
    .map((r) => `${r.email}:${r.status}`)
    .sort();
const evaluable = (who: string) =>
  getDb().select({ email: people.email }).from(people).where(evaluableCondition(actorFor(who))).all().map((p) => p.email);

describe("who may evaluate whom (evaluableCondition, mayEvaluate)", () => {
  it("a supervisor evaluates their direct reports, never themself or their own manager", () => {
    const list = evaluable("supervisor@example.com");
    expect(list).toContain("employee@example.com");
    expect(list).toContain("pieter.vandijk@example.com");
    expect(list).not.toContain("supervisor@example.com");
    expect(list).not.toContain("manager@example.com");
    expect(list).not.toContain("mark.dawson@example.com");
  });
  it("a manager evaluates the people of the teams they manage and their reports", () => {
    const list = evaluable("manager@example.com");
    expect(list).toEqual(expect.arrayContaining(["supervisor@example.com", "mark.dawson@example.com", "pieter.vandijk@example.com"]));
    expect(list).not.toContain("manager@example.com");
    expect(list).not.toContain("daan.visser@example.com");
  });
  it("HR evaluates anyone active but themself; an employee nobody", () => {
    expect(evaluable("hr@example.com")).toContain("manager@example.com");
    expect(evaluable("hr@example.com")).not.toContain("hr@example.com");
    expect(evaluable("employee@example.com")).toEqual([]);
    expect(mayEvaluate(actorFor("employee@example.com"), idOf("newhire@example.com"))).toBe(false);
    expect(mayEvaluate(actorFor("supervisor@example.com"), idOf("employee@example.com"))).toBe(true);
  });
});

describe("who sees which evaluation (evaluationsCondition)", () => {
  it("the employee sees only their own released evaluations, never a draft about them", () => {
    expect(visible("employee@example.com")).toEqual(["employee@example.com:answered", "employee@example.com:closed"]);
    expect(visible("pieter.vandijk@example.com")).toEqual(["pieter.vandijk@example.com:closed"]);
  });
  it("the author sees their drafts and released ones; the author's manager sees them too", () => {
    expect(visible("supervisor@example.com")).toContain("pieter.vandijk@example.com:draft");
    expect(visible("supervisor@example.com")).not.toContain("supervisor@example.com:closed".replace("closed", "draft"));
    expect(visible("manager@example.com")).toContain("pieter.vandijk@example.com:draft");
    expect(visible("manager@example.com")).toContain("oliver.hughes@example.com:escalated");
  });
  it("a supervisor does not see evaluations of peers written by someone else", () => {
    expect(visible("supervisor@example.com").filter((v) => v.startsWith("mark.dawson"))).toEqual([]);
  });
  it("the buddy, peers and people outside the chain see none", () => {
    // Elif is Nora's buddy: an evaluation of Nora, even released, is not hers to see.
    const id = insertEvaluation({ personEmail: "newhire@example.com", authorEmail: "supervisor@example.com", status: "released" });
    expect(visible("employee@example.com").some((v) => v.startsWith("newhire@"))).toBe(false);
    expect(visible("newhire@example.com")).toContain("newhire@example.com:released");
    expect(visible("cristina.stan@example.com")).toEqual([]);
    expect(visible("thomas.bakker@example.com")).toEqual(["thomas.bakker@example.com:closed"]);
    getDb().delete(evaluations).where(eq(evaluations.id, id)).run();
  });
  it("a draft waiting for a self-assessment shows to the employee (the form only), a plain draft does not", () => {
    const id = insertEvaluation({ personEmail: "newhire@example.com", authorEmail: "supervisor@example.com", status: "self_assessment" });
    expect(visible("newhire@example.com")).toContain("newhire@example.com:self_assessment");
    getDb().update(evaluations).set({ status: "draft" }).where(eq(evaluations.id, id)).run();
    expect(visible("newhire@example.com")).not.toContain("newhire@example.com:draft");
    getDb().delete(evaluations).where(eq(evaluations.id, id)).run();
  });
  it("whom a disagreement was escalated to sees it; HR sees every one", () => {
    const id = insertEvaluation({ personEmail: "mark.dawson@example.com", authorEmail: "manager@example.com", status: "escalated", escalatedToEmail: "hr@example.com" });
    expect(visible("hr@example.com").length).toBe(getDb().select({ id: evaluations.id }).from(evaluations).all().length);
    const withDaan = insertEvaluation({ personEmail: "emre.sahin@example.com", authorEmail: "manager@example.com", status: "escalated", escalatedToEmail: "daan.visser@example.com" });
    expect(visible("daan.visser@example.com")).toEqual(["daan.visser@example.com:closed", "emre.sahin@example.com:escalated"]);
    getDb().delete(evaluations).where(inArray(evaluations.id, [id, withDaan])).run();
  });
});

describe("what one may do with an evaluation (evaluationAccess)", () => {
  const ev = (status: Parameters<typeof evaluationAccess>[1]["status"], escalatedTo: string | null = null) => ({
    personId: idOf("employee@example.com"),
    authorId: idOf("supervisor@example.com"),
    escalatedToId: escalatedTo ? idOf(escalatedTo) : null,
    status,
  });
  it("the author edits a draft and adds addenda after release; the employee never edits", () => {
    const author = actorFor("supervisor@example.com");
    expect(evaluationAccess(author, ev("draft")).mayEditDraft).toBe(true);
    expect(evaluationAccess(author, ev("released")).mayEditDraft).toBe(false);
    expect(evaluationAccess(author, ev("released")).mayAddendum).toBe(true);
    expect(evaluationAccess(author, ev("draft")).mayAddendum).toBe(false);
    const employee = actorFor("employee@example.com");
    expect(evaluationAccess(employee, ev("draft"))).toMatchObject({ mayEditDraft: false, selfAssessOnly: true, seesPrivate: false });
    expect(evaluationAccess(employee, ev("self_assessment")).maySelfAssess).toBe(true);
    expect(evaluationAccess(employee, ev("draft")).maySelfAssess).toBe(false);
  });
  it("only the employee answers; only the author replies, and only to a question or disagreement", () => {
    const employee = actorFor("employee@example.com");
    const author = actorFor("supervisor@example.com");
    expect(evaluationAccess(employee, ev("released")).mayRespond).toBe(true);
    expect(evaluationAccess(author, ev("released")).mayRespond).toBe(false);
    expect(evaluationAccess(author, ev("questioned")).mayReply).toBe(true);
    expect(evaluationAccess(author, ev("disagreed")).mayReply).toBe(true);
    expect(evaluationAccess(author, ev("answered")).mayReply).toBe(false);
    expect(evaluationAccess(actorFor("manager@example.com"), ev("questioned")).mayReply).toBe(false);
    expect(evaluationAccess(actorFor("hr@example.com"), { ...ev("questioned"), authorId: null }).mayReply).toBe(true);
    expect(evaluationAccess(actorFor("hr@example.com"), ev("questioned")).mayReply).toBe(false);
  });
  it("the reviewer (or HR) reviews an escalated disagreement; the employee and the author do not", () => {
    expect(evaluationAccess(actorFor("manager@example.com"), ev("escalated", "manager@example.com")).mayReview).toBe(true);
    expect(evaluationAccess(actorFor("hr@example.com"), ev("escalated", "manager@example.com")).mayReview).toBe(true);
    expect(evaluationAccess(actorFor("supervisor@example.com"), ev("escalated", "manager@example.com")).mayReview).toBe(false);
    expect(evaluationAccess(actorFor("employee@example.com"), ev("escalated", "manager@example.com")).mayReview).toBe(false);
    expect(evaluationAccess(actorFor("manager@example.com"), ev("answered", "manager@example.com")).mayReview).toBe(false);
  });
});

describe("escalationReviewer", () => {
  it("is the author's supervisor, else their team's manager, else HR", () => {
    expect(emailsOf([escalationReviewer(idOf("supervisor@example.com"), idOf("oliver.hughes@example.com"))!])).toEqual(["manager@example.com"]);
    // Marco reports to nobody and manages his own team: HR reviews.
    expect(emailsOf([escalationReviewer(idOf("manager@example.com"), idOf("mark.dawson@example.com"))!])).toEqual(["hr@example.com"]);
    // Daan reports to Helena (HR).
    expect(emailsOf([escalationReviewer(idOf("daan.visser@example.com"), idOf("aylin.celik@example.com"))!])).toEqual(["hr@example.com"]);
    expect(emailsOf([escalationReviewer(null, idOf("mark.dawson@example.com"))!])).toEqual(["hr@example.com"]);
  });
  it("is never the evaluated person", () => {
    const r = escalationReviewer(idOf("supervisor@example.com"), idOf("manager@example.com"));
    expect(emailsOf([r!])).toEqual(["hr@example.com"]);
    expect(getDb().select({ id: people.id }).from(people).where(and(eq(people.id, r!), eq(people.email, "manager@example.com"))).get()).toBeUndefined();
  });
});

describe("edges of the evaluation rules", () => {
  const setPerson = (email: string, values: Partial<typeof people.$inferInsert>) => getDb().update(people).set(values).where(eq(people.id, idOf(email))).run();

  it("someone without evaluations.write evaluates nobody, even a person who reports to them", () => {
    // Daan is an employee; for this test Aylin reports to him.
    const before = getDb().select({ reportsToId: people.reportsToId }).from(people).where(eq(people.id, idOf("aylin.celik@example.com"))).get()!;
    setPerson("aylin.celik@example.com", { reportsToId: idOf("daan.visser@example.com") });
    try {
      expect(evaluable("daan.visser@example.com")).toEqual([]);
      expect(mayEvaluate(actorFor("daan.visser@example.com"), idOf("aylin.celik@example.com"))).toBe(false);
    } finally {
      setPerson("aylin.celik@example.com", { reportsToId: before.reportsToId });
    }
  });

  it("a deactivated person is not evaluated", () => {
    setPerson("burak.demir@example.com", { active: false });
    try {
      expect(evaluable("supervisor@example.com")).not.toContain("burak.demir@example.com");
      expect(evaluable("hr@example.com")).not.toContain("burak.demir@example.com");
    } finally {
      setPerson("burak.demir@example.com", { active: true });
    }
    expect(evaluable("supervisor@example.com")).toContain("burak.demir@example.com");
  });

  it("someone above the employee but not above the author never sees the draft, only the released evaluation", () => {
    // HR writes about Elif: Sven (Elif's supervisor) is above Elif, not above HR.
    const id = insertEvaluation({ personEmail: "employee@example.com", authorEmail: "hr@example.com", status: "draft" });
    try {
      expect(visible("supervisor@example.com").filter((v) => v === "employee@example.com:draft")).toEqual([]);
      getDb().update(evaluations).set({ status: "released" }).where(eq(evaluations.id, id)).run();
      expect(visible("supervisor@example.com")).toContain("employee@example.com:released");
    } finally {
      getDb().delete(evaluations).where(eq(evaluations.id, id)).run();
    }
  });

  it("the employee answers again after the author's reply; HR replies when the author was deactivated", () => {
    const base = { personId: idOf("employee@example.com"), authorId: idOf("supervisor@example.com"), escalatedToId: null };
    expect(evaluationAccess(actorFor("employee@example.com"), { ...base, status: "answered" }).mayRespond).toBe(true);
    expect(evaluationAccess(actorFor("employee@example.com"), { ...base, status: "questioned" }).mayRespond).toBe(false);
    expect(evaluationAccess(actorFor("hr@example.com"), { ...base, status: "questioned", authorActive: false }).mayReply).toBe(true);
    expect(evaluationAccess(actorFor("hr@example.com"), { ...base, status: "questioned", authorActive: true }).mayReply).toBe(false);
  });

  it("HR reviews only while active, and never a disagreement about their own evaluation", () => {
    expect(escalationReviewer(null, idOf("hr@example.com"))).toBeNull();
    setPerson("hr@example.com", { active: false });
    try {
      expect(escalationReviewer(null, idOf("mark.dawson@example.com"))).toBeNull();
    } finally {
      setPerson("hr@example.com", { active: true });
    }
  });
});

describe("evaluation rules used by the due list and the plan's closing", () => {
  it("the due list links only to a draft the reader may open", () => {
    // HR drafts Burak's evaluation: Sven sees Burak as due, without a link to HR's draft.
    const id = insertEvaluation({ personEmail: "burak.demir@example.com", authorEmail: "hr@example.com", status: "draft" });
    try {
      const burak = (who: string) => evaluationsDue(actorFor(who)).rows.find((r) => r.name === "Burak Demir")!;
      expect(burak("supervisor@example.com").draftId).toBeNull();
      expect(burak("hr@example.com").draftId).toBe(id);
    } finally {
      getDb().delete(evaluations).where(eq(evaluations.id, id)).run();
    }
  });

  it("closing a plan offers the probation evaluation only to someone who may evaluate the hire", () => {
    expect(offersProbationEvaluation(actorFor("employee@example.com"), idOf("newhire@example.com"))).toBe(false);
    expect(offersProbationEvaluation(actorFor("supervisor@example.com"), idOf("newhire@example.com"))).toBe(true);
  });
});
