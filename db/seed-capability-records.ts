import { eq, inArray } from "drizzle-orm";
import { getDb } from "./client";
import * as schema from "./schema";
import { audit } from "../lib/audit/log";
import { mergeInto } from "../lib/capability/manage";

/** Capabilities whose evidence lapses (months), by name. */
const VALIDITY: Record<string, number> = {
  "Valid HV qualification for hybrid and electric work": 24,
  "Safe lift operation and manufacturer lifting points": 12,
  "Dangerous-goods packaging for batteries and airbags": 12,
  "Lift inspection and HV insulation tester": 12,
};

/**
 * Two role authors described the same capability in their own words: the Service Manager's
 * "Handling escalated, emotional complaints" is the Customer Care Agent's de-escalation. HR merged it.
 */
const DUPLICATE = { loser: "Handling escalated, emotional complaints", survivor: "Calming upset customers and de-escalation" };

/** Demo data for the capability tool (issue 11): records. Runs in the order of db/seed-capability.ts. */
export function seedCapabilityRecords(today: Date, personIds: Map<string, number>): void {
  void today;
  const db = getDb();
  const hr = personIds.get("hr@example.com") ?? null;
  db.transaction((tx) => {
    for (const [name, months] of Object.entries(VALIDITY))
      tx.update(schema.capabilities).set({ validityMonths: months }).where(eq(schema.capabilities.name, name)).run();
    const rows = tx
      .select({ key: schema.capabilities.key, name: schema.capabilities.name, revision: schema.capabilities.revision })
      .from(schema.capabilities)
      .where(inArray(schema.capabilities.name, [DUPLICATE.loser, DUPLICATE.survivor]))
      .all();
    const loser = rows.find((r) => r.name === DUPLICATE.loser);
    const survivor = rows.find((r) => r.name === DUPLICATE.survivor);
    if (!loser || !survivor) return;
    mergeInto(tx, loser, survivor.key, hr);
    audit({ actorId: hr, action: "capability.merge", entityType: "capability", entityId: survivor.key, detail: { from: loser.key, title: loser.name } }, tx);
  });
}
