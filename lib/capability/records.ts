import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { capabilities } from "@/db/schema";
import type { Tx } from "@/lib/roles/documents";
import type { RoleDoc } from "@/lib/roles/doc";
import type { CapabilityKind } from "@/lib/capability/vocabulary";

/**
 * Capability records (issue 11): the key a role document gives a capability is the record's key.
 * Publishing a role creates records for keys it introduces; a duplicate HR merged away points at
 * its survivor (`merged_into_key`, kept one level deep by the merge), and every reader resolves keys
 * through `canonicalKeys` before it counts anything.
 */

export type CapabilityRecord = { key: string; name: string; kind: CapabilityKind; validityMonths: number | null };

/** Creates a record for every capability of the document that has none yet (inside the publish transaction). */
export function syncCapabilities(tx: Tx, doc: RoleDoc): void {
  const seen = new Map<string, { name: string; kind: CapabilityKind }>();
  for (const r of doc.responsibilities) for (const c of r.capabilities) if (!seen.has(c.key)) seen.set(c.key, { name: c.name, kind: c.kind });
  if (seen.size === 0) return;
  tx.insert(capabilities)
    .values([...seen].map(([key, c]) => ({ key, name: c.name, kind: c.kind, searchName: c.name.toLowerCase() })))
    .onConflictDoNothing()
    .run();
}

/** Each key → the key that counts (its survivor when HR merged it away; itself otherwise, also when it has no record). One query. */
export function canonicalKeys(keys: Iterable<string>, db: Pick<Tx, "select"> = getDb()): Map<string, string> {
  const list = [...new Set(keys)];
  const map = new Map(list.map((k) => [k, k]));
  if (list.length === 0) return map;
  const rows = db
    .select({ key: capabilities.key, into: capabilities.mergedIntoKey })
    .from(capabilities)
    .where(inArray(capabilities.key, list))
    .all();
  for (const r of rows) if (r.into) map.set(r.key, r.into);
  return map;
}

/** The records of these (canonical) keys, by key. One query. */
export function capabilityRecords(keys: Iterable<string>, db: Pick<Tx, "select"> = getDb()): Map<string, CapabilityRecord> {
  const list = [...new Set(keys)];
  if (list.length === 0) return new Map();
  const rows = db
    .select({ key: capabilities.key, name: capabilities.name, kind: capabilities.kind, validityMonths: capabilities.validityMonths })
    .from(capabilities)
    .where(inArray(capabilities.key, list))
    .all();
  return new Map(rows.map((r) => [r.key, r]));
}

/** Lower-cased LIKE pattern for a search box (wildcards in the query are literal). */
export function likePattern(q: string): string {
  return `%${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
