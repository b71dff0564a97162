import { eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, jobRoles, people, teams } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { ConflictError, FieldError, ForbiddenError } from "@/lib/core/errors";
import { getPerson, listPeople } from "@/lib/people/directory";
import { REPORTS_TO_SEARCH_LIMIT, TEAM_SEARCH_LIMIT, createPerson, personFormOptions, searchReportsTo, searchTeams, setPersonActive, updatePerson } from "@/lib/people/records";
import { createPersonSchema, updatePersonSchema } from "@/lib/people/schema";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const base = {
  name: "Jan Peeters",
  email: "jan.peeters@example.com",
  phone: null,
  appRole: "employee" as const,
  jobRoleId: null,
  teamId: null,
  reportsToId: null,
  startDate: "2026-12-01",
  locale: null,
};

const countPeople = () => getDb().select().from(people).all().length;

describe("people", () => {
  it("HR creates a person, audited without the password", async () => {
    const hr = actorFor("hr@example.com");
    const { id } = await createPerson(hr, { ...base, password: "a-strong-password" });
    expect(getPerson(hr, id).email).toBe("jan.peeters@example.com");
    const entry = getDb().select().from(auditLog).where(eq(auditLog.entityId, String(id))).all();
    expect(entry.map((e) => e.action)).toContain("person.create");
    expect(entry.map((e) => e.detail).join("")).not.toMatch(/a-strong-password|argon2/);
  });

  it("refuses a duplicate email, whatever its case, and writes nothing", async () => {
    const hr = actorFor("hr@example.com");
    const before = countPeople();
    await expect(createPerson(hr, { ...base, email: "EMPLOYEE@example.com", password: "another-password" })).rejects.toMatchObject({
      fieldErrors: { email: "emailTaken" },
    });
    expect(countPeople()).toBe(before);
  });

  it("refuses creation by anyone but HR", async () => {
    const mgr = actorFor("manager@example.com");
    await expect(createPerson(mgr, { ...base, email: "x@example.com", password: "long-enough-pw" })).rejects.toThrow(ForbiddenError);
  });

  it("validates input: over-long names, bad emails, short passwords, bad dates", () => {
    const result = createPersonSchema.safeParse({
      ...base,
      name: "x".repeat(201),
      email: "not-an-email",
      password: "short",
      startDate: "2026-02-30x",
      appRole: "emperor",
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["name", "email", "password", "startDate", "appRole"]));
    expect(createPersonSchema.safeParse({ ...base, password: "long-enough-pw" }).success).toBe(true);
  });

  it("coerces form strings: empty selects become null, ids become numbers", () => {
    const parsed = updatePersonSchema.parse({
      ...base,
      id: "7",
      revision: "3",
      jobRoleId: "",
      teamId: "2",
      reportsToId: "",
      locale: "",
      password: "",
    });
    expect(parsed).toMatchObject({ id: 7, revision: 3, jobRoleId: null, teamId: 2, locale: null, password: undefined });
  });

  it("a stale revision is a conflict and changes nothing", async () => {
    const hr = actorFor("hr@example.com");
    const target = actorFor("newhire@example.com");
    const before = getPerson(hr, target.id);
    const input = { ...base, name: before.name, email: before.email, startDate: before.startDate };
    await updatePerson(hr, target.id, before.revision, { ...input, name: "Nora Bērziņa-Ozola" });
    await expect(updatePerson(hr, target.id, before.revision, { ...input, name: "Overwritten" })).rejects.toThrow(ConflictError);
    expect(getPerson(hr, target.id).name).toBe("Nora Bērziņa-Ozola");
  });

  it("a change of job role records the day (role_since, for the role-change pulse); other edits keep it", async () => {
    const hr = actorFor("hr@example.com");
    const row = () => getDb().select().from(people).where(eq(people.email, "pieter.vandijk@example.com")).get()!;
    const p = row();
    const input = { ...base, name: p.name, email: p.email, phone: p.phone, appRole: p.appRole, jobRoleId: p.jobRoleId, teamId: p.teamId, reportsToId: p.reportsToId, startDate: p.startDate, locale: p.locale };
    await updatePerson(hr, p.id, p.revision, { ...input, phone: "+31 6 1234 5678" });
    expect(row().roleSince).toBeNull();
    const other = getDb().select({ id: jobRoles.id }).from(jobRoles).where(ne(jobRoles.id, p.jobRoleId ?? -1)).get()!.id;
    await updatePerson(hr, p.id, row().revision, { ...input, jobRoleId: other });
    expect(row().roleSince).toBe(todayIso());
  });

  it("a person cannot report to themself", async () => {
    const hr = actorFor("hr@example.com");
    const target = getPerson(hr, actorFor("employee@example.com").id);
    await expect(
      updatePerson(hr, target.id, target.revision, { ...base, email: target.email, reportsToId: target.id }),
    ).rejects.toBeInstanceOf(FieldError);
  });

  it("deactivating bumps the session version and hides the person from the default list", () => {
    const hr = actorFor("hr@example.com");
    const target = getDb().select().from(people).where(eq(people.email, "jan.peeters@example.com")).get()!;
    setPersonActive(hr, target.id, target.revision, false);
    const after = getDb().select().from(people).where(eq(people.id, target.id)).get()!;
    expect(after.active).toBe(false);
    expect(after.sessionVersion).toBe(target.sessionVersion + 1);
    expect(listPeople(hr, { q: "jan.peeters" }).rows).toHaveLength(0);
    expect(listPeople(hr, { q: "jan.peeters", status: "inactive" }).rows).toHaveLength(1);
  });

  it("HR cannot deactivate themself", () => {
    const hr = actorFor("hr@example.com");
    const me = getPerson(hr, hr.id);
    expect(() => setPersonActive(hr, hr.id, me.revision, false)).toThrow(FieldError);
  });

  it("search matches name or email, and treats % and _ literally", () => {
    const hr = actorFor("hr@example.com");
    expect(listPeople(hr, { q: "YILMAZ" }).rows.map((r) => r.email)).toContain("employee@example.com");
    expect(listPeople(hr, { q: "yilmaz" }).rows.map((r) => r.email)).toContain("employee@example.com");
    expect(listPeople(hr, { q: "berzina" }).rows.map((r) => r.email)).toContain("newhire@example.com");
    expect(listPeople(hr, { q: "newhire@" }).rows).toHaveLength(1);
    expect(listPeople(hr, { q: "%" }).rows).toHaveLength(0);
  });

  it("the person form lists no people: 'Reports to' is a search of at most 20 active people", async () => {
    const hr = actorFor("hr@example.com");
    expect(Object.keys(personFormOptions(hr))).toEqual(["jobRoles"]);
    for (let i = 0; i < REPORTS_TO_SEARCH_LIMIT + 5; i++)
      await createPerson(hr, { ...base, name: `Bulk Manager ${i}`, email: `bulk.manager.${i}@example.com`, password: "a-strong-password" });
    expect(searchReportsTo(hr, "bulk manager")).toHaveLength(REPORTS_TO_SEARCH_LIMIT);
    expect(searchReportsTo(hr, "YILMAZ").map((p) => p.email)).toEqual(["employee@example.com"]);
    expect(searchReportsTo(hr, "   ")).toEqual([]);
    expect(searchReportsTo(hr, "%")).toEqual([]);
    const elif = actorFor("employee@example.com");
    expect(searchReportsTo(hr, "yilmaz", elif.id)).toEqual([]);
  });

  it("the person form lists no teams: 'Team' is a search of at most 20 teams", () => {
    const hr = actorFor("hr@example.com");
    const db = getDb();
    for (let i = 0; i < TEAM_SEARCH_LIMIT + 5; i++) db.insert(teams).values({ slug: `bulk-team-${i}`, name: `Bulk Team ${String(i).padStart(2, "0")}` }).run();
    const bulk = searchTeams(hr, "bulk team");
    expect(bulk).toHaveLength(TEAM_SEARCH_LIMIT);
    expect(bulk[0].name).toBe("Bulk Team 00");
    expect(searchTeams(hr, "BULK TEAM 24").map((t) => t.name)).toEqual(["Bulk Team 24"]);
    expect(searchTeams(hr, "  ")).toEqual([]);
    expect(searchTeams(hr, "%")).toEqual([]);
    expect(() => searchTeams(actorFor("manager@example.com"), "a")).toThrow(ForbiddenError);
    expect(() => searchTeams(actorFor("employee@example.com"), "a")).toThrow(ForbiddenError);
  });

  it("only HR may search for a manager", () => {
    expect(() => searchReportsTo(actorFor("manager@example.com"), "a")).toThrow(ForbiddenError);
    expect(() => searchReportsTo(actorFor("employee@example.com"), "a")).toThrow(ForbiddenError);
  });
});
