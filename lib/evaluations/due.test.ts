import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { evaluations, onboardings, organisation, people } from "@/db/schema";
import { closePlan, getPlan } from "@/lib/onboarding/plans";
import { ForbiddenError } from "@/lib/core/errors";
import { addDays } from "@/lib/evaluations/due-rule";
import { evaluationsDue, evaluationsDueCount, myNextEvaluation, offersProbationEvaluation } from "@/lib/evaluations/due";
import { nextDue } from "@/lib/evaluations/due-rule";
import { insertEvaluation } from "@/lib/test/evaluations";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
  // No evaluation from the demo data: each test sets up what it needs.
  getDb().delete(evaluations).run();
}, 120_000);

const SUP = "supervisor@example.com";
const TODAY = "2026-06-15";
const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const setStart = (email: string, startDate: string) => getDb().update(people).set({ startDate }).where(eq(people.email, email)).run();
const reportsOf = (email: string) =>
  getDb()
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(eq(people.reportsToId, idOf(email)))
    .all();
const setSchedule = (probationDays: number, evaluationIntervalMonths: number) =>
  getDb().update(organisation).set({ probationDays, evaluationIntervalMonths }).where(eq(organisation.id, 1)).run();

describe("evaluationsDue", () => {
  it("computes each person's due date in SQL exactly as the pure rule does (start dates, released periods, month ends)", () => {
    setSchedule(90, 1);
    const reports = reportsOf(SUP);
    // Everyone started long ago; one has a released evaluation ending on 31 January of a leap year.
    reports.forEach((r, i) => setStart(r.email, addDays("2023-01-01", i * 7)));
    insertEvaluation({ personEmail: "employee@example.com", authorEmail: SUP, status: "closed", periodStart: "2023-02-01", periodEnd: "2024-01-31" });
    insertEvaluation({ personEmail: "employee@example.com", authorEmail: SUP, status: "released", periodStart: "2022-02-01", periodEnd: "2023-01-31" });
    // A draft does not count as done.
    insertEvaluation({ personEmail: "mehmet.kaya@example.com", authorEmail: SUP, status: "draft", periodStart: "2023-02-01", periodEnd: "2025-01-31" });
    const rows = evaluationsDue(actorFor(SUP), 1, "2099-01-01").rows;
    expect(rows.map((r) => r.personId).sort()).toEqual(reports.map((r) => r.id).sort());
    for (const row of rows) {
      const expected = nextDue({ startDate: row.startDate, lastReleasedEnd: row.lastEnd }, { probationDays: 90, intervalMonths: 1 }, "2099-01-01");
      expect({ kind: row.kind, dueDate: row.dueDate, overdue: row.overdue }).toEqual(expected);
    }
    const employee = rows.find((r) => r.personId === idOf("employee@example.com"))!;
    expect(employee).toMatchObject({ kind: "periodic", lastEnd: "2024-01-31", dueDate: "2024-02-29" });
    expect(rows.find((r) => r.personId === idOf("mehmet.kaya@example.com"))!.kind).toBe("probation");
    getDb().delete(evaluations).run();
    setSchedule(90, 12);
  });

  it("lists the overdue first, then the soonest, and leaves out anyone due after the next 30 days", () => {
    const reports = reportsOf(SUP);
    // Probation due = start + 90 days: choose the starts so the due dates are known.
    const dueOn = (email: string, due: string) => setStart(email, addDays(due, -90));
    reports.forEach((r) => dueOn(r.email, addDays(TODAY, 100)));
    dueOn("employee@example.com", addDays(TODAY, 30));
    dueOn("mehmet.kaya@example.com", addDays(TODAY, -3));
    dueOn("pieter.vandijk@example.com", addDays(TODAY, 2));
    dueOn("janis.ozolins@example.com", addDays(TODAY, -40));
    dueOn("oliver.hughes@example.com", addDays(TODAY, 31));
    const page = evaluationsDue(actorFor(SUP), 1, TODAY);
    expect(page.rows.map((r) => [r.personId, r.overdue])).toEqual([
      [idOf("janis.ozolins@example.com"), true],
      [idOf("mehmet.kaya@example.com"), true],
      [idOf("pieter.vandijk@example.com"), false],
      [idOf("employee@example.com"), false],
    ]);
    expect(page.total).toBe(4);
    expect(evaluationsDueCount(actorFor(SUP), TODAY)).toBe(4);
  });

  it("links a draft the actor may open, and only one they may open", () => {
    const draft = insertEvaluation({ personEmail: "mehmet.kaya@example.com", authorEmail: "hr@example.com", status: "draft" });
    const mine = insertEvaluation({ personEmail: "janis.ozolins@example.com", authorEmail: SUP, status: "self_assessment" });
    const rows = evaluationsDue(actorFor(SUP), 1, TODAY).rows;
    // HR's draft is not the supervisor's to see: no link for them.
    expect(rows.find((r) => r.personId === idOf("mehmet.kaya@example.com"))!.draftId).toBeNull();
    expect(rows.find((r) => r.personId === idOf("janis.ozolins@example.com"))!.draftId).toBe(mine);
    const hrRows = evaluationsDue(actorFor("hr@example.com"), 1, TODAY).rows;
    expect(hrRows.find((r) => r.personId === idOf("mehmet.kaya@example.com"))!.draftId).toBe(draft);
    getDb().delete(evaluations).where(inArray(evaluations.id, [draft, mine])).run();
  });

  it("narrows to whom the actor may evaluate: never themself, nobody for an employee", () => {
    const sup = evaluationsDue(actorFor(SUP), 1, "2099-01-01").rows.map((r) => r.personId);
    expect(sup).not.toContain(idOf(SUP));
    const hr = evaluationsDue(actorFor("hr@example.com"), 1, "2099-01-01");
    expect(hr.total).toBeGreaterThan(sup.length);
    expect(hr.rows.map((r) => r.personId)).not.toContain(idOf("hr@example.com"));
    expect(() => evaluationsDue(actorFor("employee@example.com"), 1, TODAY)).toThrow(ForbiddenError);
    expect(evaluationsDueCount(actorFor("employee@example.com"), TODAY)).toBe(0);
  });

  it("pages: 25 a page, the rest on the next", () => {
    const hr = actorFor("hr@example.com");
    const first = evaluationsDue(hr, 1, "2099-01-01");
    expect(first.rows.length).toBe(Math.min(25, first.total));
    if (first.pageCount > 1) {
      const second = evaluationsDue(hr, 2, "2099-01-01");
      expect(second.rows.map((r) => r.personId).filter((id) => first.rows.some((r) => r.personId === id))).toEqual([]);
    }
  });
});

