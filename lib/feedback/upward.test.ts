import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "@/db/client";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { quarterOf } from "@/lib/feedback/due";
import { giveUpward, hasUpwardResults, myUpwardLeaders, myUpwardResults, periodResult, type UpwardInput } from "@/lib/feedback/upward";
import { todayIso } from "@/lib/core/dates";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const SUP = "supervisor@example.com";
const scores = { greets: 5, listens: 4, recognises: 3, approachable: 4, expectations: 2, explains: 3, feedback: 4 };
const good = (leaderId: number): UpwardInput => ({ leaderId, scores });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}
function fieldErrors(fn: () => unknown): Record<string, string> {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(FieldError);
  return (e as FieldError).fieldErrors;
}

type Row = Record<string, unknown>;
/** Every row of every table (with its rowid where the table has one), as text, by table. */
function snapshot(): Map<string, Set<string>> {
  const sqlite = getSqlite();
  const tables = sqlite.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string; sql: string }[];
  const out = new Map<string, Set<string>>();
  for (const { name, sql } of tables) {
    const rowid = /without\s+rowid/i.test(sql) ? "" : "rowid as _rowid, ";
    const rows = sqlite.prepare(`select ${rowid}* from "${name}"`).safeIntegers(true).all() as Row[];
    out.set(name, new Set(rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)))));
  }
  return out;
}
function newRows(before: Map<string, Set<string>>, after: Map<string, Set<string>>): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const [name, rows] of after) {
    const added = [...rows].filter((r) => !before.get(name)?.has(r)).map((r) => JSON.parse(r) as Row);
    if (added.length) out.set(name, added);
  }
  return out;
}
const answersFor = (leaderId: number) => getSqlite().prepare("select count(*) from upward_answers where leader_id = ?").pluck().get(leaderId) as number;

