import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { evaluations, people } from "@/db/schema";
import { myEvaluationGuide, myReleasedEvaluations } from "@/lib/evaluations/guide";
import { insertEvaluation } from "@/lib/test/evaluations";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
  getDb().delete(evaluations).run();
}, 120_000);

const EMP = "employee@example.com";
const SUP = "supervisor@example.com";

describe("myEvaluationGuide", () => {
  it("shows the criteria of the person's current role version with what good looks like, and the scale", () => {
    const guide = myEvaluationGuide(actorFor(EMP));
    expect(guide.role).not.toBeNull();
    const criteria = guide.role!.criteria.responsibilities.flatMap((r) => r.criteria);
    expect(criteria.length).toBeGreaterThan(0);
    expect(criteria.every((c) => c.key && c.criterion)).toBe(true);
    expect(guide.scale.map((l) => l.code)).toEqual(["needs_improvement", "meets", "exceeds", "outstanding"]);
  });

  it("has no role for a person without one, and still the scale", () => {
    const id = getDb().select({ id: people.id }).from(people).where(eq(people.email, EMP)).get()!.id;
    const roleId = getDb().select({ r: people.jobRoleId }).from(people).where(eq(people.id, id)).get()!.r;
    getDb().update(people).set({ jobRoleId: null }).where(eq(people.id, id)).run();
    const guide = myEvaluationGuide(actorFor(EMP));
    expect(guide.role).toBeNull();
    expect(guide.scale.length).toBe(4);
    getDb().update(people).set({ jobRoleId: roleId }).where(eq(people.id, id)).run();
  });
});

describe("myReleasedEvaluations", () => {
  it("lists only the person's own released evaluations, latest period first, never drafts or others'", () => {
    const older = insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "closed", periodStart: "2024-01-01", periodEnd: "2024-12-31" });
    const newer = insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "questioned", periodStart: "2025-01-01", periodEnd: "2025-12-31" });
    insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "draft" });
    insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "self_assessment" });
    insertEvaluation({ personEmail: "mehmet.kaya@example.com", authorEmail: SUP, status: "released" });
    const mine = myReleasedEvaluations(actorFor(EMP));
    expect(mine.rows.map((r) => r.id)).toEqual([newer, older]);
    expect(mine.rows[0].authorName).toBeTruthy();
    // The supervisor has no evaluation of their own.
    expect(myReleasedEvaluations(actorFor(SUP)).total).toBe(0);
  });
});
