import "server-only";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DB } from "@/db/client";
import { people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { peopleScope } from "@/lib/auth/policy";

export type Audience = { everyone: boolean; roleIds: number[]; teamIds: number[]; personIds: number[] };

export function isEmptyAudience(a: Audience): boolean {
  return !a.everyone && !a.roleIds.length && !a.teamIds.length && !a.personIds.length;
}

/** The SQL condition for the people an audience names (any of its parts). */
export function audienceCondition(a: Audience): SQL {
  if (a.everyone) return sql`1 = 1`;
  const parts = [
    a.roleIds.length ? inArray(people.jobRoleId, a.roleIds) : undefined,
    a.teamIds.length ? inArray(people.teamId, a.teamIds) : undefined,
    a.personIds.length ? inArray(people.id, a.personIds) : undefined,
  ].filter((p): p is SQL => Boolean(p));
  return parts.length ? or(...parts)! : sql`0 = 1`;
}

/**
 * The active people an audience reaches, narrowed to those the author may address (a manager's
 * teams; HR everyone). One query.
 */
export function resolveAudience(db: Pick<DB, "select">, author: Actor, a: Audience): number[] {
  return db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), audienceCondition(a), peopleScope(author)))
    .all()
    .map((r) => r.id);
}
