import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { evaluationRatings, evaluations, jobRoles, people, roleVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, evaluationAccess, mayEvaluate, outOfScope, recordDenied } from "@/lib/auth/policy";
import { audit } from "@/lib/audit/log";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { EVALUATION_POINT_MAX, EVALUATION_POINTS_MAX, TEXT_MAX } from "@/lib/core/limits";
import { criterionKeys, freezeCriteria, parseCriteria, type FrozenCriteria } from "@/lib/evaluations/criteria";
import { visibleEvaluation } from "@/lib/evaluations/read";
import { ratingScale } from "@/lib/evaluations/scale";
import { EVALUATION_KINDS, RELEASED_STATUSES, type EvaluationKind, type EvaluationStatus } from "@/lib/evaluations/vocabulary";
import { notify } from "@/lib/notifications/notifications";
import { parseRoleDoc } from "@/lib/roles/doc";
import { cleanLines, dateInRange } from "@/lib/core/validation";

/**
 * Writing an evaluation: starting it (criteria frozen from the role version in force on the
 * period's last day), saving the draft (with conflict detection), the optional self-assessment,
 * and the release. Once released, nothing here changes it (corrections are addenda: respond.ts).
 *
 * The part of the state machine this file owns:
 *   (start) → draft ⇄ self_assessment (asked; the employee's submission returns it to draft)
 *   draft | self_assessment → released (every criterion rated, at least one strength and one improvement)
 *
 * Field-error values are message keys under "errors" (errors.evaluationWrite.*).
 */

const E = (key: string) => `evaluationWrite.${key}`;

export type StartInput = { personId: number; kind: EvaluationKind; periodStart: string; periodEnd: string };

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The role version in force on a day: the latest version of the role published on or before it,
 * else (a role first published later) the current one.
 */
function versionInForce(jobRoleId: number, day: string) {
  const db = getDb();
  const cols = { id: roleVersions.id, number: roleVersions.number, content: roleVersions.content };
  return (
    db
      .select(cols)
      .from(roleVersions)
      .where(and(eq(roleVersions.jobRoleId, jobRoleId), sql`substr(${roleVersions.publishedAt}, 1, 10) <= ${day}`))
      .orderBy(desc(roleVersions.number))
      .limit(1)
      .get() ??
    db
      .select(cols)
      .from(roleVersions)
      .innerJoin(jobRoles, and(eq(jobRoles.id, roleVersions.jobRoleId), eq(jobRoles.currentVersion, roleVersions.number)))
      .where(eq(roleVersions.jobRoleId, jobRoleId))
      .get()
  );
}

/**
 * Starts an evaluation of one person the actor may evaluate (`mayEvaluate`: their supervisor, a
 * manager of their team, or HR). Yourself: a field error; someone out of scope: not found.
 */
