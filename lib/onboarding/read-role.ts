import "server-only";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { onboardingItems, onboardings } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import type { Tx } from "@/lib/onboarding/items";

/**
 * The plan item "Read and answer your role description" (generated with this key). It is done when
 * the hire confirms they read and understood their role, never by a tick.
 */
export const READ_ROLE_GEN_KEY = "read-role";

export function isReadRoleItem(item: { genKey: string | null }): boolean {
  return item.genKey === READ_ROLE_GEN_KEY;
}

/**
 * The person confirmed they understood the current version of their role: their open plans for
 * that role get the read-role item done (a plan with nothing left closes, as with a tick).
 * Runs inside the transaction that records the confirmation.
 */
export function completeReadRoleItems(tx: Tx, personId: number, jobRoleId: number, at: string): void {
  const items = tx
    .select({ id: onboardingItems.id, planId: onboardingItems.onboardingId })
    .from(onboardingItems)
    .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
    .where(
      and(
        eq(onboardings.personId, personId),
        eq(onboardings.jobRoleId, jobRoleId),
        eq(onboardings.status, "open"),
        eq(onboardingItems.genKey, READ_ROLE_GEN_KEY),
        isNull(onboardingItems.doneAt),
      ),
    )
    .all();
  if (!items.length) return;
  tx.update(onboardingItems)
    .set({ doneAt: at, doneById: personId })
    .where(
      inArray(
        onboardingItems.id,
        items.map((i) => i.id),
      ),
    )
    .run();
  const planIds = [...new Set(items.map((i) => i.planId))];
  const left = tx
    .select({ planId: onboardingItems.onboardingId, n: count() })
    .from(onboardingItems)
    .where(and(inArray(onboardingItems.onboardingId, planIds), isNull(onboardingItems.doneAt)))
    .groupBy(onboardingItems.onboardingId)
    .all();
  for (const planId of planIds) {
    const closed = !left.some((l) => l.planId === planId && l.n > 0);
    if (closed)
      tx.update(onboardings)
        .set({ status: "closed", closedAt: at, revision: sql`${onboardings.revision} + 1` })
        .where(eq(onboardings.id, planId))
        .run();
    const itemId = items.find((i) => i.planId === planId)!.id;
    audit({ actorId: personId, action: "onboarding.item.done", entityType: "onboarding", entityId: planId, detail: { itemId, closed, by: "role.understood" } }, tx);
  }
}
