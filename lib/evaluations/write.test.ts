import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, evaluations, notifications, ratingLevels, roleVersions } from "@/db/schema";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { criterionKeys, type FrozenCriteria } from "@/lib/evaluations/criteria";
import { getEvaluation, listEvaluations, type FullView } from "@/lib/evaluations/read";
import { releaseEvaluation, requestSelfAssessment, saveDraft, startEvaluation, submitSelfAssessment, type DraftInput } from "@/lib/evaluations/write";
import { roleBySlug, currentDoc } from "@/lib/roles/documents";
import { publishDoc } from "@/lib/roles/publish";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { insertEvaluation } from "@/lib/test/evaluations";

const HR = "hr@example.com";
const MGR = "manager@example.com";
const SUP = "supervisor@example.com";
const EMP = "employee@example.com";
const NORA = "newhire@example.com";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}
const fieldErrors = (fn: () => unknown) => {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(FieldError);
  return (e as FieldError).fieldErrors;
};
const level = (code: string) => getDb().select({ id: ratingLevels.id }).from(ratingLevels).where(eq(ratingLevels.code, code)).get()!.id;
const row = (id: number) => getDb().select().from(evaluations).where(eq(evaluations.id, id)).get()!;
const start = (as = SUP, personEmail = EMP, extra: Partial<{ periodStart: string; periodEnd: string }> = {}) =>
  startEvaluation(actorFor(as), { personId: actorFor(personEmail).id, kind: "periodic", periodStart: "2025-12-01", periodEnd: "2026-11-30", ...extra }).id;
const keysOf = (c: FrozenCriteria) => [...criterionKeys(c).keys()];
function fullDraft(id: number): DraftInput {
  const v = getEvaluation(actorFor(SUP), id) as FullView;
  return {
    ratings: Object.fromEntries(keysOf(v.criteria).map((k) => [k, { levelId: level("meets"), comment: "Solid." }])),
    summary: "A **good** year.",
    strengths: ["Calm with customers"],
    improvements: ["Write job cards sooner"],
    privateNote: "Ready for more responsibility.",
  };
}

describe("starting an evaluation", () => {
  it("freezes the criteria of the person's role version and audits the start", () => {
    const id = start();
    const ev = getEvaluation(actorFor(SUP), id) as FullView;
    expect(ev.mode).toBe("full");
    expect(ev.status).toBe("draft");
    expect(ev.criteria.roleTitle).toBe("Service Advisor");
    expect(keysOf(ev.criteria).length).toBeGreaterThan(3);
    expect(ev.criteria.responsibilities.every((r) => r.criteria.length > 0)).toBe(true);
    expect(getDb().select().from(auditLog).where(and(eq(auditLog.action, "evaluation.start"), eq(auditLog.entityId, String(id)))).all()).toHaveLength(1);
  });

  it("refuses yourself with a field error, and someone out of scope as not found", () => {
    expect(fieldErrors(() => start(SUP, SUP))).toEqual({ personId: "evaluationWrite.self" });
    expect(thrown(() => start(SUP, "mark.dawson@example.com"))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => start(EMP, NORA))).toBeInstanceOf(ForbiddenError);
  });

  it("refuses a period that ends before it starts", () => {
    expect(fieldErrors(() => start(SUP, EMP, { periodStart: "2026-05-01", periodEnd: "2026-04-30" }))).toEqual({ periodEnd: "evaluationWrite.periodEndBeforeStart" });
  });

  it("uses the version in force on the period's last day", () => {
    const sa = roleBySlug("service-advisor")!;
    const versions = getDb().select({ number: roleVersions.number, publishedAt: roleVersions.publishedAt }).from(roleVersions).where(eq(roleVersions.jobRoleId, sa.id)).all();
    const first = versions.find((v) => v.number === 1)!;
    const day = first.publishedAt.slice(0, 10);
    const later = versions.filter((v) => v.publishedAt.slice(0, 10) <= day).reduce((a, b) => (a.number > b.number ? a : b));
    const id = start(SUP, EMP, { periodStart: "2020-01-01", periodEnd: day });
    expect(row(id).roleVersionId).not.toBeNull();
    expect((getEvaluation(actorFor(SUP), id) as FullView).criteria.versionNumber).toBe(later.number);
    // A period ending before the role was ever published: the current version.
    const early = start(SUP, EMP, { periodStart: "1999-01-01", periodEnd: "1999-12-31" });
    expect((getEvaluation(actorFor(SUP), early) as FullView).criteria.versionNumber).toBe(sa.currentVersion);
  });
});