export function startEvaluation(actor: Actor, input: StartInput): { id: number } {
  authorize(actor, "evaluations.write", { type: "evaluation" });
  if (input.personId === actor.id) throw new FieldError({ personId: E("self") });
  if (!mayEvaluate(actor, input.personId)) {
    const exists = getDb().select({ id: people.id }).from(people).where(eq(people.id, input.personId)).get();
    throw exists ? outOfScope(actor, { type: "person", id: input.personId }, "mayEvaluate") : new NotFoundError("person");
  }
  const errors: Record<string, string> = {};
  if (!(EVALUATION_KINDS as readonly string[]).includes(input.kind)) errors.kind = "invalidChoice";
  if (!isoDay.test(input.periodStart) || Number.isNaN(Date.parse(input.periodStart))) errors.periodStart = "invalidDate";
  else if (!dateInRange(input.periodStart)) errors.periodStart = "dateOutOfRange";
  if (!isoDay.test(input.periodEnd) || Number.isNaN(Date.parse(input.periodEnd))) errors.periodEnd = "invalidDate";
  else if (!dateInRange(input.periodEnd)) errors.periodEnd = "dateOutOfRange";
  else if (!errors.periodStart && input.periodEnd < input.periodStart) errors.periodEnd = E("periodEndBeforeStart");
  const person = getDb().select({ jobRoleId: people.jobRoleId }).from(people).where(eq(people.id, input.personId)).get()!;
  const version = person.jobRoleId && !errors.periodEnd ? versionInForce(person.jobRoleId, input.periodEnd) : undefined;
  let criteria: FrozenCriteria | null = null;
  if (!person.jobRoleId) errors.personId = E("noJobRole");
  else if (version) {
    criteria = freezeCriteria(parseRoleDoc(version.content), version.number);
    if (!criteria.responsibilities.length) errors.personId = E("noCriteria");
  } else if (!errors.periodEnd) errors.personId = E("noCriteria");
  if (Object.keys(errors).length) throw new FieldError(errors);
  return getDb().transaction((tx) => {
    const row = tx
      .insert(evaluations)
      .values({
        personId: input.personId,
        authorId: actor.id,
        jobRoleId: person.jobRoleId,
        roleVersionId: version!.id,
        kind: input.kind,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        criteria: JSON.stringify(criteria),
      })
      .returning({ id: evaluations.id })
      .get();
    audit({ actorId: actor.id, action: "evaluation.start", entityType: "evaluation", entityId: row.id, detail: { personId: input.personId, kind: input.kind } }, tx);
    return { id: row.id };
  });
}

type Row = ReturnType<typeof visibleEvaluation>;

const isReleased = (status: EvaluationStatus) => (RELEASED_STATUSES as readonly string[]).includes(status);

/** The evaluation, for its author to change while it is not released; refusals are field errors on the form. */
function draftForAuthor(actor: Actor, id: number): Row {
  authorize(actor, "evaluations.write", { type: "evaluation", id });
  const row = visibleEvaluation(actor, id);
  if (isReleased(row.status)) throw new FieldError({ _form: E("released") });
  if (!evaluationAccess(actor, row).mayEditDraft) {
    recordDenied(actor, { type: "evaluation", id }, { rule: "mayEditDraft" });
    throw new FieldError({ _form: E("notAuthor") });
  }
  return row;
}

const ratingsInput = z.record(z.string().max(200), z.object({ levelId: z.number().int().positive().nullable(), comment: z.string().default("") }));

export const draftInputSchema = z.object({
  ratings: ratingsInput.default({}),
  summary: z.string().overwrite(cleanLines).default(""),
  strengths: z.array(z.string()).max(EVALUATION_POINTS_MAX).default([]),
  improvements: z.array(z.string()).max(EVALUATION_POINTS_MAX).default([]),
  privateNote: z.string().default(""),
});
export type DraftInput = z.input<typeof draftInputSchema>;

export const selfInputSchema = z.object({ ratings: ratingsInput.default({}), summary: z.string().overwrite(cleanLines).default("") });
export type SelfInput = z.input<typeof selfInputSchema>;

/**
 * Checks ratings against the frozen criteria and the scale: an unknown criterion key refuses the
 * whole input; a level not on the scale or a comment over the limit is an error next to that
 * criterion (`rating.<key>`, `comment.<key>`). With `complete`, every criterion must be rated.
 */
function checkRatings(criteria: FrozenCriteria, ratings: Record<string, { levelId: number | null; comment: string }>, errors: Record<string, string>, complete: boolean) {
  const keys = criterionKeys(criteria);
  if (Object.keys(ratings).some((k) => !keys.has(k))) throw new FieldError({ _form: E("unknownCriterion") });
  const levels = new Set(ratingScale().map((l) => l.id));
  for (const [key, r] of Object.entries(ratings)) {
    if (r.levelId !== null && !levels.has(r.levelId)) errors[`rating.${key}`] = E("notOnScale");
    if (r.comment.length > TEXT_MAX) errors[`comment.${key}`] = "textTooLong";
  }
  if (complete) for (const key of keys.keys()) if (!errors[`rating.${key}`] && ratings[key]?.levelId == null) errors[`rating.${key}`] = E("ratingRequired");
}

