import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, preparedQuery } from "@/db/client";
import { jobRoles, people, responsibilities, roleVersions, teams } from "@/db/schema";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { parseRoleDoc, type RoleResponsibility } from "@/lib/roles/doc";
import { peopleScope } from "@/lib/auth/scope";
import { applyDueTransfers } from "@/lib/communication/transfers";

export const ROLES_PAGE_SIZE = 20;

export type RoleSummary = {
  id: number;
  slug: string;
  title: string;
  purpose: string;
  holders: number;
  responsibilities: number;
};

/** Every job role (role descriptions are readable by everyone in the organisation). */
export function listRoles(actor: Actor, opts: { page?: number } = {}): Page<RoleSummary> {
  authorize(actor, "roles.read", { type: "job_role" });
  const db = getDb();
  const total = db.select({ n: count() }).from(jobRoles).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, ROLES_PAGE_SIZE);
  const holders = db
    .select({ jobRoleId: people.jobRoleId, n: count().as("holders") })
    .from(people)
    .where(eq(people.active, true))
    .groupBy(people.jobRoleId)
    .as("holders");
  const resp = db
    .select({ jobRoleId: responsibilities.jobRoleId, n: count().as("resp") })
    .from(responsibilities)
    .groupBy(responsibilities.jobRoleId)
    .as("resp");
  const rows = db
    .select({
      id: jobRoles.id,
      slug: jobRoles.slug,
      title: jobRoles.title,
      purpose: jobRoles.purpose,
      holders: holders.n,
      responsibilities: resp.n,
    })
    .from(jobRoles)
    .leftJoin(holders, eq(holders.jobRoleId, jobRoles.id))
    .leftJoin(resp, eq(resp.jobRoleId, jobRoles.id))
    .orderBy(asc(jobRoles.title))
    .limit(ROLES_PAGE_SIZE)
    .offset(offset)
    .all()
    .map((r) => ({ ...r, holders: r.holders ?? 0, responsibilities: r.responsibilities ?? 0 }));
  return { rows, total, page, pageCount, pageSize: ROLES_PAGE_SIZE };
}

export type RoleDetail = {
  id: number;
  slug: string;
  title: string;
  purpose: string;
  owner: { id: number; name: string } | null;
  /** The current published version (0 before the first). */
  version: number;
  publishedAt: string | null;
  responsibilities: RoleResponsibility[];
  /** Tools, systems and access the role needs. */
  tools: string[];
  /** The first holders the actor may see (their people scope): `listRoleHolders` pages through all. */
  holders: RoleHolder[];
  /** The active holders the actor may see. */
  visibleHolderCount: number;
  /** All active holders, including those outside the actor's scope. */
  holderCount: number;
};

export type RoleHolder = { id: number; name: string; teamName: string | null; startDate: string };

/** The role page shows this many holders; the holders page lists them all, this many a page. */
export const ROLE_HOLDERS_SHOWN = 10;
export const ROLE_HOLDERS_PAGE_SIZE = 50;

function holdersOf(actor: Actor, roleId: number, limit: number, offset: number): RoleHolder[] {
  return getDb()
    .select({ id: people.id, name: people.name, teamName: teams.name, startDate: people.startDate })
    .from(people)
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(and(eq(people.jobRoleId, roleId), eq(people.active, true), peopleScope(actor)))
    .orderBy(asc(people.name), asc(people.id))
    .limit(limit)
    .offset(offset)
    .all();
}

function visibleHolderCount(actor: Actor, roleId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.jobRoleId, roleId), eq(people.active, true), peopleScope(actor)))
      .get()?.n ?? 0
  );
}

/** The active holders of a role the actor may see, one page at a time (the role page shows the first few). */
export function listRoleHolders(actor: Actor, slug: string, opts: { page?: number } = {}): Page<RoleHolder> & { role: { id: number; slug: string; title: string } } {
  authorize(actor, "roles.read", { type: "job_role", id: slug });
  const role = getDb().select({ id: jobRoles.id, slug: jobRoles.slug, title: jobRoles.title }).from(jobRoles).where(eq(jobRoles.slug, slug)).get();
  if (!role) throw new NotFoundError("job role");
  const total = visibleHolderCount(actor, role.id);
  const { page, pageCount, offset } = pageOf(total, opts.page, ROLE_HOLDERS_PAGE_SIZE);
  return { role, rows: holdersOf(actor, role.id, ROLE_HOLDERS_PAGE_SIZE, offset), total, page, pageCount, pageSize: ROLE_HOLDERS_PAGE_SIZE };
}

