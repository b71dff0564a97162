import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, people, teams } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { AUDIT_COUNT_PAGES_AHEAD, AUDIT_PAGE_SIZE, AUDIT_PEOPLE_SEARCH_LIMIT, auditFilterOptions, listAudit, searchAuditPeople } from "@/lib/audit/browse";
import { getPerson } from "@/lib/people/directory";
import { updatePerson } from "@/lib/people/records";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const lastEntry = () => getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;

describe("audit detail of a person edit", () => {
  it("records old and new values of the changed fields, with names for references and never the password", async () => {
    const hr = actorFor("hr@example.com");
    const elif = actorFor("employee@example.com");
    const before = getPerson(hr, elif.id);
    const workshop = getDb().select({ id: teams.id }).from(teams).where(eq(teams.name, "Workshop")).get()!.id;
    await updatePerson(hr, elif.id, before.revision, {
      name: before.name,
      email: before.email,
      phone: "+31 20 555 9999",
      appRole: before.appRole,
      jobRoleId: before.jobRoleId,
      teamId: workshop,
      reportsToId: before.reportsToId,
      startDate: before.startDate,
      locale: before.locale,
      password: "a-new-long-password",
    });
    const entry = lastEntry();
    expect(entry).toMatchObject({ action: "person.update", entityType: "person", entityId: String(elif.id), actorId: hr.id });
    expect(JSON.parse(entry.detail)).toEqual({
      changes: { phone: { from: "+31 20 555 0104", to: "+31 20 555 9999" }, team: { from: "Reception", to: "Workshop" } },
      signInReset: true,
    });
    const hash = getDb().select({ h: people.passwordHash }).from(people).where(eq(people.id, elif.id)).get()!.h;
    expect(entry.detail).not.toContain(hash);
    expect(entry.detail).not.toContain("a-new-long-password");
  });

  it("drops secret-looking keys at any depth", () => {
    audit({ actorId: null, action: "person.update", entityType: "person", entityId: 1, detail: { changes: { passwordHash: { from: "x", to: "y" }, phone: { from: "1", to: "2" } }, token: "t" } });
    expect(JSON.parse(lastEntry().detail)).toEqual({ changes: { phone: { from: "1", to: "2" } } });
  });
});

describe("browsing the audit log", () => {
  it("links a person change to the person and keeps its changes", () => {
    const hr = actorFor("hr@example.com");
    const elif = actorFor("employee@example.com");
    const row = listAudit(hr, { entityType: "person", entityId: String(elif.id) }).rows.find((r) => r.action === "person.update")!;
    expect(row.actorName).toBe("Helena Rossi");
    expect(row.subject).toMatchObject({ kind: "person", name: "Elif Yılmaz", href: `/people/${elif.id}` });
    expect(row.detail).toMatchObject({ changes: { team: { from: "Reception", to: "Workshop" } } });
  });

  it("hides sign-ins unless asked", () => {
    const hr = actorFor("hr@example.com");
    audit({ actorId: hr.id, action: "auth.signin", entityType: "person", entityId: hr.id });
    const hidden = listAudit(hr, { personId: hr.id });
    expect(hidden.rows.some((r) => r.action.startsWith("auth."))).toBe(false);
    const shown = listAudit(hr, { personId: hr.id, signIns: true });
    expect(shown.rows.filter((r) => r.action === "auth.signin")).toHaveLength(1);
    expect(shown.total).toBe(hidden.total + 1);
  });

  it("a record that no longer exists has no name and no link", () => {
    const hr = actorFor("hr@example.com");
    audit({ actorId: hr.id, action: "person.deactivate", entityType: "person", entityId: 999999 });
    const row = listAudit(hr, { entityId: "999999" }).rows[0];
    expect(row.subject).toMatchObject({ name: null, href: null });
  });

  it("the Person filter searches at most 20 people by name or email, and text filters by anyone it matches", () => {
    const hr = actorFor("hr@example.com");
    expect(searchAuditPeople(hr, "   ")).toEqual([]);
    expect(searchAuditPeople(hr, "yilmaz").map((p) => p.name)).toEqual(["Elif Yılmaz"]);
    expect(searchAuditPeople(hr, "example.com").length).toBeLessThanOrEqual(AUDIT_PEOPLE_SEARCH_LIMIT);
    expect(searchAuditPeople(hr, "e").length).toBe(AUDIT_PEOPLE_SEARCH_LIMIT);
    const byText = listAudit(hr, { personText: "helena" });
    expect(byText.total).toBeGreaterThan(0);
    expect(byText.rows.every((r) => r.actorName === "Helena Rossi")).toBe(true);
    expect(listAudit(hr, { personText: "nobody-matches-this" }).total).toBe(0);
  });

  it("the filter's record types are every type in the log, each once, in order", () => {
    const hr = actorFor("hr@example.com");
    const expected = getDb().selectDistinct({ t: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType).all().map((r) => r.t);
    expect(expected.length).toBeGreaterThan(2);
    expect(auditFilterOptions(hr).entityTypes).toEqual(expected);
  });

  it("never counts the whole log: the count stops a few pages past the page asked for", () => {
    const hr = actorFor("hr@example.com");
    const cap = AUDIT_COUNT_PAGES_AHEAD * AUDIT_PAGE_SIZE;
    const small = listAudit(hr, {});
    expect(small.totalExact).toBe(true);
    const now = new Date().toISOString();
    getDb()
      .insert(auditLog)
      .values(Array.from({ length: cap + 5 - small.total }, (_, i) => ({ at: now, actorId: hr.id, action: "bulk.test", entityType: "bulk", entityId: String(i), detail: "{}" })))
      .run();
    const first = listAudit(hr, {});
    expect(first.totalExact).toBe(false);
    expect(first.total).toBe(cap);
    expect(first.pageCount).toBe(AUDIT_COUNT_PAGES_AHEAD);
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    // further on, the count reaches the end and is exact again
    const later = listAudit(hr, { page: 3 });
    expect(later.totalExact).toBe(true);
    expect(later.total).toBe(cap + 5);
    expect(later.page).toBe(3);
    // a filter narrow enough is counted exactly
    expect(listAudit(hr, { entityType: "bulk", entityId: "7" })).toMatchObject({ total: 1, totalExact: true });
  });
});