function parseOrField<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new FieldError({ _form: "invalid" });
  return parsed.data;
}

const cleanList = (items: string[]) => items.map((s) => s.trim()).filter(Boolean);

function ratingRows(evaluationId: number, criteria: FrozenCriteria, source: "author" | "self", ratings: Record<string, { levelId: number | null; comment: string }>) {
  const keys = criterionKeys(criteria);
  return Object.entries(ratings)
    .filter(([, r]) => r.levelId !== null || r.comment.trim())
    .map(([criterionKey, r]) => ({ evaluationId, source, criterionKey, responsibilityKey: keys.get(criterionKey)!, levelId: r.levelId, comment: r.comment.trim() }));
}

/**
 * Saves the author's draft: ratings and comments per criterion, summary (Markdown), strengths and
 * improvements (short texts), the private note. `revision` is the one the form loaded; if someone
 * saved in between, nothing is written (ConflictError).
 */
export function saveDraft(actor: Actor, id: number, revision: number, input: DraftInput): { revision: number } {
  const row = draftForAuthor(actor, id);
  const draft = parseOrField(draftInputSchema, input);
  const criteria = parseCriteria(row.criteria);
  const errors: Record<string, string> = {};
  checkRatings(criteria, draft.ratings, errors, false);
  if (draft.summary.length > TEXT_MAX) errors.summary = "textTooLong";
  if (draft.privateNote.length > TEXT_MAX) errors.privateNote = "textTooLong";
  for (const list of ["strengths", "improvements"] as const)
    draft[list].forEach((s, i) => {
      if (s.trim().length > EVALUATION_POINT_MAX) errors[`${list}.${i}`] = E("pointTooLong");
    });
  if (Object.keys(errors).length) throw new FieldError(errors);
  return getDb().transaction((tx) => {
    const updated = tx
      .update(evaluations)
      .set({
        summary: draft.summary.trim(),
        strengths: JSON.stringify(cleanList(draft.strengths)),
        improvements: JSON.stringify(cleanList(draft.improvements)),
        privateNote: draft.privateNote.trim(),
        revision: revision + 1,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(evaluations.id, id), eq(evaluations.revision, revision), sql`${evaluations.status} in ('draft', 'self_assessment')`))
      .run();
    if (updated.changes === 0) throw new ConflictError();
    tx.delete(evaluationRatings).where(and(eq(evaluationRatings.evaluationId, id), eq(evaluationRatings.source, "author"))).run();
    const rows = ratingRows(id, criteria, "author", draft.ratings);
    if (rows.length) tx.insert(evaluationRatings).values(rows).run();
    return { revision: revision + 1 };
  });
}

/** The author asks the employee to assess themself first (once): the employee is notified and sees the self-assessment form. */
export function requestSelfAssessment(actor: Actor, id: number): void {
  const row = draftForAuthor(actor, id);
  if (row.status === "self_assessment") throw new FieldError({ _form: E("selfAlreadyAsked") });
  if (row.selfSubmittedAt) throw new FieldError({ _form: E("selfAlreadySubmitted") });
  getDb().transaction((tx) => {
    const now = new Date().toISOString();
    const res = tx
      .update(evaluations)
      .set({ status: "self_assessment", selfRequestedAt: now, updatedAt: now })
      .where(and(eq(evaluations.id, id), eq(evaluations.status, "draft")))
      .run();
    if (res.changes === 0) throw new ConflictError();
    notify(tx, [row.personId], "evaluation.selfRequested", { name: actor.name }, `/evaluations/${id}`);
    audit({ actorId: actor.id, action: "evaluation.self.request", entityType: "evaluation", entityId: id }, tx);
  });
}

