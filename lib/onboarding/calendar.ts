import "server-only";
import { and, asc, eq, like, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { onboardingItems, onboardings, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, owedItemsCondition } from "@/lib/auth/policy";
import { itemTextColumns, openItemsWhere } from "@/lib/onboarding/lists";
import type { StoredItemText } from "@/lib/onboarding/phrases";
import { toIcs } from "@/lib/onboarding/rules";

/**
 * The public address event links point to: the APP_URL setting when there is one, else the host the
 * request came to (as the proxy reports it). Never a bare localhost when either is known.
 */
export function publicBaseUrl(appUrl: string | undefined, headers: Pick<Headers, "get">, fallbackOrigin: string): string {
  const configured = appUrl?.trim().replace(/\/+$/, "");
  if (configured) return configured;
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host")?.trim();
  if (!host) return fallbackOrigin;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim() || new URL(fallbackOrigin).protocol.replace(":", "");
  return `${proto}://${host}`;
}

/**
 * The actor's open onboarding items as an .ics file: everything they must do or attend on their own
 * plan (their items, the items done with the buddy watching, the check-ins), and what they owe as
 * buddy, manager or HR. UIDs are stable per item; generated items are worded for the reader.
 */
export function calendarFor(
  actor: Actor,
  baseUrl: string,
  labels: { forHire: (title: string, name: string) => string; text?: (item: StoredItemText) => { title: string; description: string } },
): string {
  authorize(actor, "onboarding.participate");
  const hire = alias(people, "hire");
  const own = and(
    eq(onboardings.personId, actor.id),
    or(eq(onboardingItems.assignee, "hire"), like(onboardingItems.genKey, "do:%"), like(onboardingItems.genKey, "checkin:%")),
  );
  const rows = getDb()
    .select({
      id: onboardingItems.id,
      planId: onboardings.id,
      ...itemTextColumns,
      dueDate: onboardingItems.dueDate,
      personId: onboardings.personId,
      hireName: hire.name,
    })
    .from(onboardingItems)
    .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
    .innerJoin(hire, eq(hire.id, onboardings.personId))
    .where(openItemsWhere(or(own, owedItemsCondition(actor))))
    .orderBy(asc(onboardingItems.dueDate))
    .limit(2000)
    .all();
  const base = baseUrl.replace(/\/+$/, "");
  return toIcs(
    rows.map((r) => {
      const { title, description } = labels.text ? labels.text(r) : r;
      return {
        uid: `onboarding-item-${r.id}@rolebook`,
        date: r.dueDate,
        summary: r.personId === actor.id ? title : labels.forHire(title, r.hireName),
        description,
        url: `${base}/onboarding/${r.planId}`,
      };
    }),
  );
}
