import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accessGrants, auditLog, jobRoles, notifications, people } from "@/db/schema";
import { accessChanges, accessChecklist, openAccess, setAccess, toolKey } from "@/lib/capability/access";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { getPerson } from "@/lib/people/directory";
import { setPersonActive, updatePerson } from "@/lib/people/records";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const hr = () => actorFor("hr@example.com");
const mgr = () => actorFor("manager@example.com");
const sup = () => actorFor("supervisor@example.com");
const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const roleIdOf = (slug: string) => getDb().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get()!.id;
const rowsOf = (personId: number) => getDb().select().from(accessGrants).where(eq(accessGrants.personId, personId)).all();
const statusOf = (personId: number, tool: string) => rowsOf(personId).find((r) => r.toolKey === toolKey(tool))?.status ?? null;

/** Replaces a person's access rows with every tool of their role granted (a known starting point). */
function grantAll(personId: number) {
  const db = getDb();
  db.delete(accessGrants).where(eq(accessGrants.personId, personId)).run();
  for (const item of accessChecklist(hr(), personId).rows)
    db.insert(accessGrants)
      .values({ personId, tool: item.tool, toolKey: item.toolKey, status: "granted", grantedById: idOf("hr@example.com"), grantedAt: "2026-01-05T09:00:00.000Z", createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z" })
      .run();
}

describe("the demo", () => {
  it("has checklists for everyone (most granted), the new hire's tools pending, and Rūta's advisor access flagged after her move", () => {
    const all = getDb().select().from(accessGrants).all();
    expect(all.filter((r) => r.status === "granted").length).toBeGreaterThan(all.length / 2);
    const nora = rowsOf(idOf("newhire@example.com"));
    expect(nora.length).toBeGreaterThan(0);
    expect(nora.every((r) => r.status === "pending")).toBe(true);
    const ruta = accessChecklist(mgr(), idOf("ruta.jankauskiene@example.com"));
    expect(ruta.rows.filter((r) => !r.needed).map((r) => [r.status, r.flagReason])).toEqual(
      expect.arrayContaining([["revoke", "role_change"]]),
    );
    expect(ruta.rows.filter((r) => r.needed).every((r) => r.status === "pending")).toBe(true);
    expect(openAccess(mgr(), { view: "revoke" }).rows.some((r) => r.personName === ruta.person.name)).toBe(true);
  });
});

describe("accessChanges (pure)", () => {
  it("flags granted tools the new role does not need, drops pending ones, restores and reopens needed ones, adds missing ones", () => {
    const current = [
      { toolKey: "dms", status: "granted" as const },
      { toolKey: "tablet", status: "pending" as const },
      { toolKey: "tester", status: "revoke" as const },
      { toolKey: "portal", status: "revoked" as const },
      { toolKey: "phone", status: "granted" as const },
    ];
    expect(accessChanges(current, ["Tester", "Portal", "Phone", "  New   App "])).toEqual({
      flag: ["dms"],
      drop: ["tablet"],
      restore: ["tester"],
      reopen: ["portal"],
      add: ["New   App"],
    });
  });

  it("deactivation (no tools) flags everything granted and drops everything pending", () => {
    const current = [
      { toolKey: "a", status: "granted" as const },
      { toolKey: "b", status: "pending" as const },
      { toolKey: "c", status: "revoked" as const },
    ];
    expect(accessChanges(current, null)).toEqual({ flag: ["a"], drop: ["b"], restore: [], reopen: [], add: [] });
  });

  it("one row per tool: names compare trimmed, single-spaced and lower-cased", () => {
    expect(toolKey("  DMS:   Bookings ")).toBe("dms: bookings");
  });
});

describe("a role change (gap detection for tools)", () => {
  it("flags what the new role no longer needs for revocation, adds pending rows for new tools, notifies the manager and audits", async () => {
    const id = idOf("james.whitfield@example.com");
    grantAll(id);
    const before = getPerson(hr(), id);
    const advisorTools = accessChecklist(hr(), id).rows.map((r) => r.tool);
    await updatePerson(hr(), id, before.revision, {
      name: before.name,
      email: before.email,
      phone: before.phone,
      appRole: before.appRole,
      jobRoleId: roleIdOf("parts-clerk"),
      teamId: before.teamId,
      reportsToId: before.reportsToId,
      startDate: before.startDate,
      locale: before.locale,
    });
    // The warranty portal (read access) is not the parts clerk's "Manufacturer warranty portal": flagged.
    for (const tool of advisorTools) expect(statusOf(id, tool)).toBe("revoke");
    expect(rowsOf(id).filter((r) => r.status === "revoke").every((r) => r.flagReason === "role_change")).toBe(true);
    expect(statusOf(id, "DMS parts and stock module")).toBe("pending");
    const list = accessChecklist(hr(), id);
    expect(list.rows.filter((r) => r.needed).map((r) => r.status)).toEqual(["pending", "pending", "pending", "pending"]);
    expect(list.rows.filter((r) => !r.needed).every((r) => r.status === "revoke")).toBe(true);
    const note = getDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "access.flagged"), eq(notifications.link, `/people/${id}/access`)))
      .all();
    expect(note.map((n) => n.personId)).toContain(before.reportsToId ?? idOf("manager@example.com"));
    expect(getDb().select().from(auditLog).where(and(eq(auditLog.action, "access.flagged"), eq(auditLog.entityId, String(id)))).all()).toHaveLength(1);
  });

  it("an edit that keeps the role changes no access", async () => {
    const id = idOf("andreea.ionescu@example.com");
    grantAll(id);
    const before = getPerson(hr(), id);
    const rows = rowsOf(id);
    await updatePerson(hr(), id, before.revision, {
      name: `${before.name} `.trim(),
      email: before.email,
      phone: "+31 20 555 9999",
      appRole: before.appRole,
      jobRoleId: before.jobRoleId,
      teamId: before.teamId,
      reportsToId: before.reportsToId,
      startDate: before.startDate,
      locale: before.locale,
    });
    expect(rowsOf(id)).toEqual(rows);
  });

  it("deactivating flags everything granted", () => {
    const id = idOf("mehmet.kaya@example.com");
    grantAll(id);
    const n = rowsOf(id).length;
    expect(n).toBeGreaterThan(0);
    setPersonActive(hr(), id, getPerson(hr(), id).revision, false);
    expect(rowsOf(id).filter((r) => r.status === "revoke" && r.flagReason === "deactivated")).toHaveLength(n);
    expect(openAccess(mgr(), { view: "revoke", q: "Mehmet" }).rows.length).toBe(n);
  });
});

