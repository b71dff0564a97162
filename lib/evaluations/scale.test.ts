import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, evaluations, organisation, ratingLevels } from "@/db/schema";
import { ConflictError, FieldError } from "@/lib/core/errors";
import { levelText, ratingScale, ratingScaleForEdit, updateRatingScale, type LevelInput } from "@/lib/evaluations/scale";
import { insertEvaluation } from "@/lib/test/evaluations";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
  getDb().delete(evaluations).run();
}, 120_000);

const HR = () => actorFor("hr@example.com");
const asInput = (): LevelInput[] => ratingScale().map((l) => ({ id: l.id, labels: l.labels, meanings: l.meanings }));
const rev = () => getDb().select({ r: organisation.scaleRevision }).from(organisation).where(eq(organisation.id, 1)).get()!.r;
const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
};
const t = (key: string) => `msg:${key}`;

describe("updateRatingScale", () => {
  it("starts with the four default levels, lowest first", () => {
    expect(ratingScale().map((l) => [l.position, l.code])).toEqual([
      [1, "needs_improvement"],
      [2, "meets"],
      [3, "exceeds"],
      [4, "outstanding"],
    ]);
  });

  it("saves HR's own wording per language; an empty field falls back to the default level's message", () => {
    const levels = asInput();
    levels[1] = { ...levels[1], labels: { nl: "  Voldoet  ", en: "" }, meanings: { nl: "Doet wat goed is." } };
    const r = rev();
    expect(updateRatingScale(HR(), r, levels)).toEqual({ revision: r + 1 });
    const meets = ratingScale()[1];
    expect(meets.labels).toEqual({ nl: "Voldoet" });
    expect(levelText(meets, "nl", t)).toEqual({ name: "Voldoet", meaning: "Doet wat goed is." });
    expect(levelText(meets, "en", t)).toEqual({ name: "msg:level.meets.name", meaning: "msg:level.meets.meaning" });
  });

  it("adds a level, reorders, and renumbers the positions 1…n; audited", () => {
    const [a, b, c, d] = asInput();
    const added: LevelInput = { id: null, labels: { en: "Developing" }, meanings: { en: "Getting there with help." } };
    updateRatingScale(HR(), rev(), [a, added, b, d, c]);
    const after = ratingScale();
    expect(after.map((l) => l.position)).toEqual([1, 2, 3, 4, 5]);
    expect(after.map((l) => l.code)).toEqual(["needs_improvement", null, "meets", "outstanding", "exceeds"]);
    expect(after[1].labels).toEqual({ en: "Developing" });
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, "organisation.update")).all().at(-1)!;
    expect(JSON.parse(entry.detail).changes.ratingScale.to).toBe("needs_improvement, Developing, meets, outstanding, exceeds");
  });

  it("removes a level no rating uses", () => {
    const levels = asInput();
    const developing = levels.find((l) => l.labels.en === "Developing")!;
    updateRatingScale(HR(), rev(), levels.map((l) => (l === developing ? { ...l, remove: true } : l)));
    expect(ratingScale().map((l) => l.code)).toEqual(["needs_improvement", "meets", "outstanding", "exceeds"]);
  });

  it("refuses to remove a level ratings use, next to that level with the count, and writes nothing", () => {
    insertEvaluation({ personEmail: "employee@example.com", authorEmail: "supervisor@example.com", status: "released" });
    const used = ratingScaleForEdit(HR()).levels.find((l) => l.code === "meets")!;
    expect(used.used).toBeGreaterThan(0);
    const levels = asInput();
    const i = levels.findIndex((l) => l.id === used.id);
    levels[i] = { ...levels[i], remove: true };
    levels[0] = { ...levels[0], labels: { en: "Changed too" } };
    const before = JSON.stringify(getDb().select().from(ratingLevels).all());
    const r = rev();
    const e = thrown(() => updateRatingScale(HR(), r, levels)) as FieldError;
    expect(e).toBeInstanceOf(FieldError);
    expect(e.fieldErrors).toEqual({ [`levels.${i}`]: "levelInUse" });
    expect(e.values).toEqual({ [`levels.${i}`]: { count: used.used } });
    expect(JSON.stringify(getDb().select().from(ratingLevels).all())).toBe(before);
    expect(rev()).toBe(r);
    // Leaving it out of the list is the same removal, refused on the scale as a whole.
    expect((thrown(() => updateRatingScale(HR(), r, asInput().filter((l) => l.id !== used.id))) as FieldError).fieldErrors).toEqual({ levels: "levelInUse" });
  });

  it("keeps at least two levels, and a new level needs a name and a meaning", () => {
    const levels = asInput();
    const meets = ratingScaleForEdit(HR()).levels.find((x) => x.code === "meets")!.id;
    const fewer = levels.map((l) => (l.id === meets ? l : { ...l, remove: true }));
    expect((thrown(() => updateRatingScale(HR(), rev(), fewer)) as FieldError).fieldErrors).toEqual({ levels: "scaleTooFew" });
    const nameless: LevelInput = { id: null, labels: { en: "  " }, meanings: { en: "Something" } };
    expect((thrown(() => updateRatingScale(HR(), rev(), [...levels, nameless])) as FieldError).fieldErrors).toEqual({ [`levels.${levels.length}`]: "levelNeedsWords" });
    const long: LevelInput = { id: null, labels: { en: "x".repeat(81) }, meanings: { en: "Something" } };
    expect((thrown(() => updateRatingScale(HR(), rev(), [...levels, long])) as FieldError).fieldErrors).toEqual({ [`levels.${levels.length}`]: "levelTextTooLong" });
  });

  it("is a conflict on a stale revision, or a level someone else removed meanwhile", () => {
    const r = rev();
    expect(thrown(() => updateRatingScale(HR(), r - 1, asInput()))).toBeInstanceOf(ConflictError);
    expect(thrown(() => updateRatingScale(HR(), r, [...asInput(), { id: 999_999, labels: {}, meanings: {} }]))).toBeInstanceOf(ConflictError);
    expect(rev()).toBe(r);
  });
});
