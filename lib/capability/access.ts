import "server-only";
import { and, asc, count, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { accessGrants, jobRoles, people, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, outOfScope } from "@/lib/auth/policy";
import { accessPeopleCondition } from "@/lib/auth/capability-policy";
import { audit } from "@/lib/audit/log";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { notify } from "@/lib/notifications/notifications";
import { roleNeeds } from "@/lib/capability/needs";
import { likePattern } from "@/lib/capability/records";
import type { AccessFlagReason, AccessStatus } from "@/lib/capability/vocabulary";
import type { Tx } from "@/lib/roles/documents";
import { TEAM_LIST_MAX, TEAM_SEARCH_LIMIT, teamNameCondition, teamsOfPeople, type TeamChoice } from "@/lib/org/team-filter";

/** One row per person and tool: the lower-cased, trimmed, single-spaced name. */
export function toolKey(tool: string): string {
  return tool.trim().replace(/\s+/g, " ").toLowerCase();
}

// ---------- Pure rules ----------

export type GrantState = { toolKey: string; status: AccessStatus };

/**
 * What a role change (or deactivation: `tools` null) does to a person's access rows. Pure:
 * - granted access the new role does not need is flagged `revoke`;
 * - pending access it does not need is dropped (it was never given);
 * - a tool the new role needs: a flagged row goes back to granted, a revoked one becomes pending
 *   again, a missing one is added as pending.
 */
export function accessChanges(
  current: readonly GrantState[],
  tools: readonly string[] | null,
): { flag: string[]; drop: string[]; restore: string[]; reopen: string[]; add: string[] } {
  const needed = new Map<string, string>();
  for (const t of tools ?? []) if (!needed.has(toolKey(t))) needed.set(toolKey(t), t.trim());
  const byKey = new Map(current.map((g) => [g.toolKey, g.status]));
  const out = { flag: [] as string[], drop: [] as string[], restore: [] as string[], reopen: [] as string[], add: [] as string[] };
  for (const g of current) {
    const wanted = needed.has(g.toolKey);
    if (!wanted && g.status === "granted") out.flag.push(g.toolKey);
    else if (!wanted && g.status === "pending") out.drop.push(g.toolKey);
    else if (wanted && g.status === "revoke") out.restore.push(g.toolKey);
    else if (wanted && g.status === "revoked") out.reopen.push(g.toolKey);
  }
  for (const [key, name] of needed) if (!byKey.has(key)) out.add.push(name);
  return out;
}

// ---------- Flagging (inside the transaction that changes the person) ----------

/** The person's managers (reports-to and team manager), active, never the actor: who hears about flagged access. */
function managersOf(tx: Tx, personId: number, actorId: number): number[] {
  const teamManager = alias(people, "team_manager");
  const row = tx
    .select({ reportsToId: people.reportsToId, teamManagerId: teams.managerId, active: teamManager.active })
    .from(people)
    .leftJoin(teams, eq(teams.id, people.teamId))
    .leftJoin(teamManager, eq(teamManager.id, teams.managerId))
    .where(eq(people.id, personId))
    .get();
  if (!row) return [];
  const ids = [row.reportsToId, row.active ? row.teamManagerId : null].filter((x): x is number => x !== null && x !== actorId && x !== personId);
  return [...new Set(ids)];
}

/**
 * Brings a person's access rows in line with the role they now hold (`jobRoleId`, null = none) or
 * with their deactivation (`reason` "deactivated": everything granted is flagged). Called by the
 * lib function that changed the person (already authorized), in its transaction. Notifies the
 * person's managers (`access.flagged`) and audits `access.flagged` when something needs a tick.
 */
export function syncAccess(tx: Tx, input: { personId: number; jobRoleId: number | null; reason: AccessFlagReason | null; actorId: number; now: string }): { flagged: number; pending: number } {
  const tools = input.reason === "deactivated" ? null : input.jobRoleId ? (roleNeeds([input.jobRoleId]).roles.get(input.jobRoleId)?.tools ?? []) : [];
  const current = tx
    .select({ id: accessGrants.id, toolKey: accessGrants.toolKey, status: accessGrants.status })
    .from(accessGrants)
    .where(eq(accessGrants.personId, input.personId))
    .all();
  const ch = accessChanges(current, tools);
  const idsOf = (keys: string[]) => current.filter((g) => keys.includes(g.toolKey)).map((g) => g.id);
  const bump = { revision: sql`${accessGrants.revision} + 1`, updatedAt: input.now };
  if (ch.flag.length)
    tx.update(accessGrants)
      .set({ status: "revoke", flagReason: input.reason ?? "role_change", ...bump })
      .where(inArray(accessGrants.id, idsOf(ch.flag)))
      .run();
  if (ch.drop.length) tx.delete(accessGrants).where(inArray(accessGrants.id, idsOf(ch.drop))).run();
  if (ch.restore.length)
    tx.update(accessGrants)
      .set({ status: "granted", flagReason: null, jobRoleId: input.jobRoleId, ...bump })
      .where(inArray(accessGrants.id, idsOf(ch.restore)))
      .run();
  if (ch.reopen.length)
    tx.update(accessGrants)
      .set({ status: "pending", flagReason: null, jobRoleId: input.jobRoleId, ...bump })
      .where(inArray(accessGrants.id, idsOf(ch.reopen)))
      .run();
  if (ch.add.length)
    tx.insert(accessGrants)
      .values(ch.add.map((tool) => ({ personId: input.personId, tool, toolKey: toolKey(tool), status: "pending" as const, jobRoleId: input.jobRoleId, createdAt: input.now, updatedAt: input.now })))
      .run();
  const pending = ch.add.length + ch.reopen.length;
  const flagged = ch.flag.length;
  if (flagged + pending > 0) {
    const person = tx.select({ name: people.name }).from(people).where(eq(people.id, input.personId)).get();
    notify(tx, managersOf(tx, input.personId, input.actorId), "access.flagged", { person: person?.name ?? "", count: flagged + pending }, `/people/${input.personId}/access`);
    audit(
      {
        actorId: input.actorId,
        action: "access.flagged",
        entityType: "person",
        entityId: input.personId,
        detail: { reason: input.reason ?? "role_change", revoke: ch.flag.length, pending },
      },
      tx,
    );
  }
  return { flagged, pending };
}

// ---------- Reading ----------

export type AccessRow = {
  /** null: a tool the role needs that has no row yet (pending). */
  id: number | null;
  tool: string;
  toolKey: string;
  status: AccessStatus;
  flagReason: AccessFlagReason | null;
  revision: number;
  /** The person's current role needs it. */
  needed: boolean;
  grantedBy: string | null;
  grantedAt: string | null;
  revokedBy: string | null;
  revokedAt: string | null;
};

export type AccessChecklist = {
  person: { id: number; name: string; active: boolean; roleTitle: string | null };
  rows: AccessRow[];
};

/** The person, if the actor may tick their access; otherwise audited and "not found". */
function personForAccess(actor: Actor, personId: number) {
  authorize(actor, "access.manage", { type: "person", id: personId });
  const person = getDb()
    .select({ id: people.id, name: people.name, active: people.active, jobRoleId: people.jobRoleId, roleTitle: jobRoles.title })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .where(and(eq(people.id, personId), accessPeopleCondition(actor)))
    .get();
  if (person) return person;
  const exists = getDb().select({ id: people.id }).from(people).where(eq(people.id, personId)).get();
  throw exists ? outOfScope(actor, { type: "person", id: personId }, "accessPeopleCondition") : new NotFoundError("person");
}

/**
 * A person's tools-and-access checklist: every tool their role needs (granted / pending / revoked,
 * by whom and when), then the rows for tools it no longer needs (flagged for revocation, revoked).
 */
export function accessChecklist(actor: Actor, personId: number): AccessChecklist {
  const person = personForAccess(actor, personId);
  const tools = person.jobRoleId ? (roleNeeds([person.jobRoleId]).roles.get(person.jobRoleId)?.tools ?? []) : [];
  const granter = alias(people, "granter");
  const revoker = alias(people, "revoker");
  const stored = getDb()
    .select({ g: accessGrants, grantedBy: granter.name, revokedBy: revoker.name })
    .from(accessGrants)
    .leftJoin(granter, eq(granter.id, accessGrants.grantedById))
    .leftJoin(revoker, eq(revoker.id, accessGrants.revokedById))
    .where(eq(accessGrants.personId, personId))
    .orderBy(asc(accessGrants.tool))
    .all();
  const byKey = new Map(stored.map((r) => [r.g.toolKey, r]));
  const toRow = (r: (typeof stored)[number], needed: boolean): AccessRow => ({
    id: r.g.id,
    tool: r.g.tool,
    toolKey: r.g.toolKey,
    status: r.g.status,
    flagReason: r.g.flagReason,
    revision: r.g.revision,
    needed,
    grantedBy: r.grantedBy,
    grantedAt: r.g.grantedAt,
    revokedBy: r.revokedBy,
    revokedAt: r.g.revokedAt,
  });
  const rows: AccessRow[] = [];
  const seen = new Set<string>();
  for (const tool of tools) {
    const key = toolKey(tool);
    if (seen.has(key)) continue;
    seen.add(key);
    const r = byKey.get(key);
    rows.push(
      r
        ? toRow(r, true)
        : { id: null, tool: tool.trim(), toolKey: key, status: "pending", flagReason: null, revision: 0, needed: true, grantedBy: null, grantedAt: null, revokedBy: null, revokedAt: null },
    );
  }
  for (const r of stored) if (!seen.has(r.g.toolKey)) rows.push(toRow(r, false));
  return { person: { id: person.id, name: person.name, active: person.active, roleTitle: person.roleTitle }, rows };
}

export const ACCESS_PAGE_SIZE = 25;
export const ACCESS_VIEWS = ["open", "pending", "revoke"] as const;
export type AccessView = (typeof ACCESS_VIEWS)[number];

export type OpenAccessRow = {
  id: number;
  personId: number;
  personName: string;
  personActive: boolean;
  teamName: string | null;
  tool: string;
  toolKey: string;
  revision: number;
  status: AccessStatus;
  flagReason: AccessFlagReason | null;
  since: string;
};

/**
 * What waits on the actor: pending grants and flagged revocations of the people whose access they
 * manage (`accessPeopleCondition`), filtered by kind, team and name, paginated.
 */
export function openAccess(actor: Actor, filters: { view?: AccessView; teamId?: number | null; teamName?: string; q?: string; page?: number } = {}): Page<OpenAccessRow> {
  authorize(actor, "access.manage", { type: "access" });
  const view = filters.view ?? "open";
  const statuses: AccessStatus[] = view === "pending" ? ["pending"] : view === "revoke" ? ["revoke"] : ["pending", "revoke"];
  const q = filters.q?.trim();
  const where = and(
    inArray(accessGrants.status, statuses),
    accessPeopleCondition(actor),
    filters.teamId ? eq(people.teamId, filters.teamId) : teamNameCondition(filters.teamName),
    q ? or(sql`lower(${people.name}) like ${likePattern(q)} escape '\\'`, sql`${accessGrants.toolKey} like ${likePattern(q)} escape '\\'`) : undefined,
  );
  const db = getDb();
  const total = db.select({ n: count() }).from(accessGrants).innerJoin(people, eq(people.id, accessGrants.personId)).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, filters.page, ACCESS_PAGE_SIZE);
  const rows = db
    .select({
      id: accessGrants.id,
      personId: people.id,
      personName: people.name,
      personActive: people.active,
      teamName: teams.name,
      tool: accessGrants.tool,
      toolKey: accessGrants.toolKey,
      revision: accessGrants.revision,
      status: accessGrants.status,
      flagReason: accessGrants.flagReason,
      since: accessGrants.updatedAt,
    })
    .from(accessGrants)
    .innerJoin(people, eq(people.id, accessGrants.personId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(where)
    .orderBy(asc(people.name), asc(accessGrants.tool))
    .limit(ACCESS_PAGE_SIZE)
    .offset(offset)
    .all();
  return { rows, total, page, pageCount, pageSize: ACCESS_PAGE_SIZE };
}

/**
 * Teams for the filter: those holding people whose access the actor manages, up to `limit` (a page
 * lists them up to TEAM_LIST_MAX, else searches: `searchAccessTeams`).
 */
export function accessTeams(actor: Actor, limit = TEAM_LIST_MAX + 1): TeamChoice[] {
  authorize(actor, "access.manage", { type: "access" });
  return teamsOfPeople(accessPeopleCondition(actor), { limit });
}

/** The team filter's search: at most TEAM_SEARCH_LIMIT of those teams whose name contains `text`. */
export function searchAccessTeams(actor: Actor, text: string): TeamChoice[] {
  authorize(actor, "access.manage", { type: "access" });
  if (!text.trim()) return [];
  return teamsOfPeople(accessPeopleCondition(actor), { text, limit: TEAM_SEARCH_LIMIT });
}

/** One of those teams by id (the filter's current choice), else null. */
export function accessTeam(actor: Actor, teamId: number): TeamChoice | null {
  authorize(actor, "access.manage", { type: "access" });
  return teamsOfPeople(accessPeopleCondition(actor), { id: teamId, limit: 1 })[0] ?? null;
}

// ---------- Ticking ----------

/**
 * HR or the manager ticks one tool: `grant` (a pending, flagged or revoked tool the role needs) or
 * `revoke` (a granted, flagged or pending one). `revision` is the row's as the page showed it (0
 * for a needed tool with no row yet); anything newer is a conflict. Audited.
 */
export function setAccess(actor: Actor, personId: number, input: { toolKey: string; action: "grant" | "revoke"; revision: number }, now = new Date()): void {
  const person = personForAccess(actor, personId);
  const at = now.toISOString();
  const tools = person.jobRoleId ? (roleNeeds([person.jobRoleId]).roles.get(person.jobRoleId)?.tools ?? []) : [];
  const needed = tools.find((t) => toolKey(t) === input.toolKey);
  getDb().transaction((tx) => {
    const row = tx
      .select()
      .from(accessGrants)
      .where(and(eq(accessGrants.personId, personId), eq(accessGrants.toolKey, input.toolKey)))
      .get();
    if (!row && !needed) throw new FieldError({ toolKey: "invalidChoice" });
    if ((row?.revision ?? 0) !== input.revision) throw new ConflictError();
    const tool = row?.tool ?? needed!.trim();
    if (input.action === "grant") {
      if (!needed || !person.active) throw new FieldError({ toolKey: "invalidChoice" });
      if (row?.status === "granted") throw new ConflictError();
      if (row)
        tx.update(accessGrants)
          .set({ status: "granted", flagReason: null, jobRoleId: person.jobRoleId, grantedById: actor.id, grantedAt: at, revision: sql`${accessGrants.revision} + 1`, updatedAt: at })
          .where(and(eq(accessGrants.id, row.id), eq(accessGrants.revision, input.revision)))
          .run();
      else
        tx.insert(accessGrants)
          .values({ personId, tool, toolKey: input.toolKey, status: "granted", jobRoleId: person.jobRoleId, grantedById: actor.id, grantedAt: at, createdAt: at, updatedAt: at })
          .run();
    } else {
      if (!row || row.status === "revoked") throw new FieldError({ toolKey: "invalidChoice" });
      tx.update(accessGrants)
        .set({ status: "revoked", revokedById: actor.id, revokedAt: at, revision: sql`${accessGrants.revision} + 1`, updatedAt: at })
        .where(and(eq(accessGrants.id, row.id), eq(accessGrants.revision, input.revision)))
        .run();
    }
    audit(
      {
        actorId: actor.id,
        action: input.action === "grant" ? "access.granted" : "access.revoked",
        entityType: "person",
        entityId: personId,
        detail: { title: tool, tool, from: row?.status ?? "pending" },
      },
      tx,
    );
  });
}
