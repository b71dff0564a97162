import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { acknowledgements, announcements, auditLog, jobRoles, onboardings, people, roleVersions, taskTransfers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can, mayTrackAnnouncement, plansScope } from "@/lib/auth/policy";
import { peopleScope } from "@/lib/auth/scope";
import { pageOf, type Page } from "@/lib/core/pagination";
import { foldForSearch } from "@/lib/core/search-text";
import { SIGN_IN_PREFIX, parseDetail, type AuditSubject } from "@/lib/audit/sentences";

/** HR reads the audit log. */
export const AUDIT_PAGE_SIZE = 50;
/** At most this many people come back from the Person filter's search. */
export const AUDIT_PEOPLE_SEARCH_LIMIT = 20;

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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function peopleMatching(actor: Actor, text: string, limit: number) {
  const pattern = `%${escapeLike(foldForSearch(text))}%`;
  return getDb()
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(peopleScope(actor), sql`${people.searchText} like ${pattern} escape '\\'`))
    .orderBy(asc(people.name), asc(people.id))
    .limit(limit)
    .all();
}

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
  return (
    getDb()
      .select({ id: people.id, name: people.name, email: people.email })
      .from(people)
      .where(and(eq(people.id, id), peopleScope(actor)))
      .get() ?? null
  );
}

/** HR browses the audit log, filtered by person, record and date (UTC days), newest first. */
export function listAudit(actor: Actor, filters: AuditFilters): Page<AuditRow> {
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
    .all()
    .map((r) => ({ ...r, detail: parseDetail(r.detail) }));
  const subjects = resolveSubjects(actor, rows);
  return {
    rows: rows.map((r) => ({ ...r, subject: subjects(r) })),
    total,
    page,
    pageCount,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

const numericIds = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v != null && /^[1-9][0-9]*$/.test(v)).map(Number))];

type Entry = { action: string; entityType: string; entityId: string | null; detail: Record<string, unknown> };

/**
 * Names and links for the records of one page of entries: one query per record type (never one per
 * entry), each narrowed to what the reader may see. A record that is gone or out of reach has no
 * name and no link.
 */
