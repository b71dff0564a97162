import { eq } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { evaluations, ratingLevels } from "@/db/schema";
import { criterionKeys, parseCriteria } from "@/lib/evaluations/criteria";
import { evaluablePeople, evaluablePerson, getEvaluation, listEvaluations, type FullView, type EvaluationListRow } from "@/lib/evaluations/read";
import { releaseEvaluation, requestSelfAssessment, saveDraft, startEvaluation, submitSelfAssessment } from "@/lib/evaluations/write";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { insertEvaluation } from "@/lib/test/evaluations";
import { EMP, forbidden, HR, idOf, MGR, NORA, notFound, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** Refusals in evaluations: starting, the draft, the self-assessment, release, reading (harness: lib/test/refusals.ts). */

const fx = { draft: 0, released: 0, selfAsked: 0, bare: 0 };
beforeAll(async () => {
  await useSeededTestDb();
  fx.draft = insertEvaluation({ personEmail: NORA, authorEmail: SUP, status: "draft" });
  fx.released = insertEvaluation({ personEmail: NORA, authorEmail: SUP, status: "released" });
  fx.selfAsked = insertEvaluation({ personEmail: "mehmet.kaya@example.com", authorEmail: SUP, status: "self_assessment" });
  fx.bare = startEvaluation(actorFor(SUP), { personId: idOf(EMP), kind: "periodic", periodStart: "2025-12-01", periodEnd: "2026-11-30" }).id;
}, SEED_TIMEOUT);

const MARK = "mark.dawson@example.com";
const MEHMET = "mehmet.kaya@example.com";
const ev = (id: () => number) => () => ({ type: "evaluation", id: id() });
const keysOf = (id: number) => [...criterionKeys(parseCriteria(getDb().select({ c: evaluations.criteria }).from(evaluations).where(eq(evaluations.id, id)).get()!.c)).keys()];
const meets = () => getDb().select({ id: ratingLevels.id }).from(ratingLevels).where(eq(ratingLevels.code, "meets")).get()!.id;
const period = { kind: "periodic" as const, periodStart: "2025-12-01", periodEnd: "2026-11-30" };
const draftInput = { summary: "Changed", strengths: ["Calm"], improvements: ["Faster"], privateNote: "" };
const ids = (rows: EvaluationListRow[]) => rows.map((r) => r.id);

const cases: RefusalCase[] = [
  // ---------- starting ----------
  ...forbidden("startEvaluation", [EMP, NORA, STRANGER], (a) => startEvaluation(a, { personId: idOf(MEHMET), ...period }), "evaluations.write", () => ({ type: "evaluation" })),
  notFound("startEvaluation: the supervisor may not evaluate the manager's parts clerk", SUP, (a) => startEvaluation(a, { personId: idOf(MARK), ...period }), () => ({ type: "person", id: idOf(MARK) }), "mayEvaluate"),
  notFound("startEvaluation: the manager may not evaluate HR's report (not in his teams)", MGR, (a) => startEvaluation(a, { personId: idOf("daan.visser@example.com"), ...period }), () => ({ type: "person", id: idOf("daan.visser@example.com") }), "mayEvaluate"),
  notFound("startEvaluation: a person who does not exist", HR, (a) => startEvaluation(a, { personId: 999_999, ...period }), null),
  { name: "startEvaluation: nobody evaluates themself (HR neither)", as: HR, call: (a) => startEvaluation(a, { personId: a.id, ...period }), expect: "field", fieldErrors: { personId: "evaluationWrite.self" } },
  {
    name: "startEvaluation: a period that ends before it starts",
    as: SUP,
    call: (a) => startEvaluation(a, { personId: idOf(MEHMET), kind: "periodic", periodStart: "2026-05-02", periodEnd: "2026-05-01" }),
    expect: "field",
    fieldErrors: { periodEnd: "evaluationWrite.periodEndBeforeStart" },
  },
  ...forbidden("evaluablePeople", [EMP, STRANGER], (a) => evaluablePeople(a, "a"), "evaluations.write", () => ({ type: "evaluation" })),
  ...forbidden("evaluablePerson", [NORA], (a) => evaluablePerson(a, idOf(EMP)), "evaluations.write", () => ({ type: "evaluation" })),
  { name: "evaluablePeople: the supervisor finds only his people", as: SUP, call: (a) => evaluablePeople(a, "a").map((p) => p.id), expect: (r: number[]) => expect(r).not.toContain(idOf(MARK)) },
  { name: "evaluablePerson: the supervisor cannot prefill the manager's parts clerk", as: SUP, call: (a) => evaluablePerson(a, idOf(MARK)), expect: (r: unknown) => expect(r).toBeNull() },

  // ---------- reading ----------
  notFound("getEvaluation: Nora does not see her draft", NORA, (a) => getEvaluation(a, fx.draft), ev(() => fx.draft), "evaluationsCondition"),
  notFound("getEvaluation: Elif (Nora's buddy) does not see Nora's draft", EMP, (a) => getEvaluation(a, fx.draft), ev(() => fx.draft), "evaluationsCondition"),
  notFound("getEvaluation: Elif (Nora's buddy) does not see Nora's released evaluation", EMP, (a) => getEvaluation(a, fx.released), ev(() => fx.released), "evaluationsCondition"),
  notFound("getEvaluation: a peer technician does not see Nora's released evaluation", MEHMET, (a) => getEvaluation(a, fx.released), ev(() => fx.released), "evaluationsCondition"),
  notFound("getEvaluation: a stranger sees nothing", STRANGER, (a) => getEvaluation(a, fx.released), ev(() => fx.released), "evaluationsCondition"),
  notFound("getEvaluation: an id that does not exist", HR, (a) => getEvaluation(a, 999_999), null),
  {
    name: "getEvaluation: Nora sees her released evaluation, without the private note",
    as: NORA,
    call: (a) => getEvaluation(a, fx.released),
    expect: (r: FullView) => {
      expect(r.mode).toBe("full");
      expect(r.privateNote).toBeNull();
    },
  },
  {
    name: "getEvaluation: Mehmet, asked, sees only his self-assessment form",
    as: MEHMET,
    call: (a) => getEvaluation(a, fx.selfAsked),
    expect: (r: { mode: string }) => {
      expect(r.mode).toBe("self");
      expect(JSON.stringify(r)).not.toContain("discuss the promotion");
      expect(JSON.stringify(r)).not.toContain("Calm with customers");
    },
  },
  { name: "getEvaluation: the supervisor's manager sees the draft with its private note", as: MGR, call: (a) => getEvaluation(a, fx.draft), expect: (r: FullView) => expect(r.privateNote).toContain("promotion") },
  { name: "listEvaluations: Elif (buddy) lists none of Nora's", as: EMP, call: (a) => ids(listEvaluations(a, "all").rows), expect: (r: number[]) => expect(r).not.toEqual(expect.arrayContaining([fx.released])) },
  { name: "listEvaluations: Nora lists her released one, not her draft", as: NORA, call: (a) => ids(listEvaluations(a, "all").rows), expect: (r: number[]) => expect([r.includes(fx.released), r.includes(fx.draft)]).toEqual([true, false]) },

  // ---------- the draft ----------
  ...forbidden("saveDraft", [EMP, STRANGER], (a) => saveDraft(a, fx.draft, 1, draftInput), "evaluations.write", ev(() => fx.draft)),
  notFound("saveDraft: the supervisor may not save an evaluation he cannot see", SUP, (a) => saveDraft(a, 999_999, 1, draftInput), null),
  {
    name: "saveDraft: the author's manager sees the draft but may not change it",
    as: MGR,
    call: (a) => saveDraft(a, fx.draft, 1, draftInput),
    expect: "field",
    fieldErrors: { _form: "evaluationWrite.notAuthor" },
    denied: () => ({ type: "evaluation", id: fx.draft, detail: { rule: "mayEditDraft" } }),
  },
  {
    name: "saveDraft: HR sees the draft but may not change it",
    as: HR,
    call: (a) => saveDraft(a, fx.draft, 1, draftInput),
    expect: "field",
    fieldErrors: { _form: "evaluationWrite.notAuthor" },
    denied: () => ({ type: "evaluation", id: fx.draft, detail: { rule: "mayEditDraft" } }),
  },
  { name: "saveDraft: a released evaluation is frozen", as: SUP, call: (a) => saveDraft(a, fx.released, 1, draftInput), expect: "field", fieldErrors: { _form: "evaluationWrite.released" } },
  {
    name: "saveDraft: a rating that is not on the scale",
    as: SUP,
    call: (a) => saveDraft(a, fx.draft, 1, { ...draftInput, ratings: { [keysOf(fx.draft)[0]]: { levelId: 999_999, comment: "" } } }),
    expect: "field",
    get fieldErrors() {
      return { [`rating.${keysOf(fx.draft)[0]}`]: "evaluationWrite.notOnScale" };
    },
  },
  { name: "saveDraft: a note over 20,000 characters", as: SUP, call: (a) => saveDraft(a, fx.draft, 1, { ...draftInput, privateNote: "x".repeat(20_001) }), expect: "field", fieldErrors: { privateNote: "textTooLong" } },

  // ---------- self-assessment ----------
  ...forbidden("requestSelfAssessment", [NORA], (a) => requestSelfAssessment(a, fx.draft), "evaluations.write", ev(() => fx.draft)),
  {
    name: "requestSelfAssessment: only the author asks",
    as: MGR,
    call: (a) => requestSelfAssessment(a, fx.draft),
    expect: "field",
    fieldErrors: { _form: "evaluationWrite.notAuthor" },
    denied: () => ({ type: "evaluation", id: fx.draft, detail: { rule: "mayEditDraft" } }),
  },
  notFound("submitSelfAssessment: Nora cannot submit on a draft she was not asked about", NORA, (a) => submitSelfAssessment(a, fx.draft, { ratings: {} }), ev(() => fx.draft), "evaluationsCondition"),
  {
    name: "submitSelfAssessment: the author cannot submit the employee's self-assessment",
    as: SUP,
    call: (a) => submitSelfAssessment(a, fx.selfAsked, { ratings: {} }),
    expect: "field",
    fieldErrors: { _form: "evaluationWrite.notAsked" },
    denied: () => ({ type: "evaluation", id: fx.selfAsked, detail: { rule: "maySelfAssess" } }),
  },
  { name: "submitSelfAssessment: Nora cannot answer after release", as: NORA, call: (a) => submitSelfAssessment(a, fx.released, { ratings: {} }), expect: "field", fieldErrors: { _form: "evaluationWrite.released" } },

  // ---------- release ----------
  ...forbidden("releaseEvaluation", [EMP], (a) => releaseEvaluation(a, fx.draft, 1), "evaluations.write", ev(() => fx.draft)),
  {
    name: "releaseEvaluation: only the author releases",
    as: HR,
    call: (a) => releaseEvaluation(a, fx.draft, 1),
    expect: "field",
    fieldErrors: { _form: "evaluationWrite.notAuthor" },
    denied: () => ({ type: "evaluation", id: fx.draft, detail: { rule: "mayEditDraft" } }),
  },
  {
    name: "releaseEvaluation: not without ratings, a strength and an improvement",
    as: SUP,
    call: (a) => releaseEvaluation(a, fx.bare, 1),
    expect: "field",
    get fieldErrors() {
      return {
        ...Object.fromEntries(keysOf(fx.bare).map((k) => [`rating.${k}`, "evaluationWrite.ratingRequired"])),
        strengths: "evaluationWrite.strengthRequired",
        improvements: "evaluationWrite.improvementRequired",
      };
    },
  },
  { name: "releaseEvaluation: a released evaluation cannot be released again", as: SUP, call: (a) => releaseEvaluation(a, fx.released, 1), expect: "field", fieldErrors: { _form: "evaluationWrite.released" } },

  // Allowed writes last.
  {
    name: "positive: the supervisor saves his draft",
    as: SUP,
    call: (a) => saveDraft(a, fx.draft, 1, { ...draftInput, ratings: { [keysOf(fx.draft)[0]]: { levelId: meets(), comment: "Good" } } }),
    expect: (r: { revision: number }) => expect(r.revision).toBe(2),
    changes: ["evaluation_ratings", "evaluations", "sqlite_sequence"],
  },
];

describe("refusals: evaluations", () => {
  refusals(cases);
});
