import { z } from "zod";
import type { RoleDoc } from "@/lib/roles/doc";

/**
 * What an evaluation rates, frozen from one published role version when it starts: per
 * responsibility, its criteria with "what good looks like". Stored as JSON on the evaluation, so a
 * later role change never alters an evaluation already written. Keys are the role document's
 * stable keys (responsibility and criterion), so ratings can be followed across evaluations.
 */
export const frozenCriteriaSchema = z.object({
  roleTitle: z.string(),
  versionNumber: z.number().int(),
  responsibilities: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      criteria: z.array(z.object({ key: z.string(), criterion: z.string(), good: z.string() })),
    }),
  ),
});
export type FrozenCriteria = z.output<typeof frozenCriteriaSchema>;

/** The criteria of a role document, as an evaluation freezes them (responsibilities without criteria are left out). */
export function freezeCriteria(doc: RoleDoc, versionNumber: number): FrozenCriteria {
  return {
    roleTitle: doc.title,
    versionNumber,
    responsibilities: doc.responsibilities
      .filter((r) => r.evaluation.length > 0)
      .map((r) => ({ key: r.key, title: r.title, criteria: r.evaluation.map((e) => ({ key: e.key, criterion: e.criterion, good: e.good })) })),
  };
}

export function parseCriteria(json: string): FrozenCriteria {
  return frozenCriteriaSchema.parse(JSON.parse(json));
}

/** Every criterion key with its responsibility's key. */
export function criterionKeys(c: FrozenCriteria): Map<string, string> {
  return new Map(c.responsibilities.flatMap((r) => r.criteria.map((k) => [k.key, r.key] as const)));
}
