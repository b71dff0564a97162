import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobRoles, people, ratings, ratingTags, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ratingPeopleCondition } from "@/lib/auth/feedback-policy";
import { authorize } from "@/lib/auth/policy";
import { todayIso } from "@/lib/core/dates";
import { FieldError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { tagsOf } from "./my-ratings";
import { discloseRatings, type RatingAtom } from "./rating-groups";
import { RATING_MIN_GROUP, RATING_TAGS, type RatingTag } from "./vocabulary";

/*
 * Team ratings (issue 12, point 6): aggregates per person, team, role and standard over a chosen
 * period, for those who read the ratings of people below them (`ratingPeopleCondition`). A group is
 * shown only with at least RATING_MIN_GROUP ratings, and groups are hidden together where the page
 * would otherwise let a small one be worked out by subtraction (./rating-groups.ts). Recent comments
 * come with their tags, never with the stars or the customer's contact details; people are sorted
 * by name, never ranked.
 */

export const TEAM_PERIOD_DEFAULT_DAYS = 30;
export const TEAM_PERIOD_MAX_DAYS = 366;
export const TEAM_COMMENTS_PAGE_SIZE = 10;
/** The per-person and per-team tables show this many rows a page (a large organisation has thousands of people rated). */
export const TEAM_GROUPS_PAGE_SIZE = 25;

/** Why a group's numbers are not shown: too few ratings, or hidden so a smaller group stays private. */
export type Withheld = "few" | "protect";
export type GroupRow = { key: string; label: string; n: number | null; average: number | null; withheld: Withheld | null };
export type TeamRatings = {
  from: string;
  to: string;
  total: { n: number | null; average: number | null; withheld: Withheld | null };
  /** One page of the people, by name (`peoplePage`). */
  people: Page<GroupRow>;
  /** One page of the teams, by name (`teamsPage`). */
  teams: Page<GroupRow>;
  roles: GroupRow[];
  standards: (GroupRow & { tag: RatingTag })[];
};

export type PeriodInput = { from?: string; to?: string };
export type TeamRatingsInput = PeriodInput & { peoplePage?: number; teamsPage?: number };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
function shift(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The period asked for: both days valid, from ≤ to, at most a year; by default the last 30 days up to today. */
export function periodOf(input: PeriodInput, now = new Date()): { from: string; to: string } {
  const today = todayIso(now);
  const to = input.to || today;
  const from = input.from || shift(to, -(TEAM_PERIOD_DEFAULT_DAYS - 1));
  if (!validDay(from)) throw new FieldError({ from: "invalidDate" });
  if (!validDay(to)) throw new FieldError({ to: "invalidDate" });
  if (from > to) throw new FieldError({ to: "toBeforeFrom" });
  if (shift(from, TEAM_PERIOD_MAX_DAYS) < to) throw new FieldError({ to: "periodTooLong" });
  return { from, to };
}

const avg = (sum: number, n: number) => (n ? Math.round((sum / n) * 100) / 100 : null);

function scope(actor: Actor, from: string, to: string) {
  return and(ratingPeopleCondition(actor), gte(ratings.createdOn, from), lte(ratings.createdOn, to));
}

/**
 * One page of a table's rows. What is shown or hidden is decided over every group first (a hidden
 * group must stay hidden whichever page it lands on), so only the rows are paged, not the counting.
 */
export function pageOfRows(rows: GroupRow[], asked: number | undefined): Page<GroupRow> {
  const { page, pageCount, offset } = pageOf(rows.length, asked, TEAM_GROUPS_PAGE_SIZE);
  return { rows: rows.slice(offset, offset + TEAM_GROUPS_PAGE_SIZE), total: rows.length, page, pageCount, pageSize: TEAM_GROUPS_PAGE_SIZE };
}

export function teamRatings(actor: Actor, input: TeamRatingsInput, now = new Date()): TeamRatings {
  authorize(actor, "ratings.aggregate");
  const { from, to } = periodOf(input, now);
  const db = getDb();
  const where = scope(actor, from, to);
  const atoms = db
    .select({ personId: ratings.personId, teamId: ratings.teamId, roleId: ratings.jobRoleId, n: count(), sum: sql<number>`sum(${ratings.stars})` })
    .from(ratings)
    .innerJoin(people, eq(people.id, ratings.personId))
    .where(where)
    .groupBy(ratings.personId, ratings.teamId, ratings.jobRoleId)
    .all();
  const tagRows = db
    .select({ tag: ratingTags.tag, n: count(), sum: sql<number>`sum(${ratings.stars})` })
    .from(ratingTags)
    .innerJoin(ratings, eq(ratings.id, ratingTags.ratingId))
    .innerJoin(people, eq(people.id, ratings.personId))
    .where(where)
    .groupBy(ratingTags.tag)
    .all();

  const d = discloseRatings(atoms as RatingAtom[], RATING_MIN_GROUP);
  const personIds = [...new Set(atoms.map((a) => a.personId))];
  const teamIds = [...new Set(atoms.map((a) => a.teamId).filter((x): x is number => x != null))];
  const roleIds = [...new Set(atoms.map((a) => a.roleId).filter((x): x is number => x != null))];
  const names = new Map(personIds.length ? db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds)).all().map((p) => [p.id, p.name]) : []);
  const teamNames = new Map(teamIds.length ? db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)).all().map((t) => [t.id, t.name]) : []);
  const roleNames = new Map(roleIds.length ? db.select({ id: jobRoles.id, title: jobRoles.title }).from(jobRoles).where(inArray(jobRoles.id, roleIds)).all().map((r) => [r.id, r.title]) : []);

  const sumBy = <K>(key: (a: (typeof atoms)[number]) => K) => {
    const m = new Map<K, { n: number; sum: number }>();
    for (const a of atoms) {
      const cur = m.get(key(a)) ?? { n: 0, sum: 0 };
      m.set(key(a), { n: cur.n + a.n, sum: cur.sum + a.sum });
    }
    return m;
  };
  const row = (key: string, label: string, v: { n: number; sum: number }, shown: boolean): GroupRow =>
    shown ? { key, label, n: v.n, average: avg(v.sum, v.n), withheld: null } : { key, label, n: null, average: null, withheld: v.n < RATING_MIN_GROUP ? "few" : "protect" };

  const totalN = atoms.reduce((s, a) => s + a.n, 0);
  const totalSum = atoms.reduce((s, a) => s + a.sum, 0);
  const byPerson = sumBy((a) => a.personId);
  const peopleRows = [...byPerson]
    .map(([id, v]) => row(String(id), names.get(id) ?? "", v, d.people.has(id)))
    .sort((a, b) => a.label.localeCompare(b.label) || Number(a.key) - Number(b.key));

  const breakdown = (m: Map<number | null, { n: number; sum: number }>, s: typeof d.teams, label: (k: number | null) => string, otherLabel: string): GroupRow[] => {
    if (!d.totalShown) return [];
    const rows = [...m]
      .filter(([k]) => !s.merged?.includes(k))
      .map(([k, v]) => row(String(k ?? "none"), label(k), v, s.shown.includes(k)))
      .sort((a, b) => a.label.localeCompare(b.label));
    if (s.merged) {
      const v = s.merged.reduce((acc, k) => ({ n: acc.n + (m.get(k)?.n ?? 0), sum: acc.sum + (m.get(k)?.sum ?? 0) }), { n: 0, sum: 0 });
      rows.push({ ...row("other", otherLabel, v, true) });
    }
    return rows;
  };
  const teamRows = breakdown(sumBy((a) => a.teamId), d.teams, (k) => (k == null ? "" : teamNames.get(k) ?? ""), "");
  const roleRows = breakdown(sumBy((a) => a.roleId), d.roles, (k) => (k == null ? "" : roleNames.get(k) ?? ""), "");
  const standards = RATING_TAGS.flatMap((tag) => {
    const r = tagRows.find((x) => x.tag === tag);
    return r && d.totalShown ? [{ ...row(tag, tag, r, r.n >= RATING_MIN_GROUP), tag }] : [];
  });
  return {
    from,
    to,
    total: d.totalShown ? { n: totalN, average: avg(totalSum, totalN), withheld: null } : { n: null, average: null, withheld: totalN ? "few" : null },
    people: pageOfRows(d.totalShown ? peopleRows : [], input.peoplePage),
    teams: pageOfRows(teamRows, input.teamsPage),
    roles: roleRows,
    standards,
  };
}

