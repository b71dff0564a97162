import "server-only";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { courseCapabilities, onboardingItems, trainingAssignments } from "@/db/schema";
import type { Tx } from "@/lib/roles/documents";

/**
 * Evidence closes the training that stood for the gap (issue 11, point 7): inside the transaction
 * that adds evidence for `capabilityKeys` (or passes the quiz of `courseId`), every open assignment
 * of the person for one of those capabilities, for a course that builds one of them, or for that
 * course, becomes done, and the onboarding item that stood for it is ticked. Returns the ids closed.
 */
export function closeTrainingFor(tx: Tx, input: { personId: number; capabilityKeys: readonly string[]; courseId?: number; actorId: number; now: string }): number[] {
  const keys = [...new Set(input.capabilityKeys)];
  const buildsOne = tx.select({ id: courseCapabilities.courseId }).from(courseCapabilities).where(inArray(courseCapabilities.capabilityKey, keys.length ? keys : [""]));
  const open = tx
    .select({ id: trainingAssignments.id, itemId: trainingAssignments.onboardingItemId })
    .from(trainingAssignments)
    .where(
      and(
        eq(trainingAssignments.personId, input.personId),
        eq(trainingAssignments.status, "open"),
        or(
          keys.length ? inArray(trainingAssignments.capabilityKey, keys) : undefined,
          keys.length ? and(isNull(trainingAssignments.capabilityKey), inArray(trainingAssignments.courseId, buildsOne)) : undefined,
          input.courseId !== undefined ? eq(trainingAssignments.courseId, input.courseId) : undefined,
        ),
      ),
    )
    .all();
  if (open.length === 0) return [];
  const ids = open.map((a) => a.id);
  tx.update(trainingAssignments).set({ status: "done", doneAt: input.now }).where(inArray(trainingAssignments.id, ids)).run();
  const items = open.map((a) => a.itemId).filter((x): x is number => x !== null);
  if (items.length) {
    tx.update(onboardingItems)
      .set({ doneAt: input.now, doneById: input.actorId })
      .where(and(inArray(onboardingItems.id, items), isNull(onboardingItems.doneAt)))
      .run();
  }
  return ids;
}
