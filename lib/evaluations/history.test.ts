import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { evaluationRatings, evaluations, people, ratingLevels } from "@/db/schema";
import { NotFoundError } from "@/lib/core/errors";
import { evaluationHistory, evaluationHistoryShown, ratingTrends } from "@/lib/evaluations/history";
import { insertEvaluation } from "@/lib/test/evaluations";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

const EMPLOYEE = "employee@example.com";
const SUPERVISOR = "supervisor@example.com";
let first = 0;
let second = 0;
let draft = 0;
let firstKey = "";

const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const levelId = (code: string) => getDb().select({ id: ratingLevels.id }).from(ratingLevels).where(eq(ratingLevels.code, code)).get()!.id;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

beforeAll(async () => {
  await useSeededTestDb();
  // Remove anything the demo seed may bring, so the counts below are this file's own.
  getDb().delete(evaluations).where(eq(evaluations.personId, personId(EMPLOYEE))).run();
  first = insertEvaluation({ personEmail: EMPLOYEE, authorEmail: SUPERVISOR, status: "closed", periodStart: "2024-12-01", periodEnd: "2025-11-30" });
  second = insertEvaluation({ personEmail: EMPLOYEE, authorEmail: SUPERVISOR, status: "released", periodStart: "2025-12-01", periodEnd: "2026-11-30" });
  draft = insertEvaluation({ personEmail: EMPLOYEE, authorEmail: SUPERVISOR, status: "draft", periodStart: "2026-12-01", periodEnd: "2027-11-30" });
  // The second evaluation rates the first responsibility's criteria higher: one "exceeds", one "outstanding" (or just "exceeds").
  const ratings = getDb()
    .select({ id: evaluationRatings.id, responsibilityKey: evaluationRatings.responsibilityKey })
    .from(evaluationRatings)
    .where(eq(evaluationRatings.evaluationId, second))
    .orderBy(evaluationRatings.id)
    .all();
  firstKey = ratings[0].responsibilityKey;
  const ofFirst = ratings.filter((r) => r.responsibilityKey === firstKey);
  ofFirst.forEach((r, i) =>
    getDb()
      .update(evaluationRatings)
      .set({ levelId: levelId(i === 0 ? "exceeds" : "outstanding") })
      .where(eq(evaluationRatings.id, r.id))
      .run(),
  );
  // A self-assessment rating never counts in the trend.
  getDb()
    .insert(evaluationRatings)
    .values({ evaluationId: first, source: "self", responsibilityKey: firstKey, criterionKey: "self-only", levelId: levelId("outstanding") })
    .run();
});

describe("evaluation history", () => {
  it("shows the employee their own released evaluations, newest first, never the draft", () => {
    const page = evaluationHistory(actorFor(EMPLOYEE), personId(EMPLOYEE));
    expect(page.rows.map((r) => r.id)).toEqual([second, first]);
    expect(page.total).toBe(2);
    expect(page.rows[0]).toMatchObject({ authorName: "Sven de Vries", status: "released", periodEnd: "2026-11-30" });
    expect(page.rows.map((r) => r.id)).not.toContain(draft);
  });

  it("shows the supervisor and the manager above them the same released ones", () => {
    for (const email of [SUPERVISOR, "manager@example.com", "hr@example.com"])
      expect(evaluationHistory(actorFor(email), personId(EMPLOYEE)).rows.map((r) => r.id)).toEqual([second, first]);
  });

  it("pages the list", () => {
    const page = evaluationHistory(actorFor(SUPERVISOR), personId(EMPLOYEE), { page: 5 });
    expect(page.page).toBe(1);
    expect(page.pageCount).toBe(1);
  });

  it("is not found for a peer and for the buddy", () => {
    // newhire@ is a peer of employee@; employee@ is newhire@'s buddy.
    expect(thrown(() => evaluationHistory(actorFor("newhire@example.com"), personId(EMPLOYEE)))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => ratingTrends(actorFor("newhire@example.com"), personId(EMPLOYEE)))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => evaluationHistory(actorFor(EMPLOYEE), personId("newhire@example.com")))).toBeInstanceOf(NotFoundError);
    expect(evaluationHistoryShown(actorFor("newhire@example.com"), personId(EMPLOYEE))).toEqual({ shown: false, mayStart: false });
  });

  it("shows the section to whoever may evaluate the person, with a start link, and to the person once released", () => {
    expect(evaluationHistoryShown(actorFor(SUPERVISOR), personId(EMPLOYEE))).toEqual({ shown: true, mayStart: true });
    expect(evaluationHistoryShown(actorFor(EMPLOYEE), personId(EMPLOYEE))).toEqual({ shown: true, mayStart: false });
    // newhire@ has no released evaluation: no section for themself.
    expect(evaluationHistoryShown(actorFor("newhire@example.com"), personId("newhire@example.com"))).toEqual({ shown: false, mayStart: false });
  });
});

describe("rating trends", () => {
  it("follows each responsibility across two evaluations with the author's average level", () => {
    const { scaleSize, trends } = ratingTrends(actorFor("manager@example.com"), personId(EMPLOYEE));
    expect(scaleSize).toBe(4);
    expect(trends.length).toBeGreaterThan(0);
    const moved = trends.find((t) => t.responsibilityKey === firstKey)!;
    expect(moved.title).toBeTruthy();
    expect(moved.points.map((p) => p.evaluationId)).toEqual([first, second]);
    // First: every criterion "meets" (2), the self rating left out. Second: exceeds (3) and outstanding (4), or exceeds alone.
    expect(moved.points[0].average).toBe(2);
    const n = moved.points[1].rated;
    expect(moved.points[1].average).toBe(n === 1 ? 3 : (3 + 4 * (n - 1)) / n);
    expect(moved.points[0].rated).toBe(n);
    for (const t of trends.filter((t) => t.responsibilityKey !== firstKey)) expect(t.points.map((p) => p.average)).toEqual([2, 2]);
  });

  it("leaves out drafts and unrated criteria", () => {
    getDb()
      .update(evaluationRatings)
      .set({ levelId: null })
      .where(and(eq(evaluationRatings.evaluationId, first), eq(evaluationRatings.responsibilityKey, firstKey)))
      .run();
    const moved = ratingTrends(actorFor(EMPLOYEE), personId(EMPLOYEE)).trends.find((t) => t.responsibilityKey === firstKey)!;
    expect(moved.points.map((p) => p.evaluationId)).toEqual([second]);
    expect(ratingTrends(actorFor(EMPLOYEE), personId(EMPLOYEE)).trends.flatMap((t) => t.points.map((p) => p.evaluationId))).not.toContain(draft);
  });
});
