import "server-only";
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { capabilities, courseCapabilities, courses } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { likePattern } from "@/lib/capability/records";
import type { CapabilityKind } from "@/lib/capability/vocabulary";

/**
 * Reading capability records (issue 11): HR's list (capabilities.manage), one capability for anyone
 * signed in (what it is, which roles need it, which courses build it), and the search-as-you-type
 * behind the role editor's and the merge form's pickers.
 */

export const CAPABILITIES_PAGE_SIZE = 25;
/** Suggestions a picker shows at most. */
export const CAPABILITY_SUGGESTIONS = 10;
/** Courses listed on a capability's page at most. */
const COURSES_SHOWN = 50;

export type CapabilityStatusFilter = "current" | "merged" | "all";

export type CapabilityRow = {
  key: string;
  name: string;
  kind: CapabilityKind;
  validityMonths: number | null;
  mergedIntoKey: string | null;
  mergedIntoName: string | null;
};

const survivor = alias(capabilities, "survivor");

/** HR's list: search by name, filter by kind and status (current records, merged duplicates, all), one page at a time. */
export function listCapabilities(
  actor: Actor,
  opts: { q?: string; kind?: CapabilityKind; status?: CapabilityStatusFilter; page?: number } = {},
): Page<CapabilityRow> {
  authorize(actor, "capabilities.manage", { type: "capability" });
  const db = getDb();
  const q = opts.q?.trim();
  const status = opts.status ?? "current";
  const where = and(
    q ? sql`${capabilities.searchName} like ${likePattern(q)} escape '\\'` : undefined,
    opts.kind ? eq(capabilities.kind, opts.kind) : undefined,
    status === "current" ? isNull(capabilities.mergedIntoKey) : status === "merged" ? isNotNull(capabilities.mergedIntoKey) : undefined,
  );
  const total = db.select({ n: count() }).from(capabilities).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, CAPABILITIES_PAGE_SIZE);
  const rows = db
    .select({
      key: capabilities.key,
      name: capabilities.name,
      kind: capabilities.kind,
      validityMonths: capabilities.validityMonths,
      mergedIntoKey: capabilities.mergedIntoKey,
      mergedIntoName: survivor.name,
    })
    .from(capabilities)
    .leftJoin(survivor, eq(survivor.key, capabilities.mergedIntoKey))
    .where(where)
    .orderBy(asc(capabilities.searchName), asc(capabilities.key))
    .limit(CAPABILITIES_PAGE_SIZE)
    .offset(offset)
    .all();
  return { rows, total, page, pageCount, pageSize: CAPABILITIES_PAGE_SIZE };
}

export type CapabilityNeed = { roleSlug: string; roleTitle: string; responsibilities: { key: string; title: string }[] };
export type CapabilityCourse = { id: number; title: string; kind: CapabilityKind; estimatedMinutes: number };

export type CapabilityDetail = {
  key: string;
  name: string;
  kind: CapabilityKind;
  validityMonths: number | null;
  revision: number;
  /** Roles whose current published version needs it (under this key or a key merged into it), with the responsibilities. */
  roles: CapabilityNeed[];
  courses: CapabilityCourse[];
  /** Duplicates HR merged into it. */
  duplicates: { key: string; name: string }[];
  /** The reader may edit and merge it (the same permission the writes ask). */
  mayManage: boolean;
};

/**
 * One capability, for anyone who may read roles (everyone signed in). A duplicate HR merged away
 * answers with its survivor's key (the page redirects); an unknown key is not found.
 */
