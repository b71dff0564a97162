import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { jobRoles, onboardingItems, onboardings, people, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, owedItemsCondition, plansScope, supportedPlansCondition, teamsScope } from "@/lib/auth/policy";
import { todayIso } from "@/lib/core/dates";
import { containsText } from "@/lib/core/like";
import { pageOf, type Page } from "@/lib/core/pagination";
import type { PlanRow } from "@/lib/onboarding/plans";
import type { Assignee } from "@/lib/onboarding/vocabulary";
import { allUntilChange, getUntilChange } from "@/lib/core/versioned-cache";
import { cappedCount } from "@/lib/core/capped-count";
import { searchTeamsIn, type TeamChoice } from "@/lib/org/team-filter";

export type OwedItem = {
  id: number;
  planId: number;
  title: string;
  description: string;
  genKey: string | null;
  genParams: string | null;
  edited: boolean;
  assignee: Assignee;
  dueDate: string;
  overdue: boolean;
  hireName: string;
};

/** Open items on open plans, joined to their plan: the base of every "who owes what" list. */
export function openItemsWhere(condition: ReturnType<typeof and>) {
  return and(eq(onboardings.status, "open"), isNull(onboardingItems.doneAt), condition);
}

/** What a plan item's words are made of: shown as stored, or in the reader's language (phrases.ts itemText). */
export const itemTextColumns = {
  title: onboardingItems.title,
  description: onboardingItems.description,
  genKey: onboardingItems.genKey,
  genParams: onboardingItems.genParams,
  edited: onboardingItems.edited,
};

/** One page of "My onboarding tasks": small, so the page weighs about the same at any size of organisation (issue 15). */
export const TASKS_PAGE_SIZE = 10;

/** The open items the actor owes as buddy, manager or HR, overdue first, one page at a time. */
export function myOnboardingTasks(actor: Actor, opts: { page?: number } = {}, today = todayIso()): Page<OwedItem> {
  authorize(actor, "onboarding.participate");
  const db = getDb();
  const hire = alias(people, "hire");
  const where = openItemsWhere(owedItemsCondition(actor));
  // Counted and read once until something is written.
  const total = getUntilChange(db.select({ n: count() }).from(onboardingItems).innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId)).where(where))?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, TASKS_PAGE_SIZE);
  const rows = allUntilChange(
    db
      .select({
        id: onboardingItems.id,
        planId: onboardings.id,
        ...itemTextColumns,
        assignee: onboardingItems.assignee,
        dueDate: onboardingItems.dueDate,
        hireName: hire.name,
      })
      .from(onboardingItems)
      .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
      .innerJoin(hire, eq(hire.id, onboardings.personId))
      .where(where)
      .orderBy(sql`case when ${onboardingItems.dueDate} < ${today} then 0 else 1 end`, asc(onboardingItems.dueDate), asc(onboardingItems.id))
      .limit(TASKS_PAGE_SIZE)
      .offset(offset),
  ).map((i) => ({ ...i, overdue: i.dueDate < today }));
  return { rows, total, page, pageCount, pageSize: TASKS_PAGE_SIZE };
}

/** How many open items the actor owes as buddy, manager or HR (for the navigation). */
export function onboardingDutyCount(actor: Actor): number {
  authorize(actor, "onboarding.participate");
  return cappedCount(
    getDb()
      .select({ one: sql`1` })
      .from(onboardingItems)
      .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
      .where(openItemsWhere(owedItemsCondition(actor))),
  );
}

export type OverviewRow = {
  id: number;
  personName: string;
  roleTitle: string | null;
  teamName: string | null;
  kind: PlanRow["kind"];
  status: PlanRow["status"];
  startDate: string;
  buddyName: string | null;
  done: number;
  total: number;
  overdue: number;
};

/** One page of the overview: small, so the page weighs about the same at any size of organisation (issue 15). */
export const OVERVIEW_PAGE_SIZE = 10;

/**
 * Every onboarding in the actor's scope, a page at a time, with % done and overdue counts; filter by
 * team and status. The counts come from onboarding_items_progress_idx alone (a covering index).
 */