/**
 * The employee submits their self-assessment: a rating (source "self") for every criterion, with
 * comments, and an overall comment. The evaluation returns to draft and the author is notified.
 */
export function submitSelfAssessment(actor: Actor, id: number, input: SelfInput): void {
  const row = visibleEvaluation(actor, id);
  if (isReleased(row.status)) throw new FieldError({ _form: E("released") });
  if (!evaluationAccess(actor, row).maySelfAssess) {
    recordDenied(actor, { type: "evaluation", id }, { rule: "maySelfAssess" });
    throw new FieldError({ _form: E("notAsked") });
  }
  const self = parseOrField(selfInputSchema, input);
  const criteria = parseCriteria(row.criteria);
  const errors: Record<string, string> = {};
  checkRatings(criteria, self.ratings, errors, true);
  if (self.summary.length > TEXT_MAX) errors.summary = "textTooLong";
  if (Object.keys(errors).length) throw new FieldError(errors);
  getDb().transaction((tx) => {
    const now = new Date().toISOString();
    const res = tx
      .update(evaluations)
      .set({ status: "draft", selfSubmittedAt: now, selfSummary: self.summary.trim(), updatedAt: now })
      .where(and(eq(evaluations.id, id), eq(evaluations.status, "self_assessment")))
      .run();
    if (res.changes === 0) throw new ConflictError();
    tx.delete(evaluationRatings).where(and(eq(evaluationRatings.evaluationId, id), eq(evaluationRatings.source, "self"))).run();
    const rows = ratingRows(id, criteria, "self", self.ratings);
    if (rows.length) tx.insert(evaluationRatings).values(rows).run();
    if (row.authorId) notify(tx, [row.authorId], "evaluation.selfSubmitted", { name: actor.name }, `/evaluations/${id}`);
    audit({ actorId: actor.id, action: "evaluation.self.submit", entityType: "evaluation", entityId: id }, tx);
  });
}

/**
 * Releases the saved draft (the revision the author saw): every criterion rated, at least one
 * strength and one improvement. The employee is notified; from now on the content is frozen.
 * Releasing while a self-assessment is still awaited is allowed (it is optional): the request lapses.
 */
export function releaseEvaluation(actor: Actor, id: number, revision: number): void {
  const row = draftForAuthor(actor, id);
  if (row.revision !== revision) throw new ConflictError();
  const criteria = parseCriteria(row.criteria);
  const ratings = Object.fromEntries(
    getDb()
      .select({ criterionKey: evaluationRatings.criterionKey, levelId: evaluationRatings.levelId, comment: evaluationRatings.comment })
      .from(evaluationRatings)
      .where(and(eq(evaluationRatings.evaluationId, id), eq(evaluationRatings.source, "author")))
      .all()
      .map((r) => [r.criterionKey, { levelId: r.levelId, comment: r.comment }]),
  );
  const errors: Record<string, string> = {};
  checkRatings(criteria, ratings, errors, true);
  if (!(JSON.parse(row.strengths) as string[]).length) errors.strengths = E("strengthRequired");
  if (!(JSON.parse(row.improvements) as string[]).length) errors.improvements = E("improvementRequired");
  if (Object.keys(errors).length) throw new FieldError(errors);
  getDb().transaction((tx) => {
    const now = new Date().toISOString();
    const res = tx
      .update(evaluations)
      .set({ status: "released", releasedAt: now, revision: revision + 1, updatedAt: now })
      .where(and(eq(evaluations.id, id), eq(evaluations.revision, revision), sql`${evaluations.status} in ('draft', 'self_assessment')`))
      .run();
    if (res.changes === 0) throw new ConflictError();
    notify(tx, [row.personId], "evaluation.released", { name: actor.name }, `/evaluations/${id}`);
    audit({ actorId: actor.id, action: "evaluation.release", entityType: "evaluation", entityId: id }, tx);
  });
}