function resolveSubjects(actor: Actor, rows: Entry[]): (row: Entry) => AuditSubject {
  const db = getDb();
  const idsOf = (...types: string[]) => numericIds(rows.filter((r) => types.includes(r.entityType)).map((r) => r.entityId));

  const personIds = idsOf("person");
  const persons = new Map(
    personIds.length
      ? db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(inArray(people.id, personIds), peopleScope(actor)))
          .all()
          .map((p) => [p.id, p.name])
      : [],
  );
  const mayOpenPeople = can(actor, "people.read");

  const roleIds = idsOf("job_role", "role", "onboarding_template");
  const versionIds = idsOf("role_version");
  const slugs = [
    ...new Set(
      rows
        .filter((r) => r.entityType === "job_posting" || (r.entityType === "role_version" && r.entityId?.includes("@")))
        .map((r) => (r.entityId ?? "").split("@")[0])
        .filter(Boolean),
    ),
  ];
  const roleCols = { id: jobRoles.id, slug: jobRoles.slug, title: jobRoles.title };
  const rolesById = new Map(roleIds.length ? db.select(roleCols).from(jobRoles).where(inArray(jobRoles.id, roleIds)).all().map((r) => [r.id, r]) : []);
  const rolesBySlug = new Map(slugs.length ? db.select(roleCols).from(jobRoles).where(inArray(jobRoles.slug, slugs)).all().map((r) => [r.slug, r]) : []);
  const mayOpenRoles = can(actor, "roles.read");

  const acks = new Map(
    idsOf("acknowledgement").length
      ? db
          .select({
            id: acknowledgements.id,
            announcementId: acknowledgements.announcementId,
            roleVersionId: acknowledgements.roleVersionId,
          })
          .from(acknowledgements)
          .where(inArray(acknowledgements.id, idsOf("acknowledgement")))
          .all()
          .map((a) => [a.id, a])
      : [],
  );
  const transfers = new Map(
    idsOf("task_transfer").length
      ? db
          .select({ id: taskTransfers.id, title: taskTransfers.taskTitle, announcementId: taskTransfers.announcementId })
          .from(taskTransfers)
          .where(inArray(taskTransfers.id, idsOf("task_transfer")))
          .all()
          .map((t) => [t.id, t])
      : [],
  );
  const allVersionIds = [...new Set([...versionIds, ...[...acks.values()].map((a) => a.roleVersionId).filter((v): v is number => v != null)])];
  const versions = new Map(
    allVersionIds.length
      ? db
          .select({ id: roleVersions.id, number: roleVersions.number, slug: jobRoles.slug, title: jobRoles.title })
          .from(roleVersions)
          .innerJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
          .where(inArray(roleVersions.id, allVersionIds))
          .all()
          .map((v) => [v.id, v])
      : [],
  );
  const announcementIds = [
    ...new Set([
      ...idsOf("announcement"),
      ...[...acks.values()].map((a) => a.announcementId),
      ...[...transfers.values()].map((t) => t.announcementId),
    ].filter((v): v is number => v != null)),
  ];
  const anns = new Map(
    announcementIds.length
      ? db
          .select({ id: announcements.id, title: announcements.title, authorId: announcements.authorId })
          .from(announcements)
          .where(inArray(announcements.id, announcementIds))
          .all()
          .map((a) => [a.id, { ...a, href: can(actor, "announcements.read") && mayTrackAnnouncement(actor, a) ? `/announcements/${a.id}` : null }])
      : [],
  );
  const planIds = idsOf("onboarding");
  const plans = new Map(
    planIds.length
      ? db
          .select({ id: onboardings.id, name: people.name })
          .from(onboardings)
          .innerJoin(people, eq(people.id, onboardings.personId))
          .where(and(inArray(onboardings.id, planIds), plansScope(actor)))
          .all()
          .map((p) => [p.id, p.name])
      : [],
  );

  const versionSubject = (type: string, id: string | null, v: { slug: string; title: string; number: number } | undefined): AuditSubject =>
    v
      ? { kind: "version", type, id, name: v.title, version: v.number, href: mayOpenRoles ? `/roles/${v.slug}/versions/${v.number}` : null }
      : { kind: "version", type, id, name: null, href: null };

  return (row) => {
    const { entityType: type, entityId: id } = row;
    const n = id && /^[1-9][0-9]*$/.test(id) ? Number(id) : null;
    switch (type) {
      case "person": {
        const name = n != null ? persons.get(n) : undefined;
        return { kind: "person", type, id, name: name ?? null, href: name != null && mayOpenPeople ? `/people/${n}` : null };
      }
      case "job_role":
      case "role":
      case "onboarding_template":
      case "job_posting": {
        const role = type === "job_posting" ? rolesBySlug.get(id ?? "") : n != null ? rolesById.get(n) : undefined;
        if (!role) return { kind: "role", type, id, name: null, href: null };
        const version = row.action === "role.publish" && typeof row.detail.version === "number" ? row.detail.version : null;
        if (version != null) return versionSubject(type, id, { slug: role.slug, title: role.title, number: version });
        const onboardingPage = type === "onboarding_template" || row.action.startsWith("template.");
        return { kind: "role", type, id, name: role.title, href: mayOpenRoles ? `/roles/${role.slug}${onboardingPage ? "/onboarding" : ""}` : null };
      }
      case "role_version": {
        if (id?.includes("@")) {
          const [slug, number] = id.split("@");
          const role = rolesBySlug.get(slug);
          return versionSubject(type, id, role && /^[0-9]+$/.test(number) ? { ...role, number: Number(number) } : undefined);
        }
        return versionSubject(type, id, n != null ? versions.get(n) : undefined);
      }
      case "announcement": {
        const a = n != null ? anns.get(n) : undefined;
        return { kind: "announcement", type, id, name: a?.title ?? null, href: a?.href ?? null };
      }
      case "acknowledgement": {
        const ack = n != null ? acks.get(n) : undefined;
        if (ack?.announcementId != null) {
          const a = anns.get(ack.announcementId);
          return { kind: "announcement", type, id, name: a?.title ?? null, href: a?.href ?? null };
        }
        return versionSubject(type, id, ack?.roleVersionId != null ? versions.get(ack.roleVersionId) : undefined);
      }
      case "task_transfer": {
        const tr = n != null ? transfers.get(n) : undefined;
        const a = tr?.announcementId != null ? anns.get(tr.announcementId) : undefined;
        return { kind: "task", type, id, name: tr?.title ?? null, href: a?.href ?? null };
      }
      case "onboarding": {
        const name = n != null ? plans.get(n) : undefined;
        return { kind: "plan", type, id, name: name ?? null, href: name != null ? `/onboarding/${n}` : null };
      }
      case "organisation":
        return { kind: "organisation", type, id: null, name: null, href: null };
      default:
        return { kind: "record", type, id, name: null, href: null };
    }
  };
}

/** Filter choices: the record types present (the Person filter searches instead of listing everyone). */
export function auditFilterOptions(actor: Actor) {
  authorize(actor, "audit.read", { type: "audit_log" });
  return {
    entityTypes: getDb().selectDistinct({ t: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType).all().map((r) => r.t),
  };
}
