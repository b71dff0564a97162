import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, preparedQuery } from "@/db/client";
import { people } from "@/db/schema";
import { authorize, can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { FieldError } from "@/lib/core/errors";
import { organisationTimeZone } from "@/lib/org/settings";
import { isTimeZone } from "@/lib/org/zones";

/** Read on most requests (the zone times are shown in): built once (db/client.ts `preparedQuery`). */
const ownZone = preparedQuery((db) =>
  db
    .select({ timeZone: people.timeZone })
    .from(people)
    .where(eq(people.id, sql.placeholder("id")))
    .prepare(),
);

/** The person's own time zone preference, or "" when they follow the organisation's. */
export function ownTimeZone(actor: Actor): string {
  authorize(actor, "self.read", { type: "person", id: actor.id });
  return ownZone().get({ id: actor.id })?.timeZone ?? "";
}

/**
 * The zone times are shown in: the signed-in person's own choice, else the organisation's (also for
 * visitors who are not signed in).
 */
export function displayTimeZone(actor: Actor | null): string {
  const own = actor && can(actor, "self.read") ? ownTimeZone(actor) : "";
  return own && isTimeZone(own) ? own : organisationTimeZone();
}

/** Anyone may choose the zone they see times in ("" = the organisation's), like their language. */
export function setOwnTimeZone(actor: Actor, timeZone: string): void {
  authorize(actor, "self.updateLocale", { type: "person", id: actor.id });
  const zone = timeZone.trim();
  if (zone && !isTimeZone(zone)) throw new FieldError({ timeZone: "invalidTimeZone" });
  getDb()
    .update(people)
    .set({ timeZone: zone || null, updatedAt: new Date().toISOString() })
    .where(eq(people.id, actor.id))
    .run();
}
