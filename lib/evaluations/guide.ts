import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobRoles, people, roleVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import type { Page } from "@/lib/core/pagination";
import { freezeCriteria, type FrozenCriteria } from "@/lib/evaluations/criteria";
import { evaluationHistory, type HistoryRow } from "@/lib/evaluations/history";
import { ratingScale, type RatingLevel } from "@/lib/evaluations/scale";
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

export type MyEvaluationRow = HistoryRow;

/** The actor's own released evaluations, latest period first (paged): their history, as others in their chain see it. */
export function myReleasedEvaluations(actor: Actor, requestedPage = 1): Page<MyEvaluationRow> {
  authorize(actor, "self.read", { type: "person", id: actor.id });
  return evaluationHistory(actor, actor.id, { page: requestedPage });
}
