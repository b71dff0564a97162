import "server-only";
import { and, count, desc, eq, gte, lte } from "drizzle-orm";
import { getDb, type DB } from "@/db/client";
import { auditLog, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { pageOf, type Page } from "@/lib/core/pagination";

type Tx = Pick<DB, "insert">;

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /** Non-secret details only: never passwords, hashes or tokens. */
  detail?: Record<string, unknown>;
};

const SECRET_KEYS = /pass(word)?|hash|secret|token/i;

function scrub(detail: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(detail).filter(([k]) => !SECRET_KEYS.test(k)));
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

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { personId?: number; entityType?: string; entityId?: string; from?: string; to?: string; page?: number };

/** HR browses the audit log, filtered by person, record and date (UTC days), newest first. */
export function listAudit(actor: Actor, filters: AuditFilters): Page<AuditRow> {
  authorize(actor, "audit.read", { type: "audit_log" });
  const db = getDb();
  const where = and(
    filters.personId ? eq(auditLog.actorId, filters.personId) : undefined,
    filters.entityType ? eq(auditLog.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.from ? gte(auditLog.at, `${filters.from}T00:00:00.000Z`) : undefined,
    filters.to ? lte(auditLog.at, `${filters.to}T23:59:59.999Z`) : undefined,
  );
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, filters.page, AUDIT_PAGE_SIZE);
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      detail: auditLog.detail,
      actorId: auditLog.actorId,
      actorName: people.name,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset(offset)
    .all();
  return { rows, total, page, pageCount, pageSize: AUDIT_PAGE_SIZE };
}

export type AuditRow = {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  detail: string;
  actorId: number | null;
  actorName: string | null;
};

/** Filter choices: the record types present and the people who acted. */
export function auditFilterOptions(actor: Actor) {
  authorize(actor, "audit.read", { type: "audit_log" });
  const db = getDb();
  return {
    entityTypes: db.selectDistinct({ t: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType).all().map((r) => r.t),
    people: db.select({ id: people.id, name: people.name }).from(people).orderBy(people.name).all(),
  };
}
