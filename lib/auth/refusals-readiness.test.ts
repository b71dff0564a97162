import { eq } from "drizzle-orm";
import { beforeAll, expect } from "vitest";
import { getDb } from "@/db/client";
import { courseCapabilities, courses, teams } from "@/db/schema";
import { roleNeeds } from "@/lib/capability/needs";
import { assignTraining, assignTrainingForGaps, readinessExport, readinessFilterOptions, readinessMatrix, readinessTeam, searchReadinessTeams, type Matrix } from "@/lib/capability/readiness";
import { todayIso } from "@/lib/core/dates";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, NORA, notFound, refusals, roleIdOf, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** The readiness matrix and assigning training (the harness is lib/auth/refusals*.test.ts's, lib/test/refusals.ts). */

let key = "";
let courseId = 0;
let emptyTeam = 0;
const THOMAS = "thomas.bakker@example.com";
const TECH = "mehmet.kaya@example.com";

beforeAll(async () => {
  await useSeededTestDb();
  key = roleNeeds([roleIdOf("technician")]).roles.get(roleIdOf("technician"))!.capabilityKeys[0]!;
  const now = new Date().toISOString();
  courseId = getDb()
    .insert(courses)
    .values({ title: "Refusals test course", kind: "technical", estimatedMinutes: 20, createdAt: now, updatedAt: now })
    .returning({ id: courses.id })
    .get().id;
  getDb().insert(courseCapabilities).values({ courseId, capabilityKey: key }).run();
  emptyTeam = getDb().insert(teams).values({ slug: "readiness-empty", name: "Nobody here", managerId: idOf(MGR) }).returning({ id: teams.id }).get().id;
}, SEED_TIMEOUT);

const assign = (email: string) => (a: Parameters<typeof assignTraining>[0]) => assignTraining(a, { personId: idOf(email), capabilityKey: key, courseId, dueDate: todayIso() });
const person = (email: string) => () => ({ type: "person", id: idOf(email) });
const peopleIn = (m: Matrix) => m.blocks.flatMap((b) => b.people.map((p) => p.id));

const cases: RefusalCase[] = [
  // Reading the matrix, its export and its filters needs readiness.read.
  ...forbidden("readinessMatrix", [EMP, NORA, STRANGER], (a) => readinessMatrix(a, {}), "readiness.read"),
  ...forbidden("readinessExport", [EMP, STRANGER], (a) => readinessExport(a, {}), "readiness.read"),
  ...forbidden("readinessFilterOptions", [EMP], (a) => readinessFilterOptions(a), "readiness.read"),
  ...forbidden("searchReadinessTeams", [EMP, STRANGER], (a) => searchReadinessTeams(a, "o"), "readiness.read"),
  ...forbidden("readinessTeam", [EMP], (a) => readinessTeam(a, 1), "readiness.read"),
  // The team filter offers only teams of people whose readiness the actor sees (never an empty team).
  {
    name: "searchReadinessTeams: the supervisor finds only the teams of their people",
    as: SUP,
    call: (a) => ({ found: searchReadinessTeams(a, "e"), seen: new Set(readinessExport(a, {}).map((r) => r.team)) }),
    expect: ({ found, seen }: { found: { name: string }[]; seen: Set<string> }) => {
      expect(found.length).toBeGreaterThan(0);
      expect(found.map((t) => t.name).filter((n) => !seen.has(n))).toEqual([]);
    },
  },
  {
    name: "readinessTeam: a team outside the supervisor's people is not named",
    as: SUP,
    call: (a) => {
      const seen = new Set(readinessExport(a, {}).map((r) => r.team));
      const outside = getDb().select({ id: teams.id, name: teams.name }).from(teams).all().filter((t) => !seen.has(t.name));
      return outside.map((t) => readinessTeam(a, t.id));
    },
    expect: (named: unknown[]) => {
      expect(named.length).toBeGreaterThan(1);
      expect(named.every((x) => x === null)).toBe(true);
    },
  },
  { name: "searchReadinessTeams: a team nobody is in is never offered", as: HR, call: (a) => searchReadinessTeams(a, "Nobody"), expect: (found: unknown[]) => expect(found).toEqual([]) },
  // The matrix narrows to the actor's people: the supervisor sees their reports, not the manager's, nor themself.
  {
    name: "readinessMatrix: the supervisor sees their reports only",
    as: SUP,
    call: (a) => readinessMatrix(a, {}),
    expect: (m: Matrix) => {
      expect(peopleIn(m)).toContain(idOf(TECH));
      expect(peopleIn(m)).not.toContain(idOf(THOMAS));
      expect(peopleIn(m)).not.toContain(idOf(SUP));
    },
  },
  {
    name: "readinessExport: the supervisor's export leaves out the manager's reports",
    as: SUP,
    call: (a) => readinessExport(a, {}),
    expect: (rows: { email: string }[]) => {
      expect(rows.some((r) => r.email === TECH)).toBe(true);
      expect(rows.some((r) => r.email === THOMAS)).toBe(false);
    },
  },

  // Assigning training: training.assign, then the person in the actor's readiness scope.
  ...forbidden("assignTraining", [EMP, NORA, STRANGER], assign(TECH), "training.assign"),
  { ...notFound("assignTraining: a supervisor may not assign to the manager's report", SUP, assign(THOMAS), person(THOMAS), "mayAssignTraining") },
  { ...notFound("assignTraining: nobody assigns training to themself", MGR, assign(MGR), person(MGR), "mayAssignTraining") },
  { ...notFound("assignTraining: a supervisor may not assign to HR", SUP, assign(HR), person(HR), "mayAssignTraining") },
  {
    name: "assignTraining: the supervisor may assign to their technician",
    as: SUP,
    call: assign(TECH),
    expect: (r: { courseId: number }) => expect(r.courseId).toBe(courseId),
    changes: ["training_assignments", "notifications", "notification_deliveries", "sqlite_sequence"],
  },

  // All gaps of a team: training.assign, and a team with people in the actor's scope.
  ...forbidden("assignTrainingForGaps", [EMP, STRANGER], (a) => assignTrainingForGaps(a, { teamId: emptyTeam, dueDate: todayIso() }), "training.assign"),
  {
    ...notFound("assignTrainingForGaps: a team with nobody in the actor's scope", MGR, (a) => assignTrainingForGaps(a, { teamId: emptyTeam, dueDate: todayIso() }), () => ({
      type: "team",
      id: emptyTeam,
    }), "readinessPeopleCondition"),
  },
  {
    ...notFound(
      "assignTrainingForGaps: the supervisor's reports in the Parts & Care team do not exist",
      SUP,
      (a) => assignTrainingForGaps(a, { teamId: getDb().select({ id: teams.id }).from(teams).where(eq(teams.slug, "parts-care")).get()!.id, dueDate: todayIso() }),
      () => ({ type: "team", id: getDb().select({ id: teams.id }).from(teams).where(eq(teams.slug, "parts-care")).get()!.id }),
      "readinessPeopleCondition",
    ),
  },
];

refusals(cases);
