import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { evaluationRatings, evaluations, jobRoles, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, evaluableCondition, evaluationAccess, evaluationsCondition, outOfScope, type EvaluationAccess } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { foldForSearch } from "@/lib/core/search-text";
import { parseCriteria, type FrozenCriteria } from "@/lib/evaluations/criteria";
import { ratingScale, type RatingLevel } from "@/lib/evaluations/scale";
import { DRAFT_STATUSES, type EvaluationKind, type EvaluationStatus, type Outcome } from "@/lib/evaluations/vocabulary";
import { containsText } from "@/lib/core/like";
import { cappedCount } from "@/lib/core/capped-count";

/** Reading evaluations: one evaluation as its reader may see it, and the lists. */

const author = alias(people, "author");

/** The evaluation row, if the actor may see it (`evaluationsCondition`); otherwise "not found" (audited when it exists). */
export function visibleEvaluation(actor: Actor, id: number) {
  const db = getDb();
  const row = db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.id, id), evaluationsCondition(actor)))
    .get();
  if (row) return row;
  const exists = db.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.id, id)).get();
  throw exists ? outOfScope(actor, { type: "evaluation", id }, "evaluationsCondition") : new NotFoundError("evaluation");
}

export type RatingView = { levelId: number | null; comment: string };

type Common = {
  id: number;
  kind: EvaluationKind;
  status: EvaluationStatus;
  periodStart: string;
  periodEnd: string;
  person: { id: number; name: string };
  author: { id: number; name: string } | null;
  criteria: FrozenCriteria;
  /** The organisation's scale, lowest first (names via `levelText`). */
  scale: RatingLevel[];
  access: EvaluationAccess;
  /** The employee's self-assessment: ratings by criterion key, and their overall comment. */
  self: { ratings: Record<string, RatingView>; summary: string; requestedAt: string | null; submittedAt: string | null };
};

/** What the employee sees while asked for a self-assessment: the criteria and their own answers, never the author's draft. */
export type SelfAssessmentView = Common & { mode: "self" };

export type FullView = Common & {
  mode: "full";
  /** The author's ratings by criterion key. */
  ratings: Record<string, RatingView>;
  summary: string;
  strengths: string[];
  improvements: string[];
  /** Only for readers who see private notes (`access.seesPrivate`); otherwise null. */
  privateNote: string | null;
  releasedAt: string | null;
  closedAt: string | null;
  outcome: Outcome | null;
  revision: number;
  updatedAt: string;
};

export type EvaluationView = SelfAssessmentView | FullView;

const stringList = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
};

/**
 * One evaluation as the actor may see it (`evaluationsCondition`, else not found). The employee
 * in self-assessment gets only what their form needs; the private note only reaches readers who
 * see private notes.
 */
export function getEvaluation(actor: Actor, id: number): EvaluationView {
  const row = visibleEvaluation(actor, id);
  const db = getDb();
  const names = db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, [row.personId, ...(row.authorId ? [row.authorId] : [])]))
    .all();
  const nameOf = (pid: number) => names.find((n) => n.id === pid)?.name ?? "";
  const access = evaluationAccess(actor, row);
  const ratingRows = db
    .select({ source: evaluationRatings.source, criterionKey: evaluationRatings.criterionKey, levelId: evaluationRatings.levelId, comment: evaluationRatings.comment })
    .from(evaluationRatings)
    .where(
      and(eq(evaluationRatings.evaluationId, row.id), access.selfAssessOnly ? eq(evaluationRatings.source, "self") : undefined),
    )
    .all();
  const bySource = (source: "author" | "self") =>
    Object.fromEntries(ratingRows.filter((r) => r.source === source).map((r) => [r.criterionKey, { levelId: r.levelId, comment: r.comment }]));
  const common: Common = {
    id: row.id,
    kind: row.kind,
    status: row.status,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    person: { id: row.personId, name: nameOf(row.personId) },
    author: row.authorId ? { id: row.authorId, name: nameOf(row.authorId) } : null,
    criteria: parseCriteria(row.criteria),
    scale: ratingScale(),
    access,
    self: { ratings: bySource("self"), summary: row.selfSummary, requestedAt: row.selfRequestedAt, submittedAt: row.selfSubmittedAt },
  };
  if (access.selfAssessOnly) return { ...common, mode: "self" };
  return {
    ...common,
    mode: "full",
    ratings: bySource("author"),
    summary: row.summary,
    strengths: stringList(row.strengths),
    improvements: stringList(row.improvements),
    privateNote: access.seesPrivate ? row.privateNote : null,
    releasedAt: row.releasedAt,
    closedAt: row.closedAt,
    outcome: row.outcome,
    revision: row.revision,
    updatedAt: row.updatedAt,
  };
}

