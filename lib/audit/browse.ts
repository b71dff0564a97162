import "server-only";
import { and, count, desc, eq, gte, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { pageOf, type Page } from "@/lib/core/pagination";

/** HR reads the audit log. */
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
