import "server-only";
import { and, isNull, max, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, ownRows } from "@/lib/auth/policy";
import { cappedCount } from "@/lib/core/capped-count";

/**
 * The live notification centre's poll (issue 12, point 4): the actor's unread count and newest
 * notification id, so the bell can tell something changed and refresh the page. Own rows only;
 * one indexed query.
 */
export function liveNotificationState(actor: Actor): { unread: number; latestId: number } {
  authorize(actor, "notifications.read");
  const db = getDb();
  const row = db.select({ latestId: max(notifications.id) }).from(notifications).where(ownRows(notifications.personId, actor)).get();
  const unread = cappedCount(db.select({ one: sql`1` }).from(notifications).where(and(ownRows(notifications.personId, actor), isNull(notifications.readAt))));
  return { unread, latestId: row?.latestId ?? 0 };
}
