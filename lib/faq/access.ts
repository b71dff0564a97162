import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { concernAddressees, concernAuthors, concerns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { concernAccess, concernsCondition, type ConcernAccess } from "@/lib/auth/confidence-policy";

/** The few columns of a concern the FAQ needs (never its author). */
export type SourceConcern = {
  id: string;
  anonymous: boolean;
  status: (typeof concerns.$inferSelect)["status"];
  jobRoleId: number | null;
  responsibilityKey: string | null;
  body: string;
  access: ConcernAccess;
};

/**
 * A concern the actor may see (`concernsCondition`), with what they may do with it (`concernAccess`);
 * undefined when it does not exist or is out of their reach. One query.
 */
export function visibleConcern(actor: Actor, concernId: string): SourceConcern | undefined {
  const row = getDb()
    .select({
      id: concerns.id,
      anonymous: concerns.anonymous,
      status: concerns.status,
      jobRoleId: concerns.jobRoleId,
      responsibilityKey: concerns.responsibilityKey,
      body: concerns.body,
      isAuthor: sql<number>`exists (select 1 from ${concernAuthors} where ${concernAuthors.concernId} = ${concerns.id} and ${concernAuthors.personId} = ${actor.id})`,
      isAddressee: sql<number>`exists (select 1 from ${concernAddressees} where ${concernAddressees.concernId} = ${concerns.id} and ${concernAddressees.personId} = ${actor.id})`,
    })
    .from(concerns)
    .where(and(eq(concerns.id, concernId), concernsCondition(actor)))
    .get();
  if (!row) return undefined;
  const { isAuthor, isAddressee, ...c } = row;
  return { ...c, access: concernAccess(actor, { status: c.status, jobRoleId: c.jobRoleId, isAuthor: Boolean(isAuthor), isAddressee: Boolean(isAddressee) }) };
}
