import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { evaluations } from "@/db/schema";
import { evaluationsDue, evaluationsDueCount, myNextEvaluation } from "@/lib/evaluations/due";
import { myEvaluationGuide, myReleasedEvaluations } from "@/lib/evaluations/guide";
import { ratingScale, ratingScaleForEdit, updateRatingScale, type LevelInput } from "@/lib/evaluations/scale";
import { updateEvaluationSchedule } from "@/lib/org/organisation";
import { organisationSettings } from "@/lib/org/settings";
import { insertEvaluation } from "@/lib/test/evaluations";
import { useSeededTestDb } from "@/lib/test/db";
import { actorOf, EMP, forbidden, HR, idOf, MGR, NORA, refusals, STRANGER, SUP, type RefusalCase, SEED_TIMEOUT } from "@/lib/test/refusals";

/** The rating scale, the evaluation schedule, "Evaluations due" and "How I will be evaluated" (the harness is lib/test/refusals.ts). */

beforeAll(async () => {
  await useSeededTestDb();
  getDb().delete(evaluations).run();
  insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "released" });
}, SEED_TIMEOUT);

const ORG = () => ({ type: "organisation", id: 1 });
const NOT_HR = [MGR, SUP, EMP, NORA, STRANGER];
const scaleRev = () => ratingScaleForEdit(actorOf(HR)).revision;
const asInput = (): LevelInput[] => ratingScale().map((l) => ({ id: l.id, labels: l.labels, meanings: l.meanings }));
const rev = () => organisationSettings().revision;
const DAAN = () => ({ type: "person", id: idOf("daan.visser@example.com") });

const cases: RefusalCase[] = [
  ...forbidden("ratingScaleForEdit", NOT_HR, (a) => ratingScaleForEdit(a), "organisation.manage", ORG),
  ...forbidden("updateRatingScale", NOT_HR, (a) => updateRatingScale(a, scaleRev(), asInput().slice(0, 2)), "organisation.manage", ORG),
  ...forbidden("updateEvaluationSchedule", NOT_HR, (a) => updateEvaluationSchedule(a, rev(), { probationDays: 60, evaluationIntervalMonths: 6 }), "organisation.manage", ORG),
  ...forbidden("evaluationsDue", [EMP, NORA, STRANGER], (a) => evaluationsDue(a), "evaluations.write", () => ({ type: "evaluation" })),
  ...forbidden("myEvaluationGuide", [STRANGER], (a) => myEvaluationGuide(a), "self.read", DAAN),
  ...forbidden("myReleasedEvaluations", [STRANGER], (a) => myReleasedEvaluations(a), "self.read", DAAN),
  ...forbidden("myNextEvaluation", [STRANGER], (a) => myNextEvaluation(a), "self.read", DAAN),
  {
    name: "evaluationsDueCount: an employee has none to do (no refusal, no count)",
    as: EMP,
    call: (a) => evaluationsDueCount(a, "2099-01-01"),
    expect: (n: number) => expect(n).toBe(0),
  },
  {
    name: "evaluationsDue: a supervisor sees only their own people, never themself",
    as: SUP,
    call: (a) => evaluationsDue(a, 1, "2099-01-01").rows.map((r) => r.personId),
    expect: (ids: number[]) => {
      expect(ids).toContain(idOf(EMP));
      expect(ids).not.toContain(idOf(SUP));
      expect(ids).not.toContain(idOf("daan.visser@example.com"));
    },
  },
  {
    name: "myReleasedEvaluations: the supervisor who wrote one does not get it among their own",
    as: SUP,
    call: (a) => myReleasedEvaluations(a).total,
    expect: (n: number) => expect(n).toBe(0),
  },
  {
    name: "updateRatingScale: HR's removal of a level in use is refused next to it",
    as: HR,
    call: (a) => updateRatingScale(a, scaleRev(), asInput().map((l, i) => (i === 1 ? { ...l, remove: true } : l))),
    expect: "field",
    fieldErrors: { "levels.1": "levelInUse" },
  },
  {
    name: "updateRatingScale: HR cannot leave fewer than two levels",
    as: HR,
    call: (a) => updateRatingScale(a, scaleRev(), asInput().map((l, i) => (i === 1 ? l : { ...l, remove: true }))),
    expect: "field",
    fieldErrors: { levels: "scaleTooFew" },
  },
  {
    name: "updateEvaluationSchedule: HR's out-of-range numbers are refused next to their fields",
    as: HR,
    call: (a) => updateEvaluationSchedule(a, rev(), { probationDays: 0, evaluationIntervalMonths: 37 }),
    expect: "field",
    fieldErrors: { probationDays: "probationDaysRange", evaluationIntervalMonths: "intervalMonthsRange" },
  },
  // Allowed writes last.
  {
    name: "positive: HR renames a level",
    as: HR,
    call: (a) => updateRatingScale(a, scaleRev(), asInput().map((l, i) => (i === 0 ? { ...l, labels: { lv: "Jāuzlabo" } } : l))),
    expect: () => expect(ratingScale()[0].labels).toEqual({ lv: "Jāuzlabo" }),
    changes: ["organisation", "rating_levels"],
  },
  {
    name: "positive: HR sets the evaluation schedule",
    as: HR,
    call: (a) => updateEvaluationSchedule(a, rev(), { probationDays: 60, evaluationIntervalMonths: 6 }),
    expect: () => expect(organisationSettings()).toMatchObject({ probationDays: 60, evaluationIntervalMonths: 6 }),
    changes: ["organisation"],
  },
];

describe("refusals: rating scale, evaluation schedule, evaluations due, how I will be evaluated", () => {
  refusals(cases);
});
