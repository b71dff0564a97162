import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, capabilityEvidence, courseCapabilities, courses, jobRoles, notifications, people, teams, trainingAssignments } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { ActionError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { roleNeeds } from "@/lib/capability/needs";
import { assignTraining, assignTrainingForGaps, defaultDueDate, readinessExport, readinessFilterOptions, readinessMatrix, readinessTeam, searchReadinessTeams } from "@/lib/capability/readiness";
import { addDays } from "@/lib/capability/validity";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

const HR = "hr@example.com";
const MGR = "manager@example.com";
const SUP = "supervisor@example.com";
const EMP = "employee@example.com";
const TECHS = ["mehmet.kaya@example.com", "pieter.vandijk@example.com", "janis.ozolins@example.com", "oliver.hughes@example.com"] as const;

const db = () => getDb();
const idOf = (email: string) => db().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const roleIdOf = (slug: string) => db().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get()!.id;
const teamIdOf = (slug: string) => db().select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

let today = "";
/** A technician responsibility that needs two or more capabilities, and those capabilities. */
let resp: { key: string; title: string; capabilityKeys: readonly string[] };
let techKeys: string[] = [];
let courseA = 0;
let courseB = 0;

function addCourse(title: string, minutes: number, keys: string[]): number {
  const now = new Date().toISOString();
  const id = db()
    .insert(courses)
    .values({ title, kind: "technical", summary: "", content: "", estimatedMinutes: minutes, searchText: title.toLowerCase(), createdAt: now, updatedAt: now })
    .returning({ id: courses.id })
    .get().id;
  if (keys.length) db().insert(courseCapabilities).values(keys.map((capabilityKey) => ({ courseId: id, capabilityKey }))).run();
  return id;
}

function evidence(email: string, key: string, validUntil: string | null, validFrom = addDays(today, -100)) {
  db()
    .insert(capabilityEvidence)
    .values({ personId: idOf(email), capabilityKey: key, kind: "signoff", signoffRelation: "supervisor", validFrom, validUntil, createdById: idOf(SUP), createdAt: new Date().toISOString() })
    .run();
}

beforeAll(async () => {
  await useSeededTestDb();
  today = todayIso();
  const needs = roleNeeds([roleIdOf("technician")]).roles.get(roleIdOf("technician"))!;
  techKeys = needs.capabilityKeys;
  resp = needs.responsibilities.find((r) => r.capabilityKeys.length >= 2)!;
  expect(resp).toBeTruthy();
}, 120_000);

beforeEach(() => {
  // A clean slate for the technicians (other parts' demo data may hold evidence and training for them).
  const ids = db().select({ id: people.id }).from(people).innerJoin(jobRoles, eq(jobRoles.id, people.jobRoleId)).where(eq(jobRoles.slug, "technician")).all().map((p) => p.id);
  db().delete(capabilityEvidence).where(inArray(capabilityEvidence.personId, ids)).run();
  db().delete(trainingAssignments).where(inArray(trainingAssignments.personId, ids)).run();
  db().delete(courseCapabilities).run();
  const [k1, k2] = resp.capabilityKeys as [string, string];
  courseA = addCourse(`Readiness test course A ${Math.random()}`, 90, [k1]);
  courseB = addCourse(`Readiness test course B ${Math.random()}`, 30, [k1, k2]);
});

const cellOf = (m: ReturnType<typeof readinessMatrix>, email: string, key: string) => {
  const p = m.blocks.flatMap((b) => b.people).find((x) => x.id === idOf(email));
  return p?.cells[key];
};

describe("readiness matrix", () => {
  it("shows the supervisor their reports with their roles' capabilities, never themself; refuses an employee", () => {
    const m = readinessMatrix(actorFor(SUP), { roleId: roleIdOf("technician") });
    const names = m.blocks.flatMap((b) => b.people.map((p) => p.id));
    expect(names).toContain(idOf(TECHS[0]));
    expect(names).not.toContain(idOf(SUP));
    expect(m.blocks.map((b) => b.roleSlug)).toEqual(["technician"]);
    expect(m.blocks[0]!.capabilities.map((c) => c.key)).toEqual(techKeys);
    expect(thrown(() => readinessMatrix(actorFor(EMP), {}))).toBeInstanceOf(ForbiddenError);
  });

  it("filters by team and role, and offers only teams and roles of people in scope", () => {
    const workshop = readinessMatrix(actorFor(HR), { teamId: teamIdOf("workshop") });
    const all = workshop.blocks.flatMap((b) => b.people);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((p) => p.teamName === "Workshop")).toBe(true);
    const supOptions = readinessFilterOptions(actorFor(SUP));
    expect(supOptions.roles.map((r) => r.id)).toContain(roleIdOf("technician"));
    expect(supOptions.roles.map((r) => r.id)).not.toContain(roleIdOf("service-manager"));
  });

  it("filters by a typed part of a team's name (wildcards literal); the team search and lookup stay in scope", () => {
    const byName = readinessMatrix(actorFor(HR), { teamName: "shop" });
    const byId = readinessMatrix(actorFor(HR), { teamId: teamIdOf("workshop") });
    expect(byName.total).toBe(byId.total);
    expect(byName.blocks.flatMap((b) => b.people).every((p) => p.teamName === "Workshop")).toBe(true);
    expect(readinessMatrix(actorFor(HR), { teamName: "%" }).total).toBe(0);
    // An id wins over a typed name.
    expect(readinessMatrix(actorFor(HR), { teamId: teamIdOf("workshop"), teamName: "Reception" }).total).toBe(byId.total);
    expect(searchReadinessTeams(actorFor(HR), "  ")).toEqual([]);
    expect(searchReadinessTeams(actorFor(HR), "RECEP").map((t) => t.name)).toEqual(["Reception"]);
    expect(readinessTeam(actorFor(HR), teamIdOf("workshop"))).toEqual({ id: teamIdOf("workshop"), name: "Workshop" });
    expect(readinessFilterOptions(actorFor(HR), 2).teams).toHaveLength(2);
  });

  it("paginates by people", () => {
    const m = readinessMatrix(actorFor(HR), { page: 1 });
    expect(m.total).toBeGreaterThan(m.pageSize);
    expect(m.blocks.flatMap((b) => b.people).length).toBe(m.pageSize);
    const last = readinessMatrix(actorFor(HR), { page: m.pageCount });
    expect(last.page).toBe(m.pageCount);
    expect(last.blocks.flatMap((b) => b.people).length).toBe(m.total - (m.pageCount - 1) * m.pageSize);
  });

  it("marks cells ready / expiring / gap / in training and counts who can do a responsibility today", () => {
    const [k1, k2] = resp.capabilityKeys as [string, string];
    const [a, b, c, d] = TECHS;
    // a: everything for the responsibility, no expiry. b: one expiring in 10 days. c: one lapsed yesterday. d: nothing but training.
    for (const k of resp.capabilityKeys) evidence(a, k, null);
    for (const k of resp.capabilityKeys) evidence(b, k, k === k1 ? addDays(today, 10) : null);
    for (const k of resp.capabilityKeys) evidence(c, k, k === k1 ? addDays(today, -1) : null);
    assignTraining(actorFor(SUP), { personId: idOf(d), capabilityKey: k1, courseId: courseA, dueDate: defaultDueDate(today) });

    const m = readinessMatrix(actorFor(HR), { roleId: roleIdOf("technician") });
    expect(cellOf(m, a, k1)?.cell).toBe("ready");
    expect(cellOf(m, b, k1)?.cell).toBe("expiring");
    expect(cellOf(m, b, k1)?.holding.until).toBe(addDays(today, 10));
    expect(cellOf(m, c, k1)?.cell).toBe("gap");
    expect(cellOf(m, c, k1)?.holding.state).toBe("lapsed");
    expect(cellOf(m, c, k2)?.cell).toBe("ready");
    expect(cellOf(m, d, k1)?.cell).toBe("training");
    // A gap offers the courses that build it, shortest first.
    expect(cellOf(m, c, k1)?.courses.map((x) => x.id)).toEqual([courseB, courseA]);
    expect(cellOf(m, a, k1)?.courses).toEqual([]);

    const summary = m.blocks[0]!.summary.find((r) => r.key === resp.key)!;
    const canDo = summary.canDo.map((p) => p.id);
    expect(canDo).toContain(idOf(a));
    expect(canDo).toContain(idOf(b));
    expect(canDo).not.toContain(idOf(c));
    expect(canDo).not.toContain(idOf(d));
    const people = m.blocks[0]!.peopleCount;
    const { ready, expiring, gap, training } = summary.counts;
    expect(ready + expiring + gap + training).toBe(people * resp.capabilityKeys.length);
    expect(expiring).toBe(1);
  });

  it("exports the same numbers as the page: one row per person, responsibility and capability", () => {
    const [k1] = resp.capabilityKeys as [string];
    evidence(TECHS[0], k1, addDays(today, 5));
    evidence(TECHS[1], k1, null);
    const f = { roleId: roleIdOf("technician") };
    const m = readinessMatrix(actorFor(SUP), f);
    const rows = readinessExport(actorFor(SUP), f);
    for (const r of m.blocks[0]!.summary) {
      const mine = rows.filter((x) => x.responsibility === r.title);
      for (const s of ["ready", "expiring", "gap", "training"] as const) expect(mine.filter((x) => x.state === s).length).toBe(r.counts[s]);
      expect(new Set(mine.filter((x) => x.canDoResponsibility).map((x) => x.email)).size).toBe(r.canDo.length);
    }
    expect(rows.find((x) => x.email === TECHS[0] && x.responsibility === resp.title && x.state === "expiring")?.validUntil).toBe(addDays(today, 5));
    expect(thrown(() => readinessExport(actorFor(EMP), {}))).toBeInstanceOf(ForbiddenError);
  });
});

