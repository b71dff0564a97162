import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getSqlite } from "@/db/client";
import { jobRoles, people, pulseAnswers, pulseSends, teams } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { organisationTimeZone } from "@/lib/org/settings";
import { answerPulse, getPulseForm, hasOpenPulse, myAnsweredPulses, myOpenPulses, type PulseAnswerInput } from "@/lib/pulse/answer";
import { sendPulseRound } from "@/lib/pulse/send";
import { parseRoleDoc } from "@/lib/roles/doc";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const ELIF = "employee@example.com";
const db = () => getDb();
const teamIdOf = (slug: string) => db().select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;
const roleOf = (slug: string) => db().select().from(jobRoles).where(eq(jobRoles.slug, slug)).get()!;
const answersCount = () => db().select({ id: pulseAnswers.id }).from(pulseAnswers).all().length;
const sendRow = (id: number) => db().select().from(pulseSends).where(eq(pulseSends.id, id)).get()!;
const good: PulseAnswerInput = { scores: { expected: 4, how: 3, wrong: 2, judged: 5, resources: 1 } };

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

/** HR sends a round to Reception; returns Elif's send. */
function sendToElif(): number {
  const { roundId } = sendPulseRound(actorFor("hr@example.com"), { teamId: teamIdOf("reception") });
  const elif = actorFor(ELIF);
  return db()
    .select({ id: pulseSends.id })
    .from(pulseSends)
    .where(and(eq(pulseSends.roundId, roundId), eq(pulseSends.personId, elif.id)))
    .get()!.id;
}

/** Every row of every table, as text, by table (audit_log included). */
function snapshot(): Map<string, Set<string>> {
  const sqlite = getSqlite();
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
  const out = new Map<string, Set<string>>();
  for (const { name } of tables) {
    const rows = sqlite.prepare(`select * from "${name}"`).all() as Record<string, unknown>[];
    out.set(name, new Set(rows.map((r) => JSON.stringify(r))));
  }
  return out;
}
function newRows(before: Map<string, Set<string>>, after: Map<string, Set<string>>): Map<string, Record<string, unknown>[]> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const [name, rows] of after) {
    const added = [...rows].filter((r) => !before.get(name)?.has(r)).map((r) => JSON.parse(r) as Record<string, unknown>);
    if (added.length) out.set(name, added);
  }
  return out;
}

