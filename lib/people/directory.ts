import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { jobRoles, people, teams, type AppRole, type Locale } from "@/db/schema";
import { authorize, peopleScope, personNotVisible } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageOf, type Page } from "@/lib/core/pagination";
import { foldForSearch } from "@/lib/core/search-text";
import { allUntilChange, getUntilChange } from "@/lib/core/versioned-cache";
import { containsText } from "@/lib/core/like";

export const PEOPLE_PAGE_SIZE = 20;

const manager = alias(people, "manager");

const summaryColumns = {
  id: people.id,
  name: people.name,
  email: people.email,
  appRole: people.appRole,
  active: people.active,
  startDate: people.startDate,
  jobRoleId: people.jobRoleId,
  jobRoleTitle: jobRoles.title,
  jobRoleSlug: jobRoles.slug,
  teamId: people.teamId,
  teamName: teams.name,
  reportsToId: people.reportsToId,
  reportsToName: manager.name,
};

export type PersonSummary = {
  id: number;
  name: string;
  email: string;
  appRole: AppRole;
  active: boolean;
  startDate: string;
  jobRoleId: number | null;
  jobRoleTitle: string | null;
  jobRoleSlug: string | null;
  teamId: number | null;
  teamName: string | null;
  reportsToId: number | null;
  reportsToName: string | null;
};

/** Refuses (ForbiddenError) unless the actor may open the people directory at all. */
export function assertPeopleDirectory(actor: Actor): void {
  authorize(actor, "people.read", { type: "person" });
}

/** People the actor may see, searchable by name or email, one page at a time. */
export function listPeople(
  actor: Actor,
  opts: { q?: string; page?: number; status?: "active" | "inactive" | "all" } = {},
): Page<PersonSummary> {
  authorize(actor, "people.read", { type: "person" });
  const db = getDb();
  const q = opts.q?.trim();
  const where = and(
    peopleScope(actor),
    q ? containsText(people.searchText, foldForSearch(q)) : undefined,
    opts.status === "inactive" ? eq(people.active, false) : opts.status === "all" ? undefined : eq(people.active, true),
  );
  // Counted and read once until something is written (at 10,000 people the count alone is ~4 ms).
  const total = getUntilChange(db.select({ n: count() }).from(people).where(where))?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, PEOPLE_PAGE_SIZE);
  const rows = allUntilChange(
    db
      .select(summaryColumns)
      .from(people)
      .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
      .leftJoin(teams, eq(teams.id, people.teamId))
      .leftJoin(manager, eq(manager.id, people.reportsToId))
      .where(where)
      .orderBy(asc(people.name), asc(people.id))
      .limit(PEOPLE_PAGE_SIZE)
      .offset(offset),
  );
  return { rows, total, page, pageCount, pageSize: PEOPLE_PAGE_SIZE };
}

export type PersonDetail = PersonSummary & {
  phone: string | null;
  locale: Locale | null;
  revision: number;
  createdAt: string;
  reportsToEmail: string | null;
};

/**
 * One person's record, if the actor may see it. Out of scope is the same as absent: NotFoundError.
 */
export function getPerson(actor: Actor, id: number): PersonDetail {
  if (id !== actor.id) authorize(actor, "people.read", { type: "person", id });
  else authorize(actor, "self.read", { type: "person", id });
  const row = getDb()
    .select({
      ...summaryColumns,
      phone: people.phone,
      locale: people.locale,
      revision: people.revision,
      createdAt: people.createdAt,
      reportsToEmail: manager.email,
    })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .leftJoin(manager, eq(manager.id, people.reportsToId))
    .where(and(eq(people.id, id), id === actor.id ? undefined : peopleScope(actor)))
    .get();
  if (row) return row;
  throw personNotVisible(actor, id);
}