describe("assigning training for a gap", () => {
  it("assigns, notifies and audits; refuses a second open assignment of the same course", () => {
    const [k1] = resp.capabilityKeys as [string];
    const person = idOf(TECHS[2]);
    const due = defaultDueDate(today);
    expect(due).toBe(addDays(today, 14));
    const { id, courseId } = assignTraining(actorFor(SUP), { personId: person, capabilityKey: k1, courseId: courseA, dueDate: due });
    expect(courseId).toBe(courseA);
    const row = db().select().from(trainingAssignments).where(eq(trainingAssignments.id, id)).get()!;
    expect(row).toMatchObject({ personId: person, courseId: courseA, capabilityKey: k1, dueDate: due, status: "open", assignedById: idOf(SUP) });
    const note = db().select().from(notifications).where(and(eq(notifications.personId, person), eq(notifications.kind, "training.assigned"))).all().at(-1)!;
    expect(note.link).toBe(`/training/${courseA}`);
    expect(JSON.parse(note.params)).toMatchObject({ due });
    const entry = db().select().from(auditLog).where(eq(auditLog.action, "training.assigned")).all().at(-1)!;
    expect(entry).toMatchObject({ actorId: idOf(SUP), entityType: "person", entityId: String(person) });

    const again = thrown(() => assignTraining(actorFor(MGR), { personId: person, capabilityKey: k1, courseId: courseA, dueDate: due }));
    expect(again).toBeInstanceOf(ActionError);
    expect((again as ActionError).key).toBe("readiness.alreadyAssigned");
    // Another course for the same gap is fine.
    assignTraining(actorFor(MGR), { personId: person, capabilityKey: k1, courseId: courseB, dueDate: due });
  });

  it("refuses bad input with a message on the field, writing nothing", () => {
    const [k1, k2] = resp.capabilityKeys as [string, string];
    const person = idOf(TECHS[3]);
    const count = () => db().select({ id: trainingAssignments.id }).from(trainingAssignments).all().length;
    const before = count();
    const field = (input: Parameters<typeof assignTraining>[1]) => (thrown(() => assignTraining(actorFor(SUP), input)) as FieldError).fieldErrors;
    expect(field({ personId: person, capabilityKey: k1, courseId: courseA, dueDate: addDays(today, -1) })).toEqual({ dueDate: "readiness.dueDatePast" });
    // Two courses build k1: the actor must choose.
    expect(field({ personId: person, capabilityKey: k1, courseId: null, dueDate: today })).toEqual({ courseId: "readiness.pickCourse" });
    // Course A does not build k2.
    expect(field({ personId: person, capabilityKey: k2, courseId: courseA, dueDate: today })).toEqual({ courseId: "readiness.courseDoesNotBuild" });
    // A capability the technician role does not need.
    const saKey = roleNeeds([roleIdOf("service-advisor")]).roles.get(roleIdOf("service-advisor"))!.capabilityKeys.find((k) => !techKeys.includes(k))!;
    expect(field({ personId: person, capabilityKey: saKey, courseId: null, dueDate: today })).toEqual({ capabilityKey: "readiness.notNeeded" });
    // No course builds it.
    const lonely = techKeys.find((k) => !resp.capabilityKeys.includes(k))!;
    const e = thrown(() => assignTraining(actorFor(SUP), { personId: person, capabilityKey: lonely, courseId: null, dueDate: today }));
    expect((e as ActionError).key).toBe("readiness.noCourse");
    expect(count()).toBe(before);
  });

  it("picks the only course when one builds the capability", () => {
    const [, k2] = resp.capabilityKeys as [string, string];
    const r = assignTraining(actorFor(SUP), { personId: idOf(TECHS[3]), capabilityKey: k2, courseId: null, dueDate: today });
    expect(r.courseId).toBe(courseB);
  });

  it("refuses people outside the actor's readiness scope as not found", () => {
    const [k1] = resp.capabilityKeys as [string];
    // Thomas reports to the manager, not to the supervisor.
    expect(thrown(() => assignTraining(actorFor(SUP), { personId: idOf("thomas.bakker@example.com"), capabilityKey: k1, courseId: courseA, dueDate: today }))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => assignTraining(actorFor(SUP), { personId: idOf(SUP), capabilityKey: k1, courseId: courseA, dueDate: today }))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => assignTraining(actorFor(EMP), { personId: idOf(TECHS[0]), capabilityKey: k1, courseId: courseA, dueDate: today }))).toBeInstanceOf(ForbiddenError);
  });

  it("assigns training for all gaps of a team: the shortest course, once per person and course, none twice", () => {
    const [k1, k2] = resp.capabilityKeys as [string, string];
    for (const k of resp.capabilityKeys) evidence(TECHS[0], k, null);
    assignTraining(actorFor(SUP), { personId: idOf(TECHS[1]), capabilityKey: k1, courseId: courseB, dueDate: today });
    const due = addDays(today, 7);
    const r = assignTrainingForGaps(actorFor(SUP), { teamId: teamIdOf("workshop"), roleId: roleIdOf("technician"), dueDate: due });
    expect(r.assigned).toBeGreaterThan(0);
    expect(r.withoutCourse).toBeGreaterThan(0);
    const open = db().select().from(trainingAssignments).where(eq(trainingAssignments.status, "open")).all();
    // Course B (30 min) builds both k1 and k2: one assignment per technician with a gap.
    expect(open.filter((a) => a.personId === idOf(TECHS[0]))).toEqual([]);
    expect(open.filter((a) => a.personId === idOf(TECHS[1])).length).toBe(1);
    const t2 = open.filter((a) => a.personId === idOf(TECHS[2]));
    expect(t2.map((a) => [a.courseId, a.dueDate])).toEqual([[courseB, due]]);
    expect([k1, k2]).toContain(t2[0]!.capabilityKey);
    expect(open.some((a) => a.courseId === courseA)).toBe(false);
    // Nothing left to assign.
    expect(assignTrainingForGaps(actorFor(SUP), { teamId: teamIdOf("workshop"), roleId: roleIdOf("technician"), dueDate: due }).assigned).toBe(0);
  });
});
