import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, inArray, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { concernAddressees, concernAuthors, concernMessages, concerns, jobRoles, people, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { concernHrCondition } from "@/lib/auth/confidence-policy";
import { audit } from "@/lib/audit/log";
import { ANONYMITY_WARN_BELOW, type ConcernAudience } from "@/lib/confidence/vocabulary";
import { FieldError } from "@/lib/core/errors";
import { TEXT_MAX } from "@/lib/core/limits";
import { notify } from "@/lib/notifications/notifications";
import { currentDoc } from "@/lib/roles/documents";
import { newReceiptCode, hashReceiptCode } from "@/lib/concerns/receipt";
import { todayIso } from "@/lib/core/dates";
import { containsText } from "@/lib/core/like";

/**
 * Raising a concern (issue 10 points 1 and 2): what the form offers (`audienceOptions`) and posting
 * one, named or anonymous (`raiseConcern`). An anonymous concern keeps nothing that ties it to its
 * author: no author row, no audit entry, no log line, and no notification made in the request (the
 * daily job sends the addressees', stamped with the day only and without the author); the author gets a receipt code once, the database keeps only its hash.
 */

/**
 * The organisation's calendar day: every date a concern keeps is rounded to it (the inbox counts
 * working days from the same day, so a concern raised late in the evening UTC does not already
 * wait a day in Amsterdam).
 */
export const concernDay = (now = new Date()) => todayIso(now);

/** At most this many teams come back from the "a team's manager" search (search-as-you-type, never every team). */
export const TEAM_SEARCH_LIMIT = 20;
/** How many roles the "the owner of a role" choice lists (roles with an owner: the actor's own first, then by title). */
export const ROLE_OPTIONS_MAX = 200;

export type AudienceOption = {
  audience: ConcernAudience;
  /** audience "team": the team. */
  team: { id: number; name: string } | null;
  /** audience "role_owner": the role whose owner reads it. */
  role: { id: number; name: string } | null;
  /** Who would read it (never the author). */
  readers: { id: number; name: string }[];
  /** The people the readers could think wrote it (the audience's team): the form warns below ANONYMITY_WARN_BELOW. */
  teamSize: number;
  smallTeam: boolean;
};

export type RaiseFormOptions = {
  /** "manager" and "hr" when someone would read it, "role_owner" options per role (teams are searched: `searchConcernTeams`). */
  options: AudienceOption[];
  /** Whether "a team's manager" is offered: some team has an active manager who is not the actor. */
  teamChoice: boolean;
  /** The actor's role (current published version), for the optional link; `holders` = its active holders (a link names the role: the form warns below ANONYMITY_WARN_BELOW). */
  role: { id: number; title: string; holders: number; responsibilities: { key: string; title: string; tasks: { key: string; title: string }[] }[] } | null;
};

type Person = { id: number; name: string };

const activeCount = (where: ReturnType<typeof and>) =>
  getDb().select({ n: count() }).from(people).where(and(eq(people.active, true), where)).get()?.n ?? 0;

/** The manager who reads a concern addressed to "my manager": the reports-to person, else the team's manager. */
function myManager(actor: Actor): Person | null {
  const db = getDb();
  const ids = [actor.reportsToId, actor.teamId ? db.select({ m: teams.managerId }).from(teams).where(eq(teams.id, actor.teamId)).get()?.m : null].filter(
    (x): x is number => typeof x === "number" && x !== actor.id,
  );
  if (!ids.length) return null;
  const rows = db.select({ id: people.id, name: people.name }).from(people).where(and(inArray(people.id, ids), eq(people.active, true))).all();
  for (const id of ids) {
    const p = rows.find((r) => r.id === id);
    if (p) return p;
  }
  return null;
}

/** The active owner of a role (never the actor). */
function roleOwner(actor: Actor, jobRoleId: number | null): Person | null {
  if (!jobRoleId) return null;
  const row = getDb()
    .select({ id: people.id, name: people.name })
    .from(jobRoles)
    .innerJoin(people, eq(people.id, jobRoles.ownerId))
    .where(and(eq(jobRoles.id, jobRoleId), eq(people.active, true), ne(people.id, actor.id)))
    .get();
  return row ?? null;
}

/** Roles whose active owner is not the actor: the actor's own role first, then by title. */
function ownedRoles(actor: Actor) {
  return getDb()
    .select({ id: jobRoles.id, title: jobRoles.title, ownerId: people.id, ownerName: people.name })
    .from(jobRoles)
    .innerJoin(people, eq(people.id, jobRoles.ownerId))
    .where(and(eq(people.active, true), ne(people.id, actor.id)))
    .orderBy(sql`${jobRoles.id} = ${actor.jobRoleId ?? 0} desc`, asc(jobRoles.title))
    .limit(ROLE_OPTIONS_MAX)
    .all();
}

function hrAdmins(actor: Actor): Person[] {
  return getDb()
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(concernHrCondition(), ne(people.id, actor.id)))
    .orderBy(asc(people.name))
    .limit(50)
    .all();
}

