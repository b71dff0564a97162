import "server-only";
import { max, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, ownRows } from "@/lib/auth/policy";

/**
 * The live notification centre's poll (issue 12, point 4): the actor's unread count and newest
 * notification id, so the bell can tell something changed and refresh the page. Own rows only;
 * one indexed query.
 */
export function liveNotificationState(actor: Actor): { unread: number; latestId: number } {
  authorize(actor, "notifications.read");
  const row = getDb()
    .select({
      unread: sql<number>`coalesce(sum(case when ${notifications.readAt} is null then 1 else 0 end), 0)`,
      latestId: max(notifications.id),
    })
    .from(notifications)
    .where(ownRows(notifications.personId, actor))
    .get();
  return { unread: Number(row?.unread ?? 0), latestId: row?.latestId ?? 0 };
}