describe("ticking access", () => {
  it("grants a needed tool with who and when, audits, and a stale revision is a conflict", () => {
    const id = idOf("newhire@example.com");
    getDb().delete(accessGrants).where(eq(accessGrants.personId, id)).run();
    const first = accessChecklist(mgr(), id).rows[0];
    expect(first).toMatchObject({ id: null, status: "pending", revision: 0 });
    setAccess(mgr(), id, { toolKey: first.toolKey, action: "grant", revision: 0 });
    const after = accessChecklist(mgr(), id).rows[0];
    expect(after.status).toBe("granted");
    expect(after.grantedBy).toBe(mgr().name);
    expect(after.grantedAt).not.toBeNull();
    expect(() => setAccess(hr(), id, { toolKey: first.toolKey, action: "revoke", revision: 0 })).toThrow(ConflictError);
    setAccess(hr(), id, { toolKey: first.toolKey, action: "revoke", revision: after.revision });
    const revoked = accessChecklist(hr(), id).rows[0];
    expect(revoked).toMatchObject({ status: "revoked", revokedBy: hr().name });
    const actions = getDb().select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(id))).all().map((r) => r.a);
    expect(actions).toEqual(expect.arrayContaining(["access.granted", "access.revoked"]));
  });

  it("refuses a tool the role does not list", () => {
    const id = idOf("newhire@example.com");
    expect(() => setAccess(hr(), id, { toolKey: "root password", action: "grant", revision: 0 })).toThrow(FieldError);
  });

  it("refuses outside the actor's scope: a supervisor may not manage access; a manager not for someone outside their people; nobody for themself", () => {
    const nora = idOf("newhire@example.com");
    const tool = accessChecklist(hr(), nora).rows[1].toolKey;
    expect(() => setAccess(sup(), nora, { toolKey: tool, action: "grant", revision: 0 })).toThrow(ForbiddenError);
    const daan = idOf("daan.visser@example.com");
    expect(() => accessChecklist(mgr(), daan)).toThrow(NotFoundError);
    expect(() => setAccess(mgr(), daan, { toolKey: "hr system and contract templates", action: "grant", revision: 0 })).toThrow(NotFoundError);
    expect(() => accessChecklist(mgr(), mgr().id)).toThrow(NotFoundError);
  });

  it("the manager's list shows only pending and flagged rows of their people, paginated and filtered", () => {
    const daan = idOf("daan.visser@example.com");
    getDb().delete(accessGrants).where(eq(accessGrants.personId, daan)).run();
    getDb()
      .insert(accessGrants)
      .values({ personId: daan, tool: "HR system", toolKey: "hr system", status: "pending", createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z" })
      .run();
    const mine = openAccess(mgr(), { view: "open" });
    expect(mine.rows.some((r) => r.personId === daan)).toBe(false);
    expect(mine.rows.every((r) => r.status === "pending" || r.status === "revoke")).toBe(true);
    expect(openAccess(hr(), { view: "pending", q: "daan" }).rows.map((r) => r.tool)).toEqual(["HR system"]);
    expect(openAccess(hr(), { view: "revoke", q: "daan" }).total).toBe(0);
    expect(() => openAccess(sup())).toThrow(ForbiddenError);
  });
});
