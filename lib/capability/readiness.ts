import "server-only";
import { and, asc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { courseCapabilities, courses, jobRoles, people, teams, trainingAssignments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { mayAssignTraining, readinessPeopleCondition } from "@/lib/auth/capability-policy";
import { authorize, outOfScope } from "@/lib/auth/policy";
import { auditEach } from "@/lib/audit/log";
import { ActionError, FieldError } from "@/lib/core/errors";
import { todayIso } from "@/lib/core/dates";
import { pageOf } from "@/lib/core/pagination";
import { holdingsFor, type PersonCapability } from "@/lib/capability/holdings";
import { roleNeeds } from "@/lib/capability/needs";
import { canonicalKeys, type CapabilityRecord } from "@/lib/capability/records";
import { addDays, readinessByResponsibility } from "@/lib/capability/validity";
import { ASSIGNMENT_DEFAULT_DUE_DAYS, type CellState } from "@/lib/capability/vocabulary";
import { notifyEach } from "@/lib/notifications/notifications";
import { batches } from "@/lib/core/batches";
import { TEAM_LIST_MAX, TEAM_SEARCH_LIMIT, teamNameCondition, teamsOfPeople, type TeamChoice } from "@/lib/org/team-filter";

/**
 * The readiness matrix (issue 11, points 6 and 7): the people the actor may see (the policy's
 * `readinessPeopleCondition`) × the capabilities their roles need, with per-responsibility counts
 * and "who can do this today"; the CSV export (same filters, same numbers); and assigning training
 * for a gap (one cell, or every gap of a team).
 */

/** People per page of the matrix: each brings a row of capability cells (issue 15: a page stays under 100 KB). */
export const READINESS_PAGE_SIZE = 12;
/** The most people one matrix (its summary, its export, a team's "assign all") covers. */
export const READINESS_MAX_PEOPLE = 2000;
/** Courses offered per capability for a gap. */
export const COURSES_PER_GAP_MAX = 10;

/** `teamName`: part of a team's name, typed where the teams are too many to list (lib/org/team-filter.ts). */
export type ReadinessFilters = { teamId?: number; teamName?: string; roleId?: number };

export type CourseChoice = { id: number; title: string; estimatedMinutes: number };
export type MatrixCell = PersonCapability & { courses: CourseChoice[] };
export type MatrixPerson = { id: number; name: string; teamName: string | null; cells: Record<string, MatrixCell> };
export type ResponsibilitySummary = { key: string; title: string; capabilityKeys: string[]; counts: Record<CellState, number>; canDo: { id: number; name: string }[] };
export type RoleBlock = {
  roleId: number;
  roleTitle: string;
  roleSlug: string;
  /** Everyone in the filter who holds this role (the summary's people). */
  peopleCount: number;
  capabilities: CapabilityRecord[];
  summary: ResponsibilitySummary[];
  /** The people of this role on the current page. */
  people: MatrixPerson[];
};
export type Matrix = { blocks: RoleBlock[]; total: number; page: number; pageCount: number; pageSize: number; today: string };

function filterCondition(actor: Actor, f: ReadinessFilters): SQL {
  return and(
    readinessPeopleCondition(actor),
    isNotNull(people.jobRoleId),
    f.teamId !== undefined ? eq(people.teamId, f.teamId) : teamNameCondition(f.teamName),
    f.roleId !== undefined ? eq(people.jobRoleId, f.roleId) : undefined,
  )!;
}

type Row = { id: number; name: string; email: string; teamName: string | null; roleId: number };

/** Everyone in the filter, ordered by role title then name (at most READINESS_MAX_PEOPLE). */
function filteredPeople(actor: Actor, f: ReadinessFilters): Row[] {
  return getDb()
    .select({ id: people.id, name: people.name, email: people.email, teamName: teams.name, roleId: people.jobRoleId, roleTitle: jobRoles.title })
    .from(people)
    .innerJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(filterCondition(actor, f))
    .orderBy(asc(jobRoles.title), asc(people.name), asc(people.id))
    .limit(READINESS_MAX_PEOPLE)
    .all()
    .map(({ roleTitle: _t, ...r }) => ({ ...r, roleId: r.roleId as number }));
}

type Computed = {
  rows: Row[];
  needs: ReturnType<typeof roleNeeds>;
  held: Map<number, Map<string, PersonCapability>>;
  summaries: Map<number, ResponsibilitySummary[]>;
  today: string;
};

/** Holdings and per-responsibility numbers of everyone in the filter: five queries whatever the count. */
function compute(actor: Actor, f: ReadinessFilters): Computed {
  authorize(actor, "readiness.read");
  const today = todayIso();
  const rows = filteredPeople(actor, f);
  const needs = roleNeeds(rows.map((r) => r.roleId));
  const held = holdingsFor(
    rows.map((r) => r.id),
    [...needs.roles.values()].flatMap((r) => r.capabilityKeys),
    today,
  );
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const summaries = new Map<number, ResponsibilitySummary[]>();
  for (const [roleId, role] of needs.roles) {
    const ids = rows.filter((r) => r.roleId === roleId).map((r) => r.id);
    const byResp = readinessByResponsibility(role.responsibilities, ids, (p, k) => held.get(p)?.get(k)?.cell ?? "gap");
    summaries.set(
      roleId,
      byResp.map((r, i) => ({
        key: r.key,
        title: r.title,
        capabilityKeys: [...role.responsibilities[i]!.capabilityKeys],
        counts: r.counts,
        canDo: r.canDo.map((id) => ({ id, name: names.get(id) ?? "" })),
      })),
    );
  }
  return { rows, needs, held, summaries, today };
}

/** Courses that build each of these capabilities, shortest first (one query). */
function coursesBuilding(keys: readonly string[]): Map<string, CourseChoice[]> {
  const out = new Map<string, CourseChoice[]>();
  if (keys.length === 0) return out;
  const rows = getDb()
    .select({ key: courseCapabilities.capabilityKey, id: courses.id, title: courses.title, estimatedMinutes: courses.estimatedMinutes })
    .from(courseCapabilities)
    .innerJoin(courses, eq(courses.id, courseCapabilities.courseId))
    .where(inArray(courseCapabilities.capabilityKey, [...new Set(keys)]))
    .orderBy(asc(courses.estimatedMinutes), asc(courses.title), asc(courses.id))
    .limit(keys.length * COURSES_PER_GAP_MAX)
    .all();
  for (const { key, ...c } of rows) {
    const list = out.get(key) ?? [];
    if (list.length < COURSES_PER_GAP_MAX) list.push(c);
    out.set(key, list);
  }
  return out;
}

/** One page of the matrix (people paginated), grouped by role, with each role's summary over the whole filter. */
export function readinessMatrix(actor: Actor, f: ReadinessFilters & { page?: number }): Matrix {
  const { rows, needs, held, summaries, today } = compute(actor, f);
  const { page, pageCount, offset } = pageOf(rows.length, f.page, READINESS_PAGE_SIZE);
  const pageRows = rows.slice(offset, offset + READINESS_PAGE_SIZE);
  const gapKeys = pageRows.flatMap((r) => [...(held.get(r.id)?.entries() ?? [])].filter(([k, c]) => c.cell === "gap" && needs.roles.get(r.roleId)?.capabilityKeys.includes(k)).map(([k]) => k));
  const offered = coursesBuilding(gapKeys);
  const blocks: RoleBlock[] = [];
  for (const r of pageRows) {
    let block = blocks.find((b) => b.roleId === r.roleId);
    const role = needs.roles.get(r.roleId);
    if (!role) continue;
    if (!block) {
      block = {
        roleId: role.roleId,
        roleTitle: role.roleTitle,
        roleSlug: role.roleSlug,
        peopleCount: rows.filter((x) => x.roleId === r.roleId).length,
        capabilities: role.capabilityKeys.map((k) => needs.capabilities.get(k) ?? { key: k, name: k, kind: "technical", validityMonths: null }),
        summary: summaries.get(r.roleId) ?? [],
        people: [],
      };
      blocks.push(block);
    }
    const cells: Record<string, MatrixCell> = {};
    for (const k of role.capabilityKeys) {
      const c = held.get(r.id)?.get(k);
      if (c) cells[k] = { ...c, courses: c.cell === "gap" ? (offered.get(k) ?? []) : [] };
    }
    block.people.push({ id: r.id, name: r.name, teamName: r.teamName, cells });
  }
  return { blocks, total: rows.length, page, pageCount, pageSize: READINESS_PAGE_SIZE, today };
}

export type ExportRow = {
  person: string;
  email: string;
  team: string;
  role: string;
  responsibility: string;
  capability: string;
  state: CellState;
  validUntil: string;
  canDoResponsibility: boolean;
};

/**
 * The export: one row per person, responsibility and capability it needs (the cells the summary
 * counts, so counting a responsibility's rows by state gives the page's numbers).
 */
export function readinessExport(actor: Actor, f: ReadinessFilters): ExportRow[] {
  const { rows, needs, held, summaries } = compute(actor, f);
  const out: ExportRow[] = [];
  for (const r of rows) {
    const role = needs.roles.get(r.roleId);
    if (!role) continue;
    const summary = summaries.get(r.roleId) ?? [];
    for (const resp of summary) {
      const canDo = resp.canDo.some((p) => p.id === r.id);
      for (const k of resp.capabilityKeys) {
        const c = held.get(r.id)?.get(k);
        out.push({
          person: r.name,
          email: r.email,
          team: r.teamName ?? "",
          role: role.roleTitle,
          responsibility: resp.title,
          capability: needs.capabilities.get(k)?.name ?? k,
          state: c?.cell ?? "gap",
          validUntil: c?.holding.until ?? "",
          canDoResponsibility: canDo,
        });
      }
    }
  }
  return out;
}

/**
 * The filters' options: the roles of the people whose readiness the actor sees, and their teams up to
 * `teamLimit` (a page lists them up to TEAM_LIST_MAX, else searches: `searchReadinessTeams`).
 */
export function readinessFilterOptions(actor: Actor, teamLimit = TEAM_LIST_MAX + 1): { teams: TeamChoice[]; roles: { id: number; title: string }[] } {
  authorize(actor, "readiness.read");
  const cond = filterCondition(actor, {});
  const roleRows = getDb()
    .selectDistinct({ id: jobRoles.id, title: jobRoles.title })
    .from(people)
    .innerJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .where(cond)
    .orderBy(asc(jobRoles.title))
    .limit(200)
    .all();
  return { teams: teamsOfPeople(cond, { limit: teamLimit }), roles: roleRows };
}

/** The team filter's search: at most TEAM_SEARCH_LIMIT teams of people in the actor's readiness scope whose name contains `text`. */
export function searchReadinessTeams(actor: Actor, text: string): TeamChoice[] {
  authorize(actor, "readiness.read");
  if (!text.trim()) return [];
  return teamsOfPeople(filterCondition(actor, {}), { text, limit: TEAM_SEARCH_LIMIT });
}

/** A team of the actor's readiness scope by id (the filter's current choice), else null. */
export function readinessTeam(actor: Actor, teamId: number): TeamChoice | null {
  authorize(actor, "readiness.read");
  return teamsOfPeople(filterCondition(actor, {}), { id: teamId, limit: 1 })[0] ?? null;
}

/** The default due date of new training: ASSIGNMENT_DEFAULT_DUE_DAYS from today. */
export function defaultDueDate(today = todayIso()): string {
  return addDays(today, ASSIGNMENT_DEFAULT_DUE_DAYS);
}

export type AssignInput = { personId: number; capabilityKey: string; courseId: number | null; dueDate: string };

type NewAssignment = { personId: number; courseId: number; courseTitle: string; capabilityKey: string };

/** Inserts the assignments, their notifications (one per person and course) and audit entries, in the caller's transaction. */
function writeAssignments(tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0], actor: Actor, list: NewAssignment[], dueDate: string): number[] {
  if (list.length === 0) return [];
  const now = new Date().toISOString();
  const ids = batches(list).flatMap((batch) =>
    tx
      .insert(trainingAssignments)
      .values(batch.map((a) => ({ personId: a.personId, courseId: a.courseId, capabilityKey: a.capabilityKey, dueDate, status: "open" as const, assignedById: actor.id, createdAt: now })))
      .returning({ id: trainingAssignments.id })
      .all()
      .map((r) => r.id),
  );
  const byCourse = new Map<number, NewAssignment[]>();
  for (const a of list) byCourse.set(a.courseId, [...(byCourse.get(a.courseId) ?? []), a]);
  for (const [courseId, items] of byCourse) {
    notifyEach(
      tx,
      items.map((a) => ({ personId: a.personId, link: `/training/${courseId}` })),
      "training.assigned",
      { name: actor.name, course: items[0]!.courseTitle, due: dueDate },
    );
  }
  auditEach(
    list.map((a, i) => ({
      actorId: actor.id,
      action: "training.assigned",
      entityType: "person",
      entityId: a.personId,
      detail: { title: a.courseTitle, courseId: a.courseId, capability: a.capabilityKey, dueDate, assignmentId: ids[i] },
    })),
    tx,
  );
  return ids;
}

function checkDueDate(dueDate: string, today: string): void {
  if (dueDate < today) throw new FieldError({ dueDate: "readiness.dueDatePast" });
}

/**
 * Assigns training for one gap: the person must be in the actor's readiness scope, their role
 * must need the capability, and the course must build it (when several do and none is chosen, the
 * actor picks). Refuses a second open assignment of the same course to the same person.
 */
export function assignTraining(actor: Actor, input: AssignInput): { id: number; courseId: number } {
  authorize(actor, "training.assign");
  if (!mayAssignTraining(actor, input.personId)) throw outOfScope(actor, { type: "person", id: input.personId }, "mayAssignTraining");
  checkDueDate(input.dueDate, todayIso());
  const db = getDb();
  const person = db.select({ roleId: people.jobRoleId }).from(people).where(eq(people.id, input.personId)).get();
  const key = canonicalKeys([input.capabilityKey]).get(input.capabilityKey) ?? input.capabilityKey;
  const needed = person?.roleId ? (roleNeeds([person.roleId]).roles.get(person.roleId)?.capabilityKeys ?? []) : [];
  if (!needed.includes(key)) throw new FieldError({ capabilityKey: "readiness.notNeeded" });
  const offered = coursesBuilding([key]).get(key) ?? [];
  if (offered.length === 0) throw new ActionError("readiness.noCourse");
  let course: CourseChoice | undefined;
  if (input.courseId === null) {
    if (offered.length > 1) throw new FieldError({ courseId: "readiness.pickCourse" });
    course = offered[0];
  } else {
    course = offered.find((c) => c.id === input.courseId);
    if (!course) throw new FieldError({ courseId: "readiness.courseDoesNotBuild" });
  }
  const chosen = course!;
  return db.transaction((tx) => {
    const open = tx
      .select({ id: trainingAssignments.id })
      .from(trainingAssignments)
      .where(and(eq(trainingAssignments.personId, input.personId), eq(trainingAssignments.courseId, chosen.id), eq(trainingAssignments.status, "open")))
      .get();
    if (open) throw new ActionError("readiness.alreadyAssigned");
    const [id] = writeAssignments(tx, actor, [{ personId: input.personId, courseId: chosen.id, courseTitle: chosen.title, capabilityKey: key }], input.dueDate);
    return { id: id!, courseId: chosen.id };
  });
}

/**
 * Assigns training for every gap of the filtered team (a team is required): for each gap with a
 * course that builds it, the shortest such course, unless the person already has it open (or it is
 * assigned for another of their gaps here). Gaps no course builds are left and counted.
 */
export function assignTrainingForGaps(actor: Actor, input: { teamId: number; roleId?: number; dueDate: string }): { assigned: number; people: number; withoutCourse: number } {
  authorize(actor, "training.assign");
  const today = todayIso();
  checkDueDate(input.dueDate, today);
  const { rows, needs, held } = compute(actor, { teamId: input.teamId, roleId: input.roleId });
  if (rows.length === 0) throw outOfScope(actor, { type: "team", id: input.teamId }, "readinessPeopleCondition");
  const gaps: { personId: number; key: string }[] = [];
  for (const r of rows) {
    for (const k of needs.roles.get(r.roleId)?.capabilityKeys ?? []) if (held.get(r.id)?.get(k)?.cell === "gap") gaps.push({ personId: r.id, key: k });
  }
  const offered = coursesBuilding(gaps.map((g) => g.key));
  const db = getDb();
  return db.transaction((tx) => {
    const ids = [...new Set(gaps.map((g) => g.personId))];
    const open = new Set(
      ids.length
        ? tx
            .select({ personId: trainingAssignments.personId, courseId: trainingAssignments.courseId })
            .from(trainingAssignments)
            .where(and(inArray(trainingAssignments.personId, ids), eq(trainingAssignments.status, "open")))
            .all()
            .map((a) => `${a.personId}:${a.courseId}`)
        : [],
    );
    const list: NewAssignment[] = [];
    let withoutCourse = 0;
    for (const g of gaps) {
      const course = offered.get(g.key)?.[0];
      if (!course) {
        withoutCourse++;
        continue;
      }
      const k = `${g.personId}:${course.id}`;
      if (open.has(k)) continue;
      open.add(k);
      list.push({ personId: g.personId, courseId: course.id, courseTitle: course.title, capabilityKey: g.key });
    }
    writeAssignments(tx, actor, list, input.dueDate);
    return { assigned: list.length, people: new Set(list.map((a) => a.personId)).size, withoutCourse };
  });
}