function teamManager(actor: Actor, teamId: number): { team: { id: number; name: string }; manager: Person } | null {
  const row = getDb()
    .select({ teamId: teams.id, teamName: teams.name, id: people.id, name: people.name })
    .from(teams)
    .innerJoin(people, eq(people.id, teams.managerId))
    .where(and(eq(teams.id, teamId), eq(people.active, true), ne(people.id, actor.id)))
    .get();
  return row ? { team: { id: row.teamId, name: row.teamName }, manager: { id: row.id, name: row.name } } : null;
}

function option(
  audience: ConcernAudience,
  readers: Person[],
  teamSize: number,
  team: { id: number; name: string } | null = null,
  role: { id: number; name: string } | null = null,
): AudienceOption {
  return { audience, team, role, readers, teamSize, smallTeam: teamSize < ANONYMITY_WARN_BELOW };
}

/** The people a manager's concerns could come from: their direct reports and the teams they manage. */
const managedBy = (managerId: number) =>
  or(eq(people.reportsToId, managerId), inArray(people.teamId, sql`(select ${teams.id} from ${teams} where ${teams.managerId} = ${managerId})`));

/** What the form offers the actor: each audience with who would read it and the size of its team. */
export function audienceOptions(actor: Actor): RaiseFormOptions {
  authorize(actor, "concerns.raise");
  const options: AudienceOption[] = [];

  const manager = myManager(actor);
  if (manager) options.push(option("manager", [manager], activeCount(managedBy(manager.id))));

  const teamChoice = Boolean(teamRows(actor, undefined, 1).length);

  // The owner of the actor's role could think it came from the role's holders; another role's owner, from anyone.
  const everyone = activeCount(undefined);
  const roles = ownedRoles(actor);
  const ownHolders = roles.some((r) => r.id === actor.jobRoleId) && actor.jobRoleId ? activeCount(eq(people.jobRoleId, actor.jobRoleId)) : 0;
  for (const r of roles) {
    options.push(option("role_owner", [{ id: r.ownerId, name: r.ownerName }], r.id === actor.jobRoleId ? ownHolders : everyone, null, { id: r.id, name: r.title }));
  }

  const hr = hrAdmins(actor);
  if (hr.length) options.push(option("hr", hr, everyone));

  return { options, teamChoice, role: myRole(actor) };
}

/** Teams whose active manager is not the actor, by name, with their manager and active size. */
function teamRows(actor: Actor, where: SQL | undefined, limit: number) {
  return getDb()
    .select({
      id: teams.id,
      name: teams.name,
      managerId: people.id,
      managerName: people.name,
      size: sql<number>`(select count(*) from people m where m.team_id = ${teams.id} and m.active = 1)`,
    })
    .from(teams)
    .innerJoin(people, eq(people.id, teams.managerId))
    .where(and(isNotNull(teams.managerId), eq(people.active, true), ne(people.id, actor.id), where))
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(limit)
    .all();
}

/**
 * The form's "a team's manager" search-as-you-type: at most TEAM_SEARCH_LIMIT teams whose name
 * contains the text, each with who would read the concern and the size of the team (for the
 * anonymity warning). Any team with an active manager other than the actor, as the form offered.
 */
export function searchConcernTeams(actor: Actor, text: string): AudienceOption[] {
  authorize(actor, "concerns.raise");
  const q = text.trim().slice(0, 100);
  if (!q) return [];
  return teamRows(actor, containsText(teams.name, q), TEAM_SEARCH_LIMIT).map((t) =>
    option("team", [{ id: t.managerId, name: t.managerName }], Number(t.size), { id: t.id, name: t.name }),
  );
}

function myRole(actor: Actor): RaiseFormOptions["role"] {
  if (!actor.jobRoleId) return null;
  const role = getDb()
    .select({ id: jobRoles.id, title: jobRoles.title, currentVersion: jobRoles.currentVersion })
    .from(jobRoles)
    .where(eq(jobRoles.id, actor.jobRoleId))
    .get();
  if (!role) return null;
  const doc = currentDoc(role);
  return {
    id: role.id,
    title: role.title,
    holders: activeCount(eq(people.jobRoleId, role.id)),
    responsibilities: doc.responsibilities.map((r) => ({ key: r.key, title: r.title, tasks: r.tasks.map((t) => ({ key: t.key, title: t.title })) })),
  };
}