export type TeamComment = { id: number; personName: string; comment: string; tags: RatingTag[]; createdOn: string };

/** Recent comments in the period, newest first, with their tags and whose service they were about (no stars, no contact). */
export function teamComments(actor: Actor, input: PeriodInput & { page?: number }, now = new Date()): Page<TeamComment> {
  authorize(actor, "ratings.aggregate");
  const { from, to } = periodOf(input, now);
  const db = getDb();
  const where = and(scope(actor, from, to), ne(ratings.comment, ""));
  const total = db.select({ n: count() }).from(ratings).innerJoin(people, eq(people.id, ratings.personId)).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, input.page, TEAM_COMMENTS_PAGE_SIZE);
  const rows = db
    .select({ id: ratings.id, personName: people.name, comment: ratings.comment, createdOn: ratings.createdOn })
    .from(ratings)
    .innerJoin(people, eq(people.id, ratings.personId))
    .where(where)
    .orderBy(desc(ratings.createdAt), asc(ratings.id))
    .limit(TEAM_COMMENTS_PAGE_SIZE)
    .offset(offset)
    .all();
  const tags = tagsOf(rows.map((r) => r.id));
  return { rows: rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] })), total, page, pageCount, pageSize: TEAM_COMMENTS_PAGE_SIZE };
}
