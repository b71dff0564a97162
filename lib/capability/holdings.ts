import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { capabilityEvidence, courseCapabilities, trainingAssignments } from "@/db/schema";
import { cellState, holding, type Holding } from "@/lib/capability/validity";
import type { CellState } from "@/lib/capability/vocabulary";

/**
 * What people hold: their evidence per capability and the training open for them, in two queries
 * for any number of people. Callers narrow `personIds` to people the actor may see first.
 */
export type PersonCapability = { holding: Holding; inTraining: boolean; cell: CellState };

export function holdingsFor(personIds: readonly number[], capabilityKeys: readonly string[], today: string): Map<number, Map<string, PersonCapability>> {
  const result = new Map<number, Map<string, PersonCapability>>();
  const ids = [...new Set(personIds)];
  const keys = [...new Set(capabilityKeys)];
  if (ids.length === 0 || keys.length === 0) return result;
  const db = getDb();
  const evidence = db
    .select({ personId: capabilityEvidence.personId, key: capabilityEvidence.capabilityKey, validFrom: capabilityEvidence.validFrom, validUntil: capabilityEvidence.validUntil })
    .from(capabilityEvidence)
    .where(and(inArray(capabilityEvidence.personId, ids), inArray(capabilityEvidence.capabilityKey, keys)))
    .all();
  // Open training counts for the gap it was assigned for, and for every capability its course builds.
  const training = db
    .select({ personId: trainingAssignments.personId, key: trainingAssignments.capabilityKey, built: courseCapabilities.capabilityKey })
    .from(trainingAssignments)
    .leftJoin(courseCapabilities, eq(courseCapabilities.courseId, trainingAssignments.courseId))
    .where(and(inArray(trainingAssignments.personId, ids), eq(trainingAssignments.status, "open")))
    .all();
  const open = new Set<string>();
  for (const t of training) {
    if (t.key) open.add(`${t.personId}:${t.key}`);
    if (t.built) open.add(`${t.personId}:${t.built}`);
  }
  const byCell = new Map<string, { validFrom: string; validUntil: string | null }[]>();
  for (const e of evidence) {
    const k = `${e.personId}:${e.key}`;
    const list = byCell.get(k) ?? [];
    list.push(e);
    byCell.set(k, list);
  }
  for (const p of ids) {
    const row = new Map<string, PersonCapability>();
    for (const k of keys) {
      const h = holding(byCell.get(`${p}:${k}`) ?? [], today);
      const inTraining = open.has(`${p}:${k}`);
      row.set(k, { holding: h, inTraining, cell: cellState(h, inTraining) });
    }
    result.set(p, row);
  }
  return result;
}