describe("the draft", () => {
  it("saves ratings and texts, then a stale revision is a conflict and writes nothing", () => {
    const id = start();
    const draft = fullDraft(id);
    expect(saveDraft(actorFor(SUP), id, 1, draft)).toEqual({ revision: 2 });
    const ev = getEvaluation(actorFor(SUP), id) as FullView;
    expect(Object.keys(ev.ratings)).toHaveLength(keysOf(ev.criteria).length);
    expect(ev.strengths).toEqual(["Calm with customers"]);
    expect(ev.privateNote).toBe("Ready for more responsibility.");
    expect(thrown(() => saveDraft(actorFor(SUP), id, 1, { ...draft, summary: "Mine" }))).toBeInstanceOf(ConflictError);
    expect(row(id).summary).toBe("A **good** year.");
  });

  it("refuses a level not on the scale next to its criterion, unknown criteria, and texts over 20,000 characters", () => {
    const id = start();
    const draft = fullDraft(id);
    const [k1, k2] = Object.keys(draft.ratings!);
    expect(fieldErrors(() => saveDraft(actorFor(SUP), id, 1, { ...draft, ratings: { [k1]: { levelId: 99999, comment: "" } } }))).toEqual({
      [`rating.${k1}`]: "evaluationWrite.notOnScale",
    });
    expect(fieldErrors(() => saveDraft(actorFor(SUP), id, 1, { ...draft, ratings: { "no-such-key": { levelId: null, comment: "" } } }))).toEqual({
      _form: "evaluationWrite.unknownCriterion",
    });
    const long = "x".repeat(20_001);
    expect(
      fieldErrors(() =>
        saveDraft(actorFor(SUP), id, 1, { ...draft, summary: long, privateNote: long, ratings: { [k2]: { levelId: null, comment: long } }, strengths: ["ok", "y".repeat(1001)] }),
      ),
    ).toEqual({ summary: "textTooLong", privateNote: "textTooLong", [`comment.${k2}`]: "textTooLong", "strengths.1": "evaluationWrite.pointTooLong" });
    expect(row(id).revision).toBe(1);
  });

  it("may be changed only by its author: the author's manager sees it but may not save", () => {
    const id = start();
    expect(getEvaluation(actorFor(MGR), id).mode).toBe("full");
    expect(fieldErrors(() => saveDraft(actorFor(MGR), id, 1, fullDraft(id)))).toEqual({ _form: "evaluationWrite.notAuthor" });
  });
});

