import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, people, teams } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { getPerson, listPeople } from "@/lib/people/directory";
import { ROLE_HOLDERS_PAGE_SIZE, ROLE_HOLDERS_SHOWN, getMyRole, getRoleBySlug, listRoleHolders } from "@/lib/roles/catalog";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const allVisible = (email: string) => {
  const actor = actorFor(email);
  const rows = [];
  for (let page = 1; ; page++) {
    const r = listPeople(actor, { page, status: "all" });
    rows.push(...r.rows);
    if (page >= r.pageCount) break;
  }
  return rows;
};

describe("scope narrowing", () => {
  it("HR sees everyone", () => {
    const total = getDb().select().from(people).all().length;
    expect(allVisible("hr@example.com")).toHaveLength(total);
  });

  it("a supervisor sees themself and their direct reports only", () => {
    const sup = actorFor("supervisor@example.com");
    const visible = allVisible("supervisor@example.com");
    const reports = getDb().select().from(people).where(eq(people.reportsToId, sup.id)).all();
    expect(visible.map((p) => p.id).sort()).toEqual([sup.id, ...reports.map((r) => r.id)].sort());
    expect(visible.map((p) => p.email)).toEqual(expect.arrayContaining(["employee@example.com", "newhire@example.com"]));
    expect(visible.map((p) => p.email)).not.toContain("hr@example.com");
  });

  it("a manager sees the people of the teams they manage", () => {
    const mgr = actorFor("manager@example.com");
    const teamIds = getDb().select().from(teams).where(eq(teams.managerId, mgr.id)).all().map((t) => t.id);
    const visible = allVisible("manager@example.com");
    for (const p of visible) {
      expect(p.id === mgr.id || p.reportsToId === mgr.id || teamIds.includes(p.teamId ?? -1)).toBe(true);
    }
    expect(visible.map((p) => p.email)).not.toContain("hr@example.com");
    expect(visible.length).toBeGreaterThan(15);
  });

  it("an employee may not list people, and the refusal is audited", () => {
    const emp = actorFor("employee@example.com");
    expect(() => listPeople(emp)).toThrow(ForbiddenError);
    const refusals = getDb().select().from(auditLog).where(eq(auditLog.action, "access.denied")).all();
    expect(refusals.some((r) => r.actorId === emp.id && r.detail.includes("people.read"))).toBe(true);
  });

  it("an employee sees their own record and nobody else's", () => {
    const emp = actorFor("employee@example.com");
    expect(getPerson(emp, emp.id).email).toBe("employee@example.com");
    const other = actorFor("newhire@example.com");
    expect(() => getPerson(emp, other.id)).toThrow(ForbiddenError);
  });

  it("a supervisor gets not found for someone outside their scope", () => {
    const sup = actorFor("supervisor@example.com");
    expect(() => getPerson(sup, actorFor("hr@example.com").id)).toThrow(NotFoundError);
  });

  it("role pages list only the holders in the reader's scope, but count them all", () => {
    const emp = actorFor("employee@example.com");
    const role = getRoleBySlug(emp, "service-advisor");
    expect(role.holders.map((h) => h.id)).toEqual([emp.id]);
    expect(role.holderCount).toBeGreaterThan(1);
    const hrRole = getRoleBySlug(actorFor("hr@example.com"), "service-advisor");
    expect(hrRole.holders).toHaveLength(role.holderCount);
  });

  it("a role page shows the first holders and their count; the holders page lists the rest a page at a time, in scope", () => {
    const db = getDb();
    const technician = getRoleBySlug(actorFor("hr@example.com"), "technician");
    const extra = ROLE_HOLDERS_PAGE_SIZE + 3;
    for (let i = 0; i < extra; i++)
      db.insert(people)
        .values({ name: `Bulk Technician ${i}`, email: `bulk.technician.${i}@example.com`, passwordHash: "x", startDate: "2025-01-01", jobRoleId: technician.id })
        .run();
    const hr = actorFor("hr@example.com");
    const role = getRoleBySlug(hr, "technician");
    expect(role.holders).toHaveLength(ROLE_HOLDERS_SHOWN);
    expect(role.visibleHolderCount).toBe(technician.holderCount + extra);
    const first = listRoleHolders(hr, "technician");
    expect(first.total).toBe(role.visibleHolderCount);
    expect(first.rows).toHaveLength(ROLE_HOLDERS_PAGE_SIZE);
    expect(listRoleHolders(hr, "technician", { page: 2 }).rows).toHaveLength(first.total - ROLE_HOLDERS_PAGE_SIZE);
    // Elif sees only the holders in her scope: nobody in the technician role.
    expect(listRoleHolders(actorFor("employee@example.com"), "technician").total).toBe(0);
    expect(() => listRoleHolders(hr, "no-such-role")).toThrow(NotFoundError);
  });

  it("My role shows the person's own role, manager and team", () => {
    const mine = getMyRole(actorFor("employee@example.com"));
    expect(mine.role?.slug).toBe("service-advisor");
    expect(mine.role?.responsibilities.length).toBeGreaterThanOrEqual(3);
    expect(mine.manager?.email).toBe("supervisor@example.com");
    expect(mine.team?.name).toBe("Reception");
  });
});