describe("upward feedback", () => {
  it("offers the people one reports to: Elif's supervisor and her team's manager, not yet answered", () => {
    const elif = actorFor("employee@example.com");
    const { period, leaders } = myUpwardLeaders(elif);
    expect(period).toBe(quarterOf(todayIso()));
    expect(leaders.map((l) => l.name).sort()).toEqual(["Marco Janssen", "Sven de Vries"]);
    expect(leaders.every((l) => !l.answeredThisPeriod)).toBe(true);
    // HR reports to nobody.
    expect(myUpwardLeaders(actorFor("hr@example.com")).leaders).toEqual([]);
  });

  it("refuses a score outside 1–5 or a missing one, next to its item, and writes nothing", () => {
    const elif = actorFor("employee@example.com");
    const sven = actorFor(SUP).id;
    const before = answersFor(sven);
    expect(fieldErrors(() => giveUpward(elif, { leaderId: sven, scores: { ...scores, greets: 6 } }))).toEqual({ greets: "upward.outOfScale" });
    expect(fieldErrors(() => giveUpward(elif, { leaderId: sven, scores: { ...scores, listens: 0 } }))).toEqual({ listens: "upward.outOfScale" });
    expect(fieldErrors(() => giveUpward(elif, { leaderId: sven, scores: { ...scores, feedback: 2.5 } }))).toEqual({ feedback: "upward.outOfScale" });
    expect(fieldErrors(() => giveUpward(elif, { leaderId: sven, scores: { ...scores, explains: undefined } }))).toEqual({ explains: "upward.chooseAnswer" });
    expect(answersFor(sven)).toBe(before);
  });

  it("refuses someone who is not one's leader as not found", () => {
    const elif = actorFor("employee@example.com");
    expect(thrown(() => giveUpward(elif, good(actorFor("mehmet.kaya@example.com").id)))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => giveUpward(elif, good(elif.id)))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => giveUpward(elif, good(999_999)))).toBeInstanceOf(NotFoundError);
  });

  it("stores the answer anonymously: leader, quarter, day and scores; no author, no time, no audit, no notification, no insertion order", () => {
    const raluca = actorFor("raluca.dumitru@example.com");
    const sven = actorFor(SUP).id;
    const before = snapshot();
    const now = new Date();
    expect(giveUpward(raluca, good(sven), now)).toEqual({ given: true });
    const added = newRows(before, snapshot());
    expect([...added.keys()].sort()).toEqual(["upward_answers", "upward_given"]);
    const [given] = added.get("upward_given")!;
    expect(given).toMatchObject({ person_id: String(raluca.id), leader_id: String(sven), period: quarterOf(todayIso(now)) });
    expect(Object.keys(given!).sort()).toEqual(["_rowid", "leader_id", "period", "person_id"]);
    const [answer] = added.get("upward_answers")!;
    const { _rowid, id, ...rest } = answer!;
    expect(rest).toEqual({
      leader_id: String(sven),
      period: quarterOf(todayIso(now)),
      created_on: todayIso(now),
      greets: "5",
      listens: "4",
      recognises: "3",
      approachable: "4",
      expectations: "2",
      explains: "3",
      feedback: "4",
    });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // No column can point at a person other than the leader, no value names the author.
    const fks = getSqlite().prepare("select \"table\", \"from\" from pragma_foreign_key_list('upward_answers')").all();
    expect(fks).toEqual([{ table: "people", from: "leader_id" }]);
    const text = JSON.stringify(answer);
    for (const s of [raluca.email, raluca.name, `"${raluca.id}"`]) expect(text).not.toContain(s);
    // The hidden rowids are random, far above any count of rows: no insertion order ties the mark to the answer.
    for (const r of [given!, answer!]) expect(BigInt(r._rowid as string)).toBeGreaterThan(2n ** 31n);
  });

  it("refuses a second answer for the same leader in the same quarter, and writes nothing", () => {
    const raluca = actorFor("raluca.dumitru@example.com");
    const sven = actorFor(SUP).id;
    const before = answersFor(sven);
    expect(fieldErrors(() => giveUpward(raluca, good(sven)))).toEqual({ _form: "upward.alreadyGiven" });
    expect(answersFor(sven)).toBe(before);
    expect(myUpwardLeaders(raluca).leaders.find((l) => l.id === sven)?.answeredThisPeriod).toBe(true);
  });

  it("shows the leader this quarter's averages (5 technicians in the demo, 6 now) and hides last quarter's 3", () => {
    const sven = actorFor(SUP);
    expect(hasUpwardResults(sven)).toBe(true);
    const { rows } = myUpwardResults(sven);
    const current = rows.find((r) => r.period === quarterOf(todayIso()))!;
    expect(current.shown).toBe(true);
    if (!current.shown) return;
    expect(current.answers).toBe(6);
    // Demo greets 5,4,5,4,5 and Raluca's 5: 28 / 6.
    expect(current.items.greets).toBeCloseTo(28 / 6);
    expect(current.warmth).toBeCloseTo((current.items.greets + current.items.listens + current.items.recognises + current.items.approachable) / 4);
    expect(current.clarity).toBeCloseTo((current.items.expectations + current.items.explains + current.items.feedback) / 3);
    const previous = rows.find((r) => r.period !== current.period)!;
    expect(previous).toEqual({ period: previous.period, shown: false });
  });

  it("someone who leads nobody has no results; a leader sees only their own", () => {
    expect(hasUpwardResults(actorFor("employee@example.com"))).toBe(false);
    expect(myUpwardResults(actorFor("manager@example.com")).rows).toEqual([]);
  });
});

describe("periodResult (group minimum)", () => {
  const items = { greets: 4, listens: 3, recognises: 2, approachable: 5, expectations: 4, explains: 3, feedback: 2 };
  it("hides a quarter with fewer than 5 answers, without saying how many", () => {
    expect(periodResult("2026-Q4", 4, items)).toEqual({ period: "2026-Q4", shown: false });
    expect(periodResult("2026-Q4", 1, items)).toEqual({ period: "2026-Q4", shown: false });
  });
  it("shows 5 or more, with warmth and clarity as the means of their items", () => {
    expect(periodResult("2026-Q4", 5, items)).toEqual({ period: "2026-Q4", shown: true, answers: 5, items, warmth: 3.5, clarity: 3 });
  });
});