const owner = alias(people, "owner");

/** Read by every role page (and the home page): built once (db/client.ts `preparedQuery`). */
const roleWithCurrentVersion = preparedQuery((db) =>
  db
    .select({
      id: jobRoles.id,
      slug: jobRoles.slug,
      title: jobRoles.title,
      purpose: jobRoles.purpose,
      ownerId: owner.id,
      ownerName: owner.name,
      version: jobRoles.currentVersion,
      publishedAt: roleVersions.publishedAt,
      content: roleVersions.content,
    })
    .from(jobRoles)
    .leftJoin(owner, eq(owner.id, jobRoles.ownerId))
    .leftJoin(roleVersions, and(eq(roleVersions.jobRoleId, jobRoles.id), eq(roleVersions.number, jobRoles.currentVersion)))
    .where(eq(jobRoles.slug, sql.placeholder("slug")))
    .prepare(),
);
/** Everyone who holds the role (the count beside the holders the actor may see): built once. */
const activeHolderCount = preparedQuery((db) =>
  db
    .select({ n: count() })
    .from(people)
    .where(and(eq(people.jobRoleId, sql.placeholder("roleId")), eq(people.active, true)))
    .prepare(),
);

export function getRoleBySlug(actor: Actor, slug: string): RoleDetail {
  authorize(actor, "roles.read", { type: "job_role", id: slug });
  applyDueTransfers();
  const role = roleWithCurrentVersion().get({ slug });
  if (!role) throw new NotFoundError("job role");
  const doc = role.content ? parseRoleDoc(role.content) : null;
  const holders = holdersOf(actor, role.id, ROLE_HOLDERS_SHOWN, 0);
  const holderCount = activeHolderCount().get({ roleId: role.id })?.n ?? 0;
  return {
    id: role.id,
    slug: role.slug,
    title: role.title,
    purpose: role.purpose,
    owner: role.ownerId != null ? { id: role.ownerId, name: role.ownerName ?? "" } : null,
    version: role.version,
    publishedAt: role.publishedAt,
    responsibilities: doc?.responsibilities ?? [],
    tools: doc?.tools ?? [],
    holders,
    visibleHolderCount: holders.length < ROLE_HOLDERS_SHOWN ? holders.length : visibleHolderCount(actor, role.id),
    holderCount,
  };
}

export type MyRole = {
  person: { name: string; startDate: string };
  role: RoleDetail | null;
  manager: { name: string; email: string; phone: string | null } | null;
  team: { name: string; managerName: string | null } | null;
};

/** The home page: the actor's own job role, its responsibilities and tasks, manager and team. */
export function getMyRole(actor: Actor): MyRole {
  authorize(actor, "self.read", { type: "person", id: actor.id });
  const db = getDb();
  const teamManager = alias(people, "team_manager");
  const boss = alias(people, "boss");
  const me = db
    .select({
      name: people.name,
      startDate: people.startDate,
      slug: jobRoles.slug,
      bossName: boss.name,
      bossEmail: boss.email,
      bossPhone: boss.phone,
      teamName: teams.name,
      teamManagerName: teamManager.name,
    })
    .from(people)
    .leftJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
    .leftJoin(boss, eq(boss.id, people.reportsToId))
    .leftJoin(teams, eq(teams.id, people.teamId))
    .leftJoin(teamManager, eq(teamManager.id, teams.managerId))
    .where(eq(people.id, actor.id))
    .get();
  if (!me) throw new NotFoundError("person");
  return {
    person: { name: me.name, startDate: me.startDate },
    role: me.slug ? getRoleBySlug(actor, me.slug) : null,
    manager: me.bossName ? { name: me.bossName, email: me.bossEmail ?? "", phone: me.bossPhone } : null,
    team: me.teamName ? { name: me.teamName, managerName: me.teamManagerName } : null,
  };
}
