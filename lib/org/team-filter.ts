import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { people, teams } from "@/db/schema";
import { containsText } from "@/lib/core/like";

/**
 * The team filter of a list page (readiness, access): the teams some of the page's people belong to.
 * Up to TEAM_LIST_MAX teams it is a plain list; beyond that the page offers a search that returns at
 * most TEAM_SEARCH_LIMIT matches as the reader types (issue 15: never a dropdown of every team).
 * Callers authorize first and pass the people the actor may see (a policy condition on `people`).
 */
export const TEAM_LIST_MAX = 30;
export const TEAM_SEARCH_LIMIT = 20;

export type TeamChoice = { id: number; name: string };

export function teamsOfPeople(peopleCondition: SQL | undefined, f: { text?: string; id?: number; limit: number }): TeamChoice[] {
  const text = f.text?.trim().slice(0, 100);
  return getDb()
    .selectDistinct({ id: teams.id, name: teams.name })
    .from(teams)
    .innerJoin(people, eq(people.teamId, teams.id))
    .where(and(peopleCondition, text ? containsText(teams.name, text) : undefined, f.id !== undefined ? eq(teams.id, f.id) : undefined))
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(f.limit)
    .all();
}

/** The condition on `people` for a typed team name (the filter without JavaScript): any team whose name contains it. */
export function teamNameCondition(text: string | undefined): SQL | undefined {
  const q = text?.trim().slice(0, 100);
  if (!q) return undefined;
  return inArray(people.teamId, getDb().select({ id: teams.id }).from(teams).where(containsText(teams.name, q)));
}

/**
 * Teams within `scope` whose name contains `text` (wildcards literal, ASCII case aside), a team named
 * exactly so first, then by name; nothing for an empty text. The search behind each team picker
 * (callers authorize first).
 */
export function searchTeamsIn(scope: SQL | undefined, text: string, limit = TEAM_SEARCH_LIMIT): TeamChoice[] {
  const q = text.trim().slice(0, 100);
  if (!q) return [];
  return getDb()
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(scope, containsText(teams.name, q)))
    .orderBy(sql`lower(${teams.name}) <> lower(${q})`, asc(teams.name), asc(teams.id))
    .limit(limit)
    .all();
}
