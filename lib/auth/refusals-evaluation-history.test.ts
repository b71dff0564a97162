import { and, desc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { evaluations } from "@/db/schema";
import { RELEASED_STATUSES } from "@/lib/evaluations/vocabulary";
import { evaluationHistory, evaluationHistoryShown, ratingTrends, type RatingTrends } from "@/lib/evaluations/history";
import { evaluationForPrint, type EvaluationPrint } from "@/lib/evaluations/print";
import type { Page } from "@/lib/core/pagination";
import type { HistoryRow } from "@/lib/evaluations/history";
import { insertEvaluation } from "@/lib/test/evaluations";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, HR, idOf, MGR, NORA, notFound, refusals, SEED_TIMEOUT, SUP, type RefusalCase } from "@/lib/test/refusals";

/** Evaluation history, trends and the printable copy (the harness is lib/test/refusals.ts). */

let released = 0;
/** The demo's own released evaluations of employee@ (db/seed-evaluations.ts), newest first. */
let seeded: number[] = [];
let asked = 0;
let draft = 0;

beforeAll(async () => {
  await useSeededTestDb();
  seeded = getDb()
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(and(eq(evaluations.personId, idOf(EMP)), inArray(evaluations.status, [...RELEASED_STATUSES])))
    .orderBy(desc(evaluations.periodEnd))
    .all()
    .map((r) => r.id);
  released = insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "released", periodEnd: "2026-11-30" });
  asked = insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "self_assessment", periodEnd: "2027-11-30" });
  draft = insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "draft", periodEnd: "2028-11-30" });
}, SEED_TIMEOUT);

const person = (email: string) => () => ({ type: "person", id: idOf(email) });
const evaluation = (id: () => number) => () => ({ type: "evaluation", id: id() });
const ids = (page: Page<HistoryRow>) => page.rows.map((r) => r.id);

const cases: RefusalCase[] = [
  // History and trends: only for the person and those who may see them.
  notFound("evaluationHistory: a peer gets not found", NORA, (a) => evaluationHistory(a, idOf(EMP)), person(EMP), "peopleScope"),
  notFound("evaluationHistory: the buddy gets not found", EMP, (a) => evaluationHistory(a, idOf(NORA)), person(NORA), "peopleScope"),
  notFound("ratingTrends: a peer gets not found", NORA, (a) => ratingTrends(a, idOf(EMP)), person(EMP), "peopleScope"),
  {
    name: "evaluationHistory: the employee sees their released evaluations, never a draft",
    as: EMP,
    call: (a) => evaluationHistory(a, a.id),
    expect: (page: Page<HistoryRow>) => expect(ids(page)).toEqual([released, ...seeded]),
  },
  ...[SUP, MGR, HR].map<RefusalCase>((as) => ({
    name: `evaluationHistory: ${as} sees the released ones only`,
    as,
    call: (a) => evaluationHistory(a, idOf(EMP)),
    expect: (page: Page<HistoryRow>) => expect(ids(page)).toEqual([released, ...seeded]),
  })),
  {
    name: "ratingTrends: the employee's trends come from released evaluations only",
    as: EMP,
    call: (a) => ratingTrends(a, a.id),
    expect: (r: RatingTrends) => expect(new Set(r.trends.flatMap((t) => t.points.map((p) => p.evaluationId)))).toEqual(new Set([released, ...seeded])),
  },
  {
    name: "evaluationHistoryShown: no section for a peer",
    as: NORA,
    call: (a) => evaluationHistoryShown(a, idOf(EMP)),
    expect: (r: { shown: boolean; mayStart: boolean }) => expect(r).toEqual({ shown: false, mayStart: false }),
  },
  {
    name: "evaluationHistoryShown: the supervisor may start one",
    as: SUP,
    call: (a) => evaluationHistoryShown(a, idOf(EMP)),
    expect: (r: { shown: boolean; mayStart: boolean }) => expect(r).toEqual({ shown: true, mayStart: true }),
  },

  // The printable copy.
  notFound("evaluationForPrint: a peer gets not found", NORA, (a) => evaluationForPrint(a, released), evaluation(() => released), "evaluationsCondition"),
  notFound("evaluationForPrint: the employee gets not found for a draft", EMP, (a) => evaluationForPrint(a, draft), evaluation(() => draft), "evaluationsCondition"),
  notFound(
    "evaluationForPrint: the employee asked for a self-assessment still cannot read the draft",
    EMP,
    (a) => evaluationForPrint(a, asked),
    evaluation(() => asked),
    "evaluationAccess.selfAssessOnly",
  ),
  notFound("evaluationForPrint: an id that does not exist", SUP, (a) => evaluationForPrint(a, 999_999), null),
  {
    name: "evaluationForPrint: the employee's copy has no private note",
    as: EMP,
    call: (a) => evaluationForPrint(a, released),
    expect: (ev: EvaluationPrint) => expect(ev.privateNote).toBeNull(),
  },
  ...[SUP, MGR, HR].map<RefusalCase>((as) => ({
    name: `evaluationForPrint: ${as} reads the draft with its private note`,
    as,
    call: (a) => evaluationForPrint(a, draft),
    expect: (ev: EvaluationPrint) => expect(ev.privateNote).toBe("Private: discuss the promotion next spring."),
  })),
];

describe("evaluation history and print refusals", () => {
  refusals(cases);
});