describe("myNextEvaluation", () => {
  it("is the person's own next evaluation by the same rule", () => {
    setStart("employee@example.com", "2026-01-10");
    const me = actorFor("employee@example.com");
    expect(myNextEvaluation(me, "2026-02-01")).toEqual({ kind: "probation", dueDate: "2026-04-10", overdue: false });
    const id = insertEvaluation({ personEmail: "employee@example.com", authorEmail: SUP, status: "released", periodStart: "2026-01-10", periodEnd: "2026-04-10" });
    getDb().update(evaluations).set({ kind: "probation" }).where(eq(evaluations.id, id)).run();
    expect(myNextEvaluation(me, "2026-05-01")).toEqual({ kind: "periodic", dueDate: "2027-04-10", overdue: false });
    getDb().delete(evaluations).where(eq(evaluations.id, id)).run();
  });
});

describe("offersProbationEvaluation", () => {
  it("offers it to someone who may evaluate the hire, until a probation evaluation exists", () => {
    const nora = idOf("newhire@example.com");
    expect(offersProbationEvaluation(actorFor(SUP), nora)).toBe(true);
    expect(offersProbationEvaluation(actorFor("employee@example.com"), nora)).toBe(false);
    expect(offersProbationEvaluation(actorFor("newhire@example.com"), nora)).toBe(false);
    const id = insertEvaluation({ personEmail: "newhire@example.com", authorEmail: SUP, status: "draft" });
    getDb().update(evaluations).set({ kind: "probation" }).where(eq(evaluations.id, id)).run();
    expect(offersProbationEvaluation(actorFor(SUP), nora)).toBe(false);
    getDb().delete(evaluations).where(eq(evaluations.id, id)).run();
  });
});

describe("closing an onboarding plan", () => {
  it("tells the closer, and only the closer, that they closed it (the page then offers the probation evaluation)", () => {
    const nora = idOf("newhire@example.com");
    const plan = getDb().select({ id: onboardings.id, revision: onboardings.revision }).from(onboardings).where(eq(onboardings.personId, nora)).get()!;
    expect(getPlan(actorFor(SUP), plan.id).closedByMe).toBe(false);
    closePlan(actorFor(SUP), plan.id, plan.revision, "Settled in early");
    expect(getPlan(actorFor(SUP), plan.id).closedByMe).toBe(true);
    expect(getPlan(actorFor("hr@example.com"), plan.id).closedByMe).toBe(false);
    expect(offersProbationEvaluation(actorFor(SUP), nora)).toBe(true);
  });
});
