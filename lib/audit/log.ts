import "server-only";
import { getDb, type DB } from "@/db/client";
import { auditLog } from "@/db/schema";
import { batches } from "@/lib/core/batches";

type Tx = Pick<DB, "insert">;


export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /**
   * Non-secret details only: never passwords, hashes or tokens. A write that changes fields records
   * them as `{changes: {field: {from, to}}}` (the audit log shows old and new values).
   */
  detail?: Record<string, unknown>;
};

const SECRET_KEYS = /pass(word)?|hash|secret|token/i;

/** Drops secret-looking keys at any depth (a `changes.passwordHash` entry as much as a top-level one). */
function scrub(detail: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(detail)
      .filter(([k]) => !SECRET_KEYS.test(k))
      .map(([k, v]) => [k, v && typeof v === "object" && !Array.isArray(v) ? scrub(v as Record<string, unknown>) : v]),
  );
}

/** Writes one audit entry, inside the caller's transaction when one is given. */
export function audit(entry: AuditEntry, tx: Tx = getDb()): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      detail: JSON.stringify(scrub(entry.detail)),
      at: new Date().toISOString(),
    })
    .run();
}

/** Writes several audit entries, one insert per batch (inside the caller's transaction when one is given). */
export function auditEach(entries: AuditEntry[], tx: Tx = getDb()): void {
  if (entries.length === 0) return;
  const at = new Date().toISOString();
  for (const batch of batches(entries))
    tx.insert(auditLog)
      .values(
        batch.map((entry) => ({
          actorId: entry.actorId,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId == null ? null : String(entry.entityId),
          detail: JSON.stringify(scrub(entry.detail)),
          at,
        })),
      )
      .run();
}