describe("self-assessment", () => {
  it("asks the employee, who sees only their form, submits, and the author sees it beside the draft", () => {
    const id = start();
    saveDraft(actorFor(SUP), id, 1, fullDraft(id));
    expect(thrown(() => getEvaluation(actorFor(EMP), id))).toBeInstanceOf(NotFoundError);
    requestSelfAssessment(actorFor(SUP), id);
    expect(row(id).status).toBe("self_assessment");
    expect(getDb().select().from(notifications).where(and(eq(notifications.personId, actorFor(EMP).id), eq(notifications.kind, "evaluation.selfRequested"))).all().length).toBeGreaterThan(0);
    expect(fieldErrors(() => requestSelfAssessment(actorFor(SUP), id))).toEqual({ _form: "evaluationWrite.selfAlreadyAsked" });

    const mine = getEvaluation(actorFor(EMP), id);
    expect(mine.mode).toBe("self");
    expect("ratings" in mine || "summary" in mine || "privateNote" in mine || "strengths" in mine).toBe(false);
    expect(JSON.stringify(mine)).not.toContain("Ready for more responsibility");

    const keys = keysOf(mine.criteria);
    // Every criterion must be rated.
    expect(Object.keys(fieldErrors(() => submitSelfAssessment(actorFor(EMP), id, { ratings: { [keys[0]]: { levelId: level("exceeds"), comment: "" } } })))).toHaveLength(keys.length - 1);
    // The author may not submit it.
    expect(fieldErrors(() => submitSelfAssessment(actorFor(SUP), id, { ratings: {} }))).toEqual({ _form: "evaluationWrite.notAsked" });

    submitSelfAssessment(actorFor(EMP), id, { ratings: Object.fromEntries(keys.map((k) => [k, { levelId: level("exceeds"), comment: "I did well." }])), summary: "Proud of this year." });
    expect(row(id).status).toBe("draft");
    expect(row(id).selfSubmittedAt).not.toBeNull();
    const ev = getEvaluation(actorFor(SUP), id) as FullView;
    expect(ev.self.summary).toBe("Proud of this year.");
    expect(ev.self.ratings[keys[0]].levelId).toBe(level("exceeds"));
    expect(ev.ratings[keys[0]].levelId).toBe(level("meets"));
    // Back in draft, the employee no longer sees it; asking again is refused.
    expect(thrown(() => getEvaluation(actorFor(EMP), id))).toBeInstanceOf(NotFoundError);
    expect(fieldErrors(() => requestSelfAssessment(actorFor(SUP), id))).toEqual({ _form: "evaluationWrite.selfAlreadySubmitted" });
    expect(listEvaluations(actorFor(SUP), "waiting").rows.map((r) => r.id)).toContain(id);
  });
});

describe("release", () => {
  it("needs a strength, an improvement and every criterion rated", () => {
    const id = start();
    const draft = fullDraft(id);
    const [k1] = Object.keys(draft.ratings!);
    const { [k1]: _dropped, ...rest } = draft.ratings!;
    void _dropped;
    saveDraft(actorFor(SUP), id, 1, { ...draft, ratings: rest, strengths: [" "], improvements: [] });
    expect(fieldErrors(() => releaseEvaluation(actorFor(SUP), id, 2))).toEqual({
      [`rating.${k1}`]: "evaluationWrite.ratingRequired",
      strengths: "evaluationWrite.strengthRequired",
      improvements: "evaluationWrite.improvementRequired",
    });
    expect(row(id).status).toBe("draft");
  });

  it("releases the revision the author saw, notifies the employee, and freezes it", () => {
    const id = start();
    saveDraft(actorFor(SUP), id, 1, fullDraft(id));
    expect(thrown(() => releaseEvaluation(actorFor(SUP), id, 1))).toBeInstanceOf(ConflictError);
    releaseEvaluation(actorFor(SUP), id, 2);
    const r = row(id);
    expect(r.status).toBe("released");
    expect(r.releasedAt).not.toBeNull();
    expect(getDb().select().from(notifications).where(and(eq(notifications.personId, actorFor(EMP).id), eq(notifications.kind, "evaluation.released"))).all().length).toBeGreaterThan(0);
    expect(getDb().select().from(auditLog).where(and(eq(auditLog.action, "evaluation.release"), eq(auditLog.entityId, String(id)))).all()).toHaveLength(1);
    // Frozen: every write refuses it with a clear error.
    expect(fieldErrors(() => saveDraft(actorFor(SUP), id, 3, fullDraft(id)))).toEqual({ _form: "evaluationWrite.released" });
    expect(fieldErrors(() => releaseEvaluation(actorFor(SUP), id, 3))).toEqual({ _form: "evaluationWrite.released" });
    expect(fieldErrors(() => requestSelfAssessment(actorFor(SUP), id))).toEqual({ _form: "evaluationWrite.released" });
    expect(fieldErrors(() => submitSelfAssessment(actorFor(EMP), id, { ratings: {} }))).toEqual({ _form: "evaluationWrite.released" });
    // The employee now sees it, without the private note.
    const mine = getEvaluation(actorFor(EMP), id) as FullView;
    expect(mine.mode).toBe("full");
    expect(mine.privateNote).toBeNull();
    expect(mine.strengths).toEqual(["Calm with customers"]);
  });

  it("keeps the frozen criteria when the role changes after release", () => {
    const id = start();
    saveDraft(actorFor(SUP), id, 1, fullDraft(id));
    releaseEvaluation(actorFor(SUP), id, 2);
    const before = (getEvaluation(actorFor(EMP), id) as FullView).criteria;
    const sa = roleBySlug("service-advisor")!;
    const doc = currentDoc(sa);
    doc.responsibilities[0].evaluation = [{ key: "brand-new-criterion", criterion: "Something new", good: "New good" }];
    doc.responsibilities[0].title = "Renamed responsibility";
    getDb().transaction((tx) => publishDoc(tx, actorFor(HR).id, sa, doc, { summary: "Changed", kind: "material" }));
    const after = getEvaluation(actorFor(EMP), id) as FullView;
    expect(after.criteria).toEqual(before);
    expect(JSON.stringify(after.criteria)).not.toContain("brand-new-criterion");
  });
});