describe("answering a pulse", () => {
  let sendId: number;
  beforeAll(() => {
    sendId = sendToElif();
  });

  it("lists the open pulse and offers the responsibilities of the role's version current when it was sent", () => {
    const elif = actorFor(ELIF);
    expect(myOpenPulses(elif).map((p) => p.id)).toContain(sendId);
    expect(hasOpenPulse(elif)).toBe(true);
    const form = getPulseForm(elif, sendId);
    const sa = roleOf("service-advisor");
    const current = parseRoleDoc(getSqlite().prepare("select content from role_versions where job_role_id = ? and number = ?").pluck().get(sa.id, sa.currentVersion) as string);
    expect(form.responsibilities).toEqual(current.responsibilities.map((r) => ({ key: r.key, title: r.title })));
    expect(form.roleTitle).toBe(current.title);
    expect(form.answeredOn).toBeNull();
  });

  it("refuses a score outside the scale, next to that statement, and writes nothing", () => {
    const elif = actorFor(ELIF);
    const before = answersCount();
    expect(fieldErrors(() => answerPulse(elif, sendId, { scores: { ...good.scores, expected: 6, wrong: 0 } }))).toEqual({ expected: "pulse.outOfScale", wrong: "pulse.outOfScale" });
    expect(fieldErrors(() => answerPulse(elif, sendId, { scores: { ...good.scores, how: 2.5, judged: Number.NaN } }))).toEqual({ how: "pulse.outOfScale", judged: "pulse.outOfScale" });
    expect(fieldErrors(() => answerPulse(elif, sendId, { scores: { ...good.scores, resources: "3" } }))).toEqual({ resources: "pulse.outOfScale" });
    expect(fieldErrors(() => answerPulse(elif, sendId, { scores: { expected: 4 } }))).toEqual({ how: "pulse.chooseAnswer", wrong: "pulse.chooseAnswer", judged: "pulse.chooseAnswer", resources: "pulse.chooseAnswer" });
    expect(answersCount()).toBe(before);
    expect(sendRow(sendId).answeredOn).toBeNull();
  });

  it("refuses a least-clear responsibility that is not one of the role's", () => {
    const elif = actorFor(ELIF);
    const technicianKey = parseRoleDoc(getSqlite().prepare("select content from role_versions where job_role_id = ? order by number desc").pluck().get(roleOf("technician").id) as string).responsibilities[0].key;
    expect(fieldErrors(() => answerPulse(elif, sendId, { ...good, leastClearKey: technicianKey }))).toEqual({ leastClearKey: "pulse.notYourResponsibility" });
    expect(sendRow(sendId).answeredOn).toBeNull();
  });

  it("someone else's send is not found, and one that does not exist too", () => {
    const nora = actorFor("newhire@example.com");
    expect(thrown(() => answerPulse(nora, sendId, good))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => getPulseForm(nora, sendId))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => answerPulse(actorFor(ELIF), 999_999, good))).toBeInstanceOf(NotFoundError);
    expect(sendRow(sendId).answeredOn).toBeNull();
  });

  it("stores the answer anonymously: role, team and month only; nothing else in the database names the person", () => {
    const elif = actorFor(ELIF);
    const person = db().select().from(people).where(eq(people.id, elif.id)).get()!;
    const leastClearKey = getPulseForm(elif, sendId).responsibilities[1].key;
    const before = snapshot();
    const now = new Date();
    answerPulse(elif, sendId, { ...good, leastClearKey }, now);
    const added = newRows(before, snapshot());

    // The only rows written: the answer, and the send marked answered (its day).
    expect([...added.keys()].sort()).toEqual(["pulse_answers", "pulse_sends"]);
    const [send] = added.get("pulse_sends")!;
    expect(send).toMatchObject({ id: sendId, person_id: elif.id, answered_on: todayIso(now) });
    const [answer] = added.get("pulse_answers")!;
    expect(answer).toEqual({
      id: answer.id,
      job_role_id: person.jobRoleId,
      team_id: person.teamId,
      month: todayIso(now).slice(0, 7),
      expected: 4,
      how: 3,
      wrong: 2,
      judged: 5,
      resources: 1,
      least_clear_key: leastClearKey,
    });
    expect(answer.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // No column of the answer can point at a person, and no value names them or carries a day.
    const fks = getSqlite().prepare("select \"table\" from pragma_foreign_key_list('pulse_answers')").pluck().all();
    expect(fks).not.toContain("people");
    expect(fks).not.toContain("pulse_sends");
    const text = JSON.stringify(answer);
    for (const s of [person.email, person.name]) expect(text).not.toContain(s);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Not even the row order gives it away: the table has no rowid.
    expect(getSqlite().prepare("select sql from sqlite_master where name = 'pulse_answers'").pluck().get()).toMatch(/without rowid/i);
  });

  it("the answered pulse is listed without its answers, and answering it again is refused", () => {
    const elif = actorFor(ELIF);
    expect(myOpenPulses(elif).map((p) => p.id)).not.toContain(sendId);
    const listed = myAnsweredPulses(elif).rows.find((p) => p.id === sendId)!;
    expect(Object.keys(listed).sort()).toEqual(["answeredOn", "id", "occasion", "sentOn"]);
    const before = answersCount();
    expect(fieldErrors(() => answerPulse(elif, sendId, good))).toEqual({ _form: "pulse.alreadyAnswered" });
    expect(answersCount()).toBe(before);
  });

  it("the least-clear question is optional", () => {
    const elif = actorFor(ELIF);
    const another = sendToElif();
    expect(answerPulse(elif, another, { ...good, leastClearKey: null })).toEqual({ answered: true });
    expect(sendRow(another).answeredOn).not.toBeNull();
  });

  it("day and month are the organisation's: 23:30 UTC on 31 October is already 1 November in Amsterdam", () => {
    expect(organisationTimeZone()).toBe("Europe/Amsterdam");
    const elif = actorFor(ELIF);
    const id = sendToElif();
    const inMonth = (m: string) => db().select({ id: pulseAnswers.id }).from(pulseAnswers).where(eq(pulseAnswers.month, m)).all().length;
    const [oct, nov] = [inMonth("2026-10"), inMonth("2026-11")];
    answerPulse(elif, id, good, new Date("2026-10-31T23:30:00Z"));
    expect(sendRow(id).answeredOn).toBe("2026-11-01");
    expect([inMonth("2026-10"), inMonth("2026-11")]).toEqual([oct, nov + 1]);
  });
});
