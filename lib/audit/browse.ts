import "server-only";
import { and, count, desc, eq, gte, inArray, lte, sql, type SQL, notInArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { pageOf, type Page } from "@/lib/core/pagination";
import { SIGN_IN_ACTIONS, SIGN_IN_PREFIX, parseDetail, type AuditSubject } from "@/lib/audit/sentences";
import { auditSubjects, peopleMatching, personInScope } from "@/lib/audit/subjects";

/** HR reads the audit log. */
export const AUDIT_PAGE_SIZE = 50;
/** At most this many people come back from the Person filter's search. */
export const AUDIT_PEOPLE_SEARCH_LIMIT = 20;
/**
 * The count of matching entries stops this many pages past the page asked for: never an exact
 * count of the whole log per request (issue 15); beyond it the page says "more than N".
 */
export const AUDIT_COUNT_PAGES_AHEAD = 10;

export type AuditFilters = {
  personId?: number;
  /** Free text typed in the Person filter without picking someone: entries by anyone matching it. */
  personText?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  /** Sign-ins (auth.*) are hidden unless asked for. */
  signIns?: boolean;
  page?: number;
};

export type AuditRow = {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The parsed, non-secret detail. */
  detail: Record<string, unknown>;
  actorId: number | null;
  actorName: string | null;
  /** The record the entry is about, with a link when it still exists and the reader may see it. */
  subject: AuditSubject;
};

/**
 * The Person filter's search-as-you-type: at most 20 people in the reader's scope whose name or
 * email contains the text (active or not: former staff appear in the log too).
 */
export function searchAuditPeople(actor: Actor, text: string): { id: number; name: string; email: string }[] {
  authorize(actor, "audit.read", { type: "audit_log" });
  const q = text.trim().slice(0, 100);
  if (!q) return [];
  return peopleMatching(actor, q, AUDIT_PEOPLE_SEARCH_LIMIT);
}

/** The person a filter names, for the filter's initial text (null when out of scope or absent). */
export function auditPersonName(actor: Actor, id: number): { id: number; name: string; email: string } | null {
  authorize(actor, "audit.read", { type: "audit_log" });
  return personInScope(actor, id);
}

/**
 * HR browses the audit log, filtered by person, record and date (UTC days), newest first. `total`
 * is exact only when `totalExact`; otherwise at least that many entries match (the count stops
 * AUDIT_COUNT_PAGES_AHEAD pages past the page asked for).
 */
export function listAudit(actor: Actor, filters: AuditFilters): Page<AuditRow> & { totalExact: boolean } {
  authorize(actor, "audit.read", { type: "audit_log" });
  const db = getDb();
  let byPerson: SQL | undefined;
  if (filters.personId) byPerson = eq(auditLog.actorId, filters.personId);
  else if (filters.personText?.trim()) {
    const ids = peopleMatching(actor, filters.personText.trim().slice(0, 100), AUDIT_PEOPLE_SEARCH_LIMIT).map((p) => p.id);
    byPerson = ids.length ? inArray(auditLog.actorId, ids) : sql`0 = 1`;
  }
  const where = and(
    byPerson,
    filters.entityType ? eq(auditLog.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.from ? gte(auditLog.at, `${filters.from}T00:00:00.000Z`) : undefined,
    filters.to ? lte(auditLog.at, `${filters.to}T23:59:59.999Z`) : undefined,
    filters.signIns ? undefined : sql`${auditLog.action} not like ${`${SIGN_IN_PREFIX}%`}`,
    filters.signIns ? undefined : notInArray(auditLog.action, [...SIGN_IN_ACTIONS]),
  );
  const requested = filters.page && Number.isFinite(filters.page) ? Math.max(1, Math.floor(filters.page)) : 1;
  const cap = (requested - 1 + AUDIT_COUNT_PAGES_AHEAD) * AUDIT_PAGE_SIZE;
  const capped = db
    .select({ n: count() })
    .from(db.select({ id: auditLog.id }).from(auditLog).where(where).limit(cap + 1).as("capped"))
    .get()?.n ?? 0;
  const totalExact = capped <= cap;
  const total = Math.min(capped, cap);
  const { page, offset, pageCount } = pageOf(total, requested, AUDIT_PAGE_SIZE);
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
    .all()
    .map((r) => ({ ...r, detail: parseDetail(r.detail) }));
  const subjects = auditSubjects(actor, rows);
  return {
    rows: rows.map((r) => ({ ...r, subject: subjects(r) })),
    total,
    totalExact,
    page,
    pageCount,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

/**
 * Filter choices: the record types present (the Person filter searches instead of listing
 * everyone). One index seek per type (audit_entity_idx), not a scan of the whole log.
 */
export function auditFilterOptions(actor: Actor) {
  authorize(actor, "audit.read", { type: "audit_log" });
  const types = getDb().all<{ t: string }>(sql`
    with recursive types(t) as (
      select min(${auditLog.entityType}) from ${auditLog}
      union all
      select (select min(${auditLog.entityType}) from ${auditLog} where ${auditLog.entityType} > types.t) from types where types.t is not null
    )
    select t from types where t is not null`);
  return { entityTypes: types.map((r) => r.t) };
}
