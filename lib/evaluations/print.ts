import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { evaluationEntries, evaluationRatings, evaluations, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { evaluationAccess, evaluationsCondition, outOfScope } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/core/errors";
import { parseCriteria } from "@/lib/evaluations/criteria";
import { ratingScale, type RatingLevel } from "@/lib/evaluations/scale";
import { RELEASED_STATUSES, type EntryKind, type EvaluationKind, type EvaluationStatus, type Outcome } from "@/lib/evaluations/vocabulary";
import { organisationSettings } from "@/lib/org/settings";

/** At most this many entries after release are printed (a thread is a handful; this only bounds the read). */
export const PRINT_ENTRIES_MAX = 500;

export type PrintCriterion = { key: string; criterion: string; good: string; level: RatingLevel | null; comment: string };

/** One evaluation as a printed copy shows it to this reader. */
export type EvaluationPrint = {
  id: number;
  organisationName: string;
  personId: number;
  personName: string;
  roleTitle: string;
  versionNumber: number;
  kind: EvaluationKind;
  status: EvaluationStatus;
  outcome: Outcome | null;
  released: boolean;
  periodStart: string;
  periodEnd: string;
  authorName: string | null;
  releasedAt: string | null;
  responsibilities: { key: string; title: string; criteria: PrintCriterion[] }[];
  summary: string;
  strengths: string[];
  improvements: string[];
  /** Null for the employee: the author's private note never reaches them. */
  privateNote: string | null;
  entries: { id: number; kind: EntryKind; authorName: string | null; body: string; createdAt: string }[];
};

const person = alias(people, "person");
const author = alias(people, "author");
const entryAuthor = alias(people, "entry_author");

/**
 * An evaluation for printing or the PDF, if the actor may read it (`evaluationsCondition`): the
 * employee only once it is released (a draft waiting for their self-assessment is not theirs to
 * read) and never the private note. Anything else is NotFoundError.
 */
export function evaluationForPrint(actor: Actor, id: number): EvaluationPrint {
  const db = getDb();
  const row = db
    .select({
      id: evaluations.id,
      personId: evaluations.personId,
      personName: person.name,
      authorId: evaluations.authorId,
      authorName: author.name,
      escalatedToId: evaluations.escalatedToId,
      kind: evaluations.kind,
      status: evaluations.status,
      outcome: evaluations.outcome,
      periodStart: evaluations.periodStart,
      periodEnd: evaluations.periodEnd,
      criteria: evaluations.criteria,
      summary: evaluations.summary,
      strengths: evaluations.strengths,
      improvements: evaluations.improvements,
      privateNote: evaluations.privateNote,
      releasedAt: evaluations.releasedAt,
    })
    .from(evaluations)
    .innerJoin(person, eq(person.id, evaluations.personId))
    .leftJoin(author, eq(author.id, evaluations.authorId))
    .where(and(eq(evaluations.id, id), evaluationsCondition(actor)))
    .get();
  if (!row) {
    const exists = db.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.id, id)).get();
    throw exists ? outOfScope(actor, { type: "evaluation", id }, "evaluationsCondition") : new NotFoundError("evaluation");
  }
  const access = evaluationAccess(actor, row);
  if (access.selfAssessOnly) throw outOfScope(actor, { type: "evaluation", id }, "evaluationAccess.selfAssessOnly");

  const scale = new Map(ratingScale().map((l) => [l.id, l]));
  const ratings = new Map(
    db
      .select({ criterionKey: evaluationRatings.criterionKey, levelId: evaluationRatings.levelId, comment: evaluationRatings.comment })
      .from(evaluationRatings)
      .where(and(eq(evaluationRatings.evaluationId, id), eq(evaluationRatings.source, "author")))
      .all()
      .map((r) => [r.criterionKey, r]),
  );
  const entries = db
    .select({ id: evaluationEntries.id, kind: evaluationEntries.kind, authorName: entryAuthor.name, body: evaluationEntries.body, createdAt: evaluationEntries.createdAt })
    .from(evaluationEntries)
    .leftJoin(entryAuthor, eq(entryAuthor.id, evaluationEntries.authorId))
    .where(eq(evaluationEntries.evaluationId, id))
    .orderBy(asc(evaluationEntries.createdAt), asc(evaluationEntries.id))
    .limit(PRINT_ENTRIES_MAX)
    .all();
  const criteria = parseCriteria(row.criteria);
  return {
    id: row.id,
    organisationName: organisationSettings().name,
    personId: row.personId,
    personName: row.personName,
    roleTitle: criteria.roleTitle,
    versionNumber: criteria.versionNumber,
    kind: row.kind,
    status: row.status,
    outcome: row.outcome,
    released: (RELEASED_STATUSES as readonly string[]).includes(row.status),
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    authorName: row.authorName,
    releasedAt: row.releasedAt,
    responsibilities: criteria.responsibilities.map((r) => ({
      key: r.key,
      title: r.title,
      criteria: r.criteria.map((c) => {
        const rating = ratings.get(c.key);
        return { ...c, level: rating?.levelId != null ? (scale.get(rating.levelId) ?? null) : null, comment: rating?.comment ?? "" };
      }),
    })),
    summary: row.summary,
    strengths: JSON.parse(row.strengths) as string[],
    improvements: JSON.parse(row.improvements) as string[],
    privateNote: access.seesPrivate ? row.privateNote : null,
    entries,
  };
}

/** The PDF's file name: evaluation-<person>-<periodEnd>.pdf, the name folded to safe ASCII. */
export function printFileName(ev: Pick<EvaluationPrint, "personName" | "periodEnd">): string {
  const name = ev.personName
    .replace(/ı/g, "i")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `evaluation-${name || "person"}-${ev.periodEnd}.pdf`;
}
