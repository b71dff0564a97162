import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { evaluations, jobRoles, people, roleVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, evaluationsCondition } from "@/lib/auth/policy";
import { pageOf, type Page } from "@/lib/core/pagination";
import { freezeCriteria, type FrozenCriteria } from "@/lib/evaluations/criteria";
import { ratingScale, type RatingLevel } from "@/lib/evaluations/scale";
import { RELEASED_STATUSES, type EvaluationKind, type EvaluationStatus } from "@/lib/evaluations/vocabulary";
import { parseRoleDoc } from "@/lib/roles/doc";

/**
 * "How I will be evaluated": what the signed-in person will be evaluated on (the criteria of their
 * current role version, with what good looks like), the scale, when their next evaluation is due,
 * and their own released evaluations (`myReleasedEvaluations`; the next due date is
 * `myNextEvaluation` in ./due.ts). Every app role has one; a person without a role gets `role: null`.
 */
export type EvaluationGuide = {
  role: { title: string; slug: string; versionNumber: number; criteria: FrozenCriteria } | null;
  scale: RatingLevel[];
};

export function myEvaluationGuide(actor: Actor): EvaluationGuide {
  authorize(actor, "self.read", { type: "person", id: actor.id });
  const row = getDb()
    .select({ title: jobRoles.title, slug: jobRoles.slug, number: roleVersions.number, content: roleVersions.content })
    .from(people)
    .innerJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .innerJoin(roleVersions, and(eq(roleVersions.jobRoleId, jobRoles.id), eq(roleVersions.number, jobRoles.currentVersion)))
    .where(eq(people.id, actor.id))
    .get();
  return {
    role: row ? { title: row.title, slug: row.slug, versionNumber: row.number, criteria: freezeCriteria(parseRoleDoc(row.content), row.number) } : null,
    scale: ratingScale(),
  };
}

export type MyEvaluationRow = {
  id: number;
  kind: EvaluationKind;
  status: EvaluationStatus;
  periodStart: string;
  periodEnd: string;
  authorName: string | null;
  releasedAt: string | null;
};

const PAGE_SIZE = 10;

/** The actor's own released evaluations, latest period first (paged). */
export function myReleasedEvaluations(actor: Actor, requestedPage = 1): Page<MyEvaluationRow> {
  authorize(actor, "self.read", { type: "person", id: actor.id });
  const db = getDb();
  const where = and(eq(evaluations.personId, actor.id), inArray(evaluations.status, [...RELEASED_STATUSES]), evaluationsCondition(actor));
  const total = db.select({ n: count() }).from(evaluations).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, requestedPage, PAGE_SIZE);
  const rows = db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      status: evaluations.status,
      periodStart: evaluations.periodStart,
      periodEnd: evaluations.periodEnd,
      authorName: people.name,
      releasedAt: evaluations.releasedAt,
    })
    .from(evaluations)
    .leftJoin(people, eq(people.id, evaluations.authorId))
    .where(where)
    .orderBy(desc(evaluations.periodEnd), desc(evaluations.id))
    .limit(PAGE_SIZE)
    .offset(offset)
    .all();
  return { rows, total, page, pageCount, pageSize: PAGE_SIZE };
}
