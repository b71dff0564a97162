import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
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
  /** Holders the actor may see (their people scope). */
  holders: { id: number; name: string; teamName: string | null; startDate: string }[];
  /** All active holders, including those outside the actor's scope. */
  holderCount: number;
};

const owner = alias(people, "owner");

export function getRoleBySlug(actor: Actor, slug: string): RoleDetail {
  authorize(actor, "roles.read", { type: "job_role", id: slug });
  applyDueTransfers();
  const db = getDb();
  const role = db
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
    .where(eq(jobRoles.slug, slug))
    .get();
  if (!role) throw new NotFoundError("job role");
  const doc = role.content ? parseRoleDoc(role.content) : null;
  const holderWhere = and(eq(people.jobRoleId, role.id), eq(people.active, true));
  const holders = db
    .select({ id: people.id, name: people.name, teamName: teams.name, startDate: people.startDate })
    .from(people)
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(and(holderWhere, peopleScope(actor)))
    .orderBy(asc(people.name))
    .limit(200)
    .all();
  const holderCount = db.select({ n: count() }).from(people).where(holderWhere).get()?.n ?? 0;
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
