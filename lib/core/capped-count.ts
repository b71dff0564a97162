import "server-only";
import { sql, type SQLWrapper } from "drizzle-orm";
import { getDb } from "@/db/client";

/**
 * A navigation badge counts at most this many rows and then says "99+" (issue 15): the count reads
 * LIMIT BADGE_CAP + 1 rows of its query, never a whole table.
 */
export const BADGE_CAP = 100;

/** How many rows `query` (a select of any one column) answers, counting at most BADGE_CAP + 1. */
export function cappedCount(query: { limit(limit: number): SQLWrapper }): number {
  return Number(getDb().get<{ n: number }>(sql`select count(*) as n from ${query.limit(BADGE_CAP + 1)}`)?.n ?? 0);
}

/** What a badge shows for a capped count: the number up to 99, else "99+". */
export function badgeLabel(n: number): string {
  return n > 99 ? "99+" : String(n);
}
