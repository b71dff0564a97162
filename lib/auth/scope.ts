import "server-only";
import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { jobRoles, people, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/**
 * Which people records an actor may see:
 * - employee: their own record;
 * - supervisor: themself and their direct reports;
 * - manager: themself, their direct reports and the people of the teams they manage;
 * - HR admin: everyone.
 */
export function peopleScope(actor: Actor): SQL {
  switch (actor.appRole) {
    case "hr_admin":
      return sql`1 = 1`;
    case "manager":
      return or(
        eq(people.id, actor.id),
        eq(people.reportsToId, actor.id),
        inArray(people.teamId, sql`(select ${teams.id} from ${teams} where ${teams.managerId} = ${actor.id})`),
      )!;
    case "supervisor":
      return or(eq(people.id, actor.id), eq(people.reportsToId, actor.id))!;
    default:
      return eq(people.id, actor.id);
  }
}

/**
 * Job roles an actor may edit and track: HR every role; a manager the roles they own and the roles
 * held by people in the teams they manage; nobody else any.
 */
export function editableRolesScope(actor: Actor): SQL {
  switch (actor.appRole) {
    case "hr_admin":
      return sql`1 = 1`;
    case "manager":
      return or(
        eq(jobRoles.ownerId, actor.id),
        inArray(
          jobRoles.id,
          sql`(select ${people.jobRoleId} from ${people} where ${people.jobRoleId} is not null and ${people.teamId} in (select ${teams.id} from ${teams} where ${teams.managerId} = ${actor.id}))`,
        ),
      )!;
    default:
      return sql`0 = 1`;
  }
}

/** Teams an actor may list (filters, audiences): HR every team; a manager the teams they manage. */
export function teamsScope(actor: Actor): SQL {
  switch (actor.appRole) {
    case "hr_admin":
      return sql`1 = 1`;
    case "manager":
      return eq(teams.managerId, actor.id);
    default:
      return sql`0 = 1`;
  }
}

/** Rows that belong to the actor themself (their notifications, their own answers). */
export function ownRows(column: SQLiteColumn, actor: Actor): SQL {
  return eq(column, actor.id);
}