describe("who sees what", () => {
  let draftId: number;
  let releasedId: number;
  beforeAll(() => {
    draftId = insertEvaluation({ personEmail: NORA, authorEmail: SUP, status: "draft" });
    releasedId = insertEvaluation({ personEmail: NORA, authorEmail: SUP, status: "released" });
  });
  const sees = (email: string, id: number) => {
    try {
      return getEvaluation(actorFor(email), id).mode;
    } catch (e) {
      if (e instanceof NotFoundError) return "notFound";
      throw e;
    }
  };

  it("a draft: author, the people above them and HR; never the employee, the buddy or a peer", () => {
    expect(sees(SUP, draftId)).toBe("full");
    expect(sees(MGR, draftId)).toBe("full");
    expect(sees(HR, draftId)).toBe("full");
    expect(sees(NORA, draftId)).toBe("notFound");
    expect(sees(EMP, draftId)).toBe("notFound"); // Nora's buddy
    expect(sees("mehmet.kaya@example.com", draftId)).toBe("notFound");
  });

  it("released: also the employee (without the private note); still never the buddy or a peer", () => {
    expect(sees(NORA, releasedId)).toBe("full");
    expect((getEvaluation(actorFor(NORA), releasedId) as FullView).privateNote).toBeNull();
    expect((getEvaluation(actorFor(MGR), releasedId) as FullView).privateNote).toContain("promotion");
    expect((getEvaluation(actorFor(HR), releasedId) as FullView).privateNote).toContain("promotion");
    expect(sees(EMP, releasedId)).toBe("notFound");
    expect(sees("thomas.bakker@example.com", releasedId)).toBe("notFound");
  });

  it("lists narrow to what each person sees", () => {
    const ids = (email: string, f: Parameters<typeof listEvaluations>[1]) => listEvaluations(actorFor(email), f).rows.map((r) => r.id);
    expect(ids(NORA, "mine")).toContain(releasedId);
    expect(ids(NORA, "all")).not.toContain(draftId);
    expect(ids(EMP, "all")).not.toContain(releasedId);
    expect(ids(SUP, "drafts")).toContain(draftId);
    expect(ids(SUP, "drafts")).not.toContain(releasedId);
    expect(ids(SUP, "written")).toEqual(expect.arrayContaining([draftId, releasedId]));
  });
});

describe("waiting for me", () => {
  it("lists what waits on the reader: the employee's answer to a released one, the author's reply, the reviewer's review; never what waits on others", () => {
    const released = insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "released" });
    const questioned = insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "questioned" });
    const escalated = insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "escalated", escalatedToEmail: MGR });
    const closed = insertEvaluation({ personEmail: EMP, authorEmail: SUP, status: "closed" });
    const waiting = (who: string) => listEvaluations(actorFor(who), "waiting").rows.map((r) => r.id);
    expect(waiting(EMP)).toContain(released);
    expect(waiting(EMP)).not.toContain(questioned);
    expect(waiting(EMP)).not.toContain(closed);
    expect(waiting(SUP)).toContain(questioned);
    expect(waiting(SUP)).not.toContain(released);
    expect(waiting(MGR)).toContain(escalated);
    expect(waiting(MGR)).not.toContain(questioned);
    getDb().delete(evaluations).where(inArray(evaluations.id, [released, questioned, escalated, closed])).run();
  });
});