export function getCapability(actor: Actor, key: string): CapabilityDetail | { mergedInto: string } {
  authorize(actor, "roles.read", { type: "capability", id: key });
  const db = getDb();
  const row = db
    .select({
      key: capabilities.key,
      name: capabilities.name,
      kind: capabilities.kind,
      validityMonths: capabilities.validityMonths,
      revision: capabilities.revision,
      mergedIntoKey: capabilities.mergedIntoKey,
    })
    .from(capabilities)
    .where(eq(capabilities.key, key))
    .get();
  if (!row) throw new NotFoundError("capability");
  if (row.mergedIntoKey) return { mergedInto: row.mergedIntoKey };
  const duplicates = db
    .select({ key: capabilities.key, name: capabilities.name })
    .from(capabilities)
    .where(eq(capabilities.mergedIntoKey, key))
    .orderBy(asc(capabilities.searchName))
    .all();
  const keys = [key, ...duplicates.map((d) => d.key)];
  const needs = db.all<{ slug: string; title: string; rkey: string; rtitle: string }>(sql`
    select distinct jr.slug as slug, jr.title as title, json_extract(r.value, '$.key') as rkey, json_extract(r.value, '$.title') as rtitle, r.key as pos
    from job_roles jr
    join role_versions v on v.job_role_id = jr.id and v.number = jr.current_version,
      json_each(v.content, '$.responsibilities') r,
      json_each(r.value, '$.capabilities') c
    where json_extract(c.value, '$.key') in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )})
    order by jr.title, jr.id, r.key`);
  const roles: CapabilityNeed[] = [];
  for (const n of needs) {
    let role = roles.find((r) => r.roleSlug === n.slug);
    if (!role) roles.push((role = { roleSlug: n.slug, roleTitle: n.title, responsibilities: [] }));
    if (!role.responsibilities.some((r) => r.key === n.rkey)) role.responsibilities.push({ key: n.rkey, title: n.rtitle });
  }
  const built = db
    .select({ id: courses.id, title: courses.title, kind: courses.kind, estimatedMinutes: courses.estimatedMinutes })
    .from(courseCapabilities)
    .innerJoin(courses, eq(courses.id, courseCapabilities.courseId))
    .where(eq(courseCapabilities.capabilityKey, key))
    .orderBy(asc(courses.title), asc(courses.id))
    .limit(COURSES_SHOWN)
    .all();
  return {
    key: row.key,
    name: row.name,
    kind: row.kind,
    validityMonths: row.validityMonths,
    revision: row.revision,
    roles,
    courses: built,
    duplicates,
    mayManage: can(actor, "capabilities.manage"),
  };
}

export type CapabilitySuggestion = { key: string; name: string; kind: CapabilityKind };

/**
 * Current (not merged) capabilities whose name contains the text, at most CAPABILITY_SUGGESTIONS:
 * for whoever edits role descriptions (picking an existing capability shares its key across roles)
 * and for HR (choosing the survivor of a merge).
 */
export function searchCapabilities(actor: Actor, text: string, opts: { exclude?: readonly string[] } = {}): CapabilitySuggestion[] {
  if (!can(actor, "capabilities.manage")) authorize(actor, "roles.edit", { type: "capability" });
  const q = text.trim();
  if (!q) return [];
  const exclude = [...new Set(opts.exclude ?? [])];
  return getDb()
    .select({ key: capabilities.key, name: capabilities.name, kind: capabilities.kind })
    .from(capabilities)
    .where(
      and(
        isNull(capabilities.mergedIntoKey),
        sql`${capabilities.searchName} like ${likePattern(q)} escape '\\'`,
        exclude.length ? sql`${capabilities.key} not in (${sql.join(
          exclude.map((k) => sql`${k}`),
          sql`, `,
        )})` : undefined,
      ),
    )
    .orderBy(asc(capabilities.searchName), asc(capabilities.key))
    .limit(CAPABILITY_SUGGESTIONS)
    .all();
}

/** Names of these capabilities (for links and audit subjects), by key. One query. */
export function capabilityNames(keys: readonly string[]): Map<string, string> {
  const list = [...new Set(keys)];
  if (!list.length) return new Map();
  return new Map(
    getDb()
      .select({ key: capabilities.key, name: capabilities.name })
      .from(capabilities)
      .where(inArray(capabilities.key, list))
      .all()
      .map((r) => [r.key, r.name]),
  );
}