export const EVALUATION_FILTERS = ["all", "mine", "written", "drafts", "waiting"] as const;
export type EvaluationFilter = (typeof EVALUATION_FILTERS)[number];

export type EvaluationListRow = {
  id: number;
  personName: string;
  authorName: string | null;
  roleTitle: string | null;
  kind: EvaluationKind;
  status: EvaluationStatus;
  periodStart: string;
  periodEnd: string;
  releasedAt: string | null;
  updatedAt: string;
};

export const EVALUATION_PAGE_SIZE = 20;

/** Evaluations waiting for the actor: their self-assessment, a submitted self-assessment, a question to answer, a disagreement to review. */
function waitingFor(actor: Actor): SQL {
  return or(
    and(eq(evaluations.personId, actor.id), inArray(evaluations.status, ["self_assessment", "released", "answered"])),
    and(eq(evaluations.authorId, actor.id), eq(evaluations.status, "draft"), isNotNull(evaluations.selfSubmittedAt)),
    and(eq(evaluations.authorId, actor.id), inArray(evaluations.status, ["questioned", "disagreed"])),
    and(eq(evaluations.escalatedToId, actor.id), eq(evaluations.status, "escalated")),
  )!;
}

function filterCondition(actor: Actor, filter: EvaluationFilter): SQL | undefined {
  switch (filter) {
    case "mine":
      return eq(evaluations.personId, actor.id);
    case "written":
      return eq(evaluations.authorId, actor.id);
    case "drafts":
      return and(inArray(evaluations.status, [...DRAFT_STATUSES]), sql`${evaluations.personId} <> ${actor.id}`);
    case "waiting":
      return waitingFor(actor);
    default:
      return undefined;
  }
}

/** The evaluations the actor may see, narrowed by a filter, newest change first, a page at a time. */
export function listEvaluations(actor: Actor, filter: EvaluationFilter, page = 1): Page<EvaluationListRow> {
  const db = getDb();
  const where = and(evaluationsCondition(actor), filterCondition(actor, filter));
  const total = db.select({ n: count() }).from(evaluations).where(where).get()?.n ?? 0;
  const { page: p, pageCount, offset } = pageOf(total, page, EVALUATION_PAGE_SIZE);
  const rows = db
    .select({
      id: evaluations.id,
      personName: people.name,
      authorName: author.name,
      roleTitle: jobRoles.title,
      kind: evaluations.kind,
      status: evaluations.status,
      periodStart: evaluations.periodStart,
      periodEnd: evaluations.periodEnd,
      releasedAt: evaluations.releasedAt,
      updatedAt: evaluations.updatedAt,
    })
    .from(evaluations)
    .innerJoin(people, eq(people.id, evaluations.personId))
    .leftJoin(author, eq(author.id, evaluations.authorId))
    .leftJoin(jobRoles, eq(jobRoles.id, evaluations.jobRoleId))
    .where(where)
    .orderBy(desc(evaluations.updatedAt), desc(evaluations.id))
    .limit(EVALUATION_PAGE_SIZE)
    .offset(offset)
    .all();
  return { rows, total, page: p, pageCount, pageSize: EVALUATION_PAGE_SIZE };
}

/** How many evaluations wait for the actor (the list's "Waiting for me" count). */
export function evaluationsWaitingCount(actor: Actor): number {
  return cappedCount(getDb().select({ one: sql`1` }).from(evaluations).where(and(evaluationsCondition(actor), waitingFor(actor))));
}


export type EvaluablePerson = { id: number; name: string; roleTitle: string | null };

/** People the actor may evaluate whose name or email contains the text, at most 20 (the person picker). */
export function evaluablePeople(actor: Actor, text: string): EvaluablePerson[] {
  authorize(actor, "evaluations.write", { type: "evaluation" });
  const q = foldForSearch(text.trim());
  if (!q) return [];
  return getDb()
    .select({ id: people.id, name: people.name, roleTitle: jobRoles.title })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .where(and(evaluableCondition(actor), containsText(people.searchText, q)))
    .orderBy(asc(people.name), asc(people.id))
    .limit(20)
    .all();
}

/** One person the actor may evaluate (to prefill the picker), or null. */
export function evaluablePerson(actor: Actor, personId: number): EvaluablePerson | null {
  authorize(actor, "evaluations.write", { type: "evaluation" });
  return (
    getDb()
      .select({ id: people.id, name: people.name, roleTitle: jobRoles.title })
      .from(people)
      .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
      .where(and(eq(people.id, personId), evaluableCondition(actor)))
      .get() ?? null
  );
}