export function onboardingOverview(
  actor: Actor,
  opts: { teamId?: number; teamName?: string; status?: "open" | "closed" | "all"; page?: number } = {},
  today = todayIso(),
): Page<OverviewRow> {
  authorize(actor, "onboarding.manage", { type: "onboarding" });
  const db = getDb();
  const buddy = alias(people, "buddy");
  const stats = db
    .select({
      onboardingId: onboardingItems.onboardingId,
      total: count().as("total"),
      done: sql<number>`sum(case when ${onboardingItems.doneAt} is not null then 1 else 0 end)`.as("done"),
      overdue: sql<number>`sum(case when ${onboardingItems.doneAt} is null and ${onboardingItems.dueDate} < ${today} then 1 else 0 end)`.as("overdue"),
    })
    .from(onboardingItems)
    .groupBy(onboardingItems.onboardingId)
    .as("stats");
  const where = and(
    plansScope(actor),
    opts.teamId ? eq(people.teamId, opts.teamId) : undefined,
    opts.teamName ? inArray(people.teamId, db.select({ id: teams.id }).from(teams).where(containsText(teams.name, opts.teamName))) : undefined,
    opts.status && opts.status !== "all" ? eq(onboardings.status, opts.status) : opts.status === "all" ? undefined : eq(onboardings.status, "open"),
  );
  // Counted and read once until something is written (every plan's progress is summed to sort by overdue).
  const total = getUntilChange(db.select({ n: count() }).from(onboardings).innerJoin(people, eq(people.id, onboardings.personId)).where(where))?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, OVERVIEW_PAGE_SIZE);
  const rows = allUntilChange(
    db
      .select({
        id: onboardings.id,
        personName: people.name,
        roleTitle: jobRoles.title,
        teamName: teams.name,
        kind: onboardings.kind,
        status: onboardings.status,
        startDate: onboardings.startDate,
        buddyName: buddy.name,
        done: stats.done,
        total: stats.total,
        overdue: stats.overdue,
      })
      .from(onboardings)
      .innerJoin(people, eq(people.id, onboardings.personId))
      .leftJoin(jobRoles, eq(jobRoles.id, onboardings.jobRoleId))
      .leftJoin(teams, eq(teams.id, people.teamId))
      .leftJoin(buddy, eq(buddy.id, onboardings.buddyId))
      .leftJoin(stats, eq(stats.onboardingId, onboardings.id))
      .where(where)
      .orderBy(desc(sql`coalesce(${stats.overdue}, 0)`), asc(onboardings.startDate))
      .limit(OVERVIEW_PAGE_SIZE)
      .offset(offset),
  ).map((r) => ({ ...r, done: Number(r.done ?? 0), total: Number(r.total ?? 0), overdue: Number(r.overdue ?? 0) }));
  return { rows, total, page, pageCount, pageSize: OVERVIEW_PAGE_SIZE };
}

/** Teams for the overview's filter: HR every team, a manager the teams they manage (the first `limit` by name). */
export function teamOptions(actor: Actor, limit = 500) {
  authorize(actor, "teams.read", { type: "team" });
  return getDb().select({ id: teams.id, name: teams.name }).from(teams).where(teamsScope(actor)).orderBy(teams.name).limit(limit).all();
}

/** The overview's team search, when the teams are too many to list (at most 20 of those teams). */
export function searchOnboardingTeams(actor: Actor, text: string): TeamChoice[] {
  authorize(actor, "teams.read", { type: "team" });
  return searchTeamsIn(teamsScope(actor), text);
}

/** One of those teams by id (the filter's current choice), else null. */
export function onboardingTeam(actor: Actor, teamId: number): TeamChoice | null {
  authorize(actor, "teams.read", { type: "team" });
  return getDb().select({ id: teams.id, name: teams.name }).from(teams).where(and(teamsScope(actor), eq(teams.id, teamId))).get() ?? null;
}

/** Whether any open plan names the actor as buddy or manager (one indexed row, for the navigation). */
export function supportsOpenPlan(actor: Actor): boolean {
  authorize(actor, "onboarding.participate");
  return Boolean(
    getDb()
      .select({ id: onboardings.id })
      .from(onboardings)
      .where(and(eq(onboardings.status, "open"), supportedPlansCondition(actor)))
      .limit(1)
      .get(),
  );
}

export type SupportedPlan = { id: number; hireName: string; startDate: string; asBuddy: boolean; asManager: boolean };

/** One page of the plans the actor supports ("My onboarding tasks"). */
export const SUPPORTED_PLANS_PAGE_SIZE = 10;

/** Open plans that name the actor as buddy or manager, newest start first, a page at a time. */
export function supportedPlansPage(actor: Actor, opts: { page?: number } = {}): Page<SupportedPlan> {
  authorize(actor, "onboarding.participate");
  const db = getDb();
  const hire = alias(people, "hire");
  const where = and(eq(onboardings.status, "open"), supportedPlansCondition(actor));
  const total = db.select({ n: count() }).from(onboardings).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, opts.page, SUPPORTED_PLANS_PAGE_SIZE);
  const rows = db
    .select({ id: onboardings.id, hireName: hire.name, startDate: onboardings.startDate, buddyId: onboardings.buddyId, managerId: onboardings.managerId })
    .from(onboardings)
    .innerJoin(hire, eq(hire.id, onboardings.personId))
    .where(where)
    .orderBy(desc(onboardings.startDate), desc(onboardings.id))
    .limit(SUPPORTED_PLANS_PAGE_SIZE)
    .offset(offset)
    .all()
    .map(({ buddyId, managerId, ...p }) => ({ ...p, asBuddy: buddyId === actor.id, asManager: managerId === actor.id }));
  return { rows, total, page, pageCount, pageSize: SUPPORTED_PLANS_PAGE_SIZE };
}

/** The first page of {@link supportedPlansPage}. */
export function plansISupport(actor: Actor): SupportedPlan[] {
  return supportedPlansPage(actor).rows;
}
