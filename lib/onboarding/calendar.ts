import "server-only";
import { and, asc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { onboardingItems, onboardings, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, owedItemsCondition } from "@/lib/auth/policy";
import { openItemsWhere } from "@/lib/onboarding/lists";
import { toIcs } from "@/lib/onboarding/rules";

/**
 * The actor's open onboarding items as an .ics file: their own items as a hire, and what they owe
 * as buddy, manager or HR. UIDs are stable per item.
 */
export function calendarFor(actor: Actor, host: string, labels: { forHire: (title: string, name: string) => string }): string {
  authorize(actor, "onboarding.participate");
  const hire = alias(people, "hire");
  const rows = getDb()
    .select({ id: onboardingItems.id, planId: onboardings.id, title: onboardingItems.title, description: onboardingItems.description, dueDate: onboardingItems.dueDate, personId: onboardings.personId, hireName: hire.name, assignee: onboardingItems.assignee })
    .from(onboardingItems)
    .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
    .innerJoin(hire, eq(hire.id, onboardings.personId))
    .where(openItemsWhere(or(and(eq(onboardings.personId, actor.id), eq(onboardingItems.assignee, "hire")), owedItemsCondition(actor))))
    .orderBy(asc(onboardingItems.dueDate))
    .limit(2000)
    .all();
  return toIcs(
    rows.map((r) => ({
      uid: `onboarding-item-${r.id}@rolebook`,
      date: r.dueDate,
      summary: r.personId === actor.id ? r.title : labels.forHire(r.title, r.hireName),
      description: r.description,
      url: `${host}/onboarding/${r.planId}`,
    })),
  );
}