export type RaiseInput = {
  body: string;
  anonymous: boolean;
  audience: ConcernAudience;
  /** audience "team". */
  teamId?: number | null;
  /** audience "role_owner": the role whose owner reads it (default: the actor's own role). */
  roleId?: number | null;
  /** One responsibility or one task of the actor's current role, by stable key (at most one of the two). */
  responsibilityKey?: string | null;
  taskKey?: string | null;
};

/** Who reads a concern with this audience (never the author). An empty list is refused by the caller. */
function addresseesOf(actor: Actor, input: RaiseInput): { ids: number[]; teamId: number | null; roleId: number | null } {
  switch (input.audience) {
    case "manager": {
      const m = myManager(actor);
      return { ids: m ? [m.id] : [], teamId: null, roleId: null };
    }
    case "team": {
      if (!input.teamId) throw new FieldError({ teamId: "required" });
      const t = teamManager(actor, input.teamId);
      return { ids: t ? [t.manager.id] : [], teamId: t?.team.id ?? null, roleId: null };
    }
    case "role_owner": {
      const roleId = input.roleId ?? actor.jobRoleId;
      const o = roleOwner(actor, roleId);
      return { ids: o ? [o.id] : [], teamId: null, roleId: o ? roleId : null };
    }
    case "hr":
      return { ids: hrAdmins(actor).map((p) => p.id), teamId: null, roleId: null };
  }
}

/**
 * Posts a concern. Returns its id, and for an anonymous one the receipt code (the only time it
 * exists outside the author's hands; the database keeps its hash).
 */
export function raiseConcern(actor: Actor, input: RaiseInput): { id: string; code: string | null } {
  authorize(actor, "concerns.raise");
  const body = input.body.trim();
  if (!body) throw new FieldError({ body: "required" });
  if (body.length > TEXT_MAX) throw new FieldError({ body: "tooLong" }, { body: { max: TEXT_MAX } });
  if (input.responsibilityKey && input.taskKey) throw new FieldError({ link: "invalid" });

  // The link: a responsibility or task of the actor's own role, as currently published.
  let responsibilityKey: string | null = null;
  let taskKey: string | null = null;
  if (input.responsibilityKey || input.taskKey) {
    const role = myRole(actor);
    const r = role?.responsibilities.find((x) =>
      input.taskKey ? x.tasks.some((t) => t.key === input.taskKey) : x.key === input.responsibilityKey,
    );
    if (!r) throw new FieldError({ link: "concernRaise.linkNotMine" });
    responsibilityKey = r.key;
    taskKey = input.taskKey ?? null;
  }

  const { ids, teamId, roleId } = addresseesOf(actor, input);
  if (!ids.length) throw new FieldError({ audience: "concernRaise.noAddressee" });

  const anonymous = input.anonymous;
  // The role it concerns: the link's (the actor's own), else the role whose owner reads it, else (named
  // only) the actor's. An anonymous concern names the actor's role only when a link or its owner does.
  const jobRoleId = responsibilityKey ? actor.jobRoleId : (roleId ?? (!anonymous ? actor.jobRoleId : null));
  const id = randomUUID();
  const day = concernDay();
  const code = anonymous ? newReceiptCode() : null;

  getDb().transaction((tx) => {
    tx.insert(concerns)
      .values({
        id,
        anonymous,
        audience: input.audience,
        audienceTeamId: input.audience === "team" ? teamId : null,
        jobRoleId,
        responsibilityKey,
        taskKey,
        body,
        status: "open",
        receiptHash: code ? hashReceiptCode(code) : null,
        createdOn: day,
        waitingSince: day,
        // Anonymous: the addressees are told by the scheduler's daily job (lib/concerns/deferred.ts), not in this request.
        notifyPending: anonymous ? "concern.new" : null,
      })
      .run();
    if (!anonymous) tx.insert(concernAuthors).values({ concernId: id, personId: actor.id }).run();
    tx.insert(concernAddressees)
      .values(ids.map((personId) => ({ concernId: id, personId, addedOn: day })))
      .run();
    tx.insert(concernMessages)
      .values({
        id: randomUUID(),
        concernId: id,
        seq: 1,
        kind: "message",
        fromAuthor: true,
        personId: anonymous ? null : actor.id,
        body,
        createdAt: anonymous ? day : new Date().toISOString(),
      })
      .run();
    if (!anonymous) audit({ actorId: actor.id, action: "concern.raised", entityType: "concern", entityId: id, detail: { audience: input.audience } }, tx);
    if (!anonymous) notify(tx, ids, "concern.new", {}, `/concerns/${id}`);
  });
  return { id, code };
}
