import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { evaluationRatings, evaluations, jobRoles, people, ratingLevels, roleVersions } from "@/db/schema";
import { criterionKeys, freezeCriteria } from "@/lib/evaluations/criteria";
import type { EvaluationStatus } from "@/lib/evaluations/vocabulary";
import { parseRoleDoc } from "@/lib/roles/doc";

/**
 * Test fixture: an evaluation of `personEmail` by `authorEmail`, frozen from the person's current
 * role version, every criterion rated "meets" with a comment, one strength and one improvement,
 * written straight to the database in the given status (no rules checked: for tests of what
 * comes after). Returns its id.
 */
export function insertEvaluation(opts: {
  personEmail: string;
  authorEmail: string;
  status?: EvaluationStatus;
  periodStart?: string;
  periodEnd?: string;
  escalatedToEmail?: string;
}): number {
  const db = getDb();
  const id = (email: string) => db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
  const personId = id(opts.personEmail);
  const person = db.select({ jobRoleId: people.jobRoleId }).from(people).where(eq(people.id, personId)).get()!;
  const version = db
    .select({ id: roleVersions.id, number: roleVersions.number, content: roleVersions.content, jobRoleId: roleVersions.jobRoleId })
    .from(roleVersions)
    .innerJoin(jobRoles, and(eq(jobRoles.id, roleVersions.jobRoleId), eq(jobRoles.currentVersion, roleVersions.number)))
    .where(eq(roleVersions.jobRoleId, person.jobRoleId!))
    .get()!;
  const criteria = freezeCriteria(parseRoleDoc(version.content), version.number);
  const status = opts.status ?? "draft";
  const now = new Date().toISOString();
  const released = !["draft", "self_assessment"].includes(status);
  const row = db
    .insert(evaluations)
    .values({
      personId,
      authorId: id(opts.authorEmail),
      jobRoleId: version.jobRoleId,
      roleVersionId: version.id,
      kind: "periodic",
      periodStart: opts.periodStart ?? "2025-12-01",
      periodEnd: opts.periodEnd ?? "2026-11-30",
      criteria: JSON.stringify(criteria),
      status,
      summary: "A steady year.",
      strengths: JSON.stringify(["Calm with customers"]),
      improvements: JSON.stringify(["Write job cards sooner"]),
      privateNote: "Private: discuss the promotion next spring.",
      releasedAt: released ? now : null,
      escalatedToId: opts.escalatedToEmail ? id(opts.escalatedToEmail) : null,
      escalatedAt: opts.escalatedToEmail ? now : null,
      closedAt: status === "closed" ? now : null,
    })
    .returning({ id: evaluations.id })
    .get();
  const meets = db.select({ id: ratingLevels.id }).from(ratingLevels).where(eq(ratingLevels.code, "meets")).get()!.id;
  const keys = [...criterionKeys(criteria)];
  if (keys.length)
    db.insert(evaluationRatings)
      .values(keys.map(([criterionKey, responsibilityKey]) => ({ evaluationId: row.id, source: "author" as const, criterionKey, responsibilityKey, levelId: meets, comment: "Meets the standard." })))
      .run();
  return row.id;
}
