import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, jobRoles, pulseAnswers, responsibilities, teams } from "@/db/schema";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { updatePulseMinGroup } from "@/lib/org/organisation";
import { organisationSettings } from "@/lib/org/settings";
import { clarityForRole, clarityOverview, closedMonths } from "@/lib/pulse/results";
import { insertPulseAnswers } from "@/lib/test/confidence";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
  getDb().delete(pulseAnswers).run();
});

const hr = () => actorFor("hr@example.com");
const manager = () => actorFor("manager@example.com");
const roleId = (slug: string) => getDb().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get()!.id;
const teamId = (slug: string) => getDb().select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;
const respKey = (slug: string, title: string) =>
  getDb()
    .select({ key: responsibilities.key })
    .from(responsibilities)
    .where(and(eq(responsibilities.jobRoleId, roleId(slug)), eq(responsibilities.title, title)))
    .get()!.key;
const setMin = (n: number) => updatePulseMinGroup(hr(), organisationSettings().revision, { pulseMinGroup: n });

describe("closed months", () => {
  it("are the whole months before the current one, oldest first, across a year's end", () => {
    expect(closedMonths(3, "2026-02-14")).toEqual(["2025-11", "2025-12", "2026-01"]);
    expect(closedMonths(1, "2026-12-01")).toEqual(["2026-11"]);
  });
});

describe("the clarity overview", () => {
  it("shows HR every role, and a manager only the roles held below them or owned by them", () => {
    const all = getDb().select({ n: count() }).from(jobRoles).get()!.n;
    expect(clarityOverview(hr()).total).toBe(all);
    const slugs = clarityOverview(manager()).rows.map((r) => r.slug);
    expect(slugs).toContain("service-advisor");
    expect(slugs).toContain("technician");
    // The HR partner role is owned by HR and held by nobody below the manager.
    expect(slugs).not.toContain("hr-partner");
  });

  it("shows a month of 5 answers and hides a month of 4, with no numbers", () => {
    const [m1, m2, m3] = closedMonths(3);
    const parts = roleId("parts-clerk");
    insertPulseAnswers({ jobRoleId: parts, teamId: teamId("parts-care"), month: m1!, n: 5, score: 4 });
    insertPulseAnswers({ jobRoleId: parts, teamId: teamId("parts-care"), month: m2!, n: 5, score: 2 });
    insertPulseAnswers({ jobRoleId: parts, teamId: teamId("parts-care"), month: m3!, n: 4, score: 5 });
    const row = clarityOverview(hr(), { months: 3 }).rows.find((r) => r.slug === "parts-clerk")!;
    expect(row.months.map((m) => m.shown)).toEqual([true, true, false]);
    expect(row.months[0]).toMatchObject({ n: 5, means: { expected: 4, how: 4, wrong: 4, judged: 4, resources: 4 } });
    expect(row.months[2]).toEqual({ month: m3, shown: false, n: null, means: null });
    expect(row.latest).toMatchObject({ month: m2, n: 5, means: { expected: 2 } });
    expect(row.anyAnswers).toBe(true);
    const quiet = clarityOverview(hr(), { months: 3 }).rows.find((r) => r.slug === "customer-care-agent")!;
    expect(quiet).toMatchObject({ latest: null, anyAnswers: false });
  });

  it("never shows the month still running", () => {
    const current = new Date().toISOString().slice(0, 7);
    insertPulseAnswers({ jobRoleId: roleId("workshop-foreman"), month: current, n: 8 });
    const r = clarityForRole(hr(), { slug: "workshop-foreman" });
    expect(r.months.map((m) => m.month)).not.toContain(current);
    expect(r.months.every((m) => !m.shown)).toBe(true);
  });
});

describe("one role's results", () => {
  it("breaks a month down by team under the suppression rule, and counts the least clear responsibilities", () => {
    const [a, b, c] = closedMonths(3);
    const sa = roleId("service-advisor");
    const reception = teamId("reception");
    const workshop = teamId("workshop");
    const courtesy = respKey("service-advisor", "Courtesy cars");
    // a: Reception 5 + Workshop 1: showing Reception beside the total would reveal Workshop's one answer.
    insertPulseAnswers({ jobRoleId: sa, teamId: reception, month: a!, n: 5, score: 4, leastClearKey: courtesy });
    insertPulseAnswers({ jobRoleId: sa, teamId: workshop, month: a!, n: 1, score: 1 });
    // b: Reception 5, Workshop 6: both shown.
    insertPulseAnswers({ jobRoleId: sa, teamId: reception, month: b!, n: 5, score: 3, leastClearKey: courtesy });
    insertPulseAnswers({ jobRoleId: sa, teamId: workshop, month: b!, n: 6, score: 5 });
    // c: Reception 3, Workshop 3, no team 5: the two teams merged as "other teams".
    insertPulseAnswers({ jobRoleId: sa, teamId: reception, month: c!, n: 3, score: 2 });
    insertPulseAnswers({ jobRoleId: sa, teamId: workshop, month: c!, n: 3, score: 4 });
    insertPulseAnswers({ jobRoleId: sa, teamId: null, month: c!, n: 5, score: 5, leastClearKey: courtesy });

    const r = clarityForRole(manager(), { id: sa }, { months: 3 });
    expect(r.role.slug).toBe("service-advisor");
    expect(r.minGroup).toBe(5);
    const [ma, mb, mc] = r.months;
    expect(ma).toMatchObject({ shown: true, n: 6, teams: [], breakdownWithheld: true });
    expect(ma!.means!.expected).toBe(3.5);
    expect(mb!.teams).toEqual([
      { kind: "team", name: "Reception", n: 5, means: { expected: 3, how: 3, wrong: 3, judged: 3, resources: 3 } },
      { kind: "team", name: "Workshop", n: 6, means: { expected: 5, how: 5, wrong: 5, judged: 5, resources: 5 } },
    ]);
    expect(mc!.teams).toEqual([
      { kind: "noTeam", n: 5, means: { expected: 5, how: 5, wrong: 5, judged: 5, resources: 5 } },
      { kind: "other", names: expect.arrayContaining(["Reception", "Workshop"]), n: 6, means: { expected: 3, how: 3, wrong: 3, judged: 3, resources: 3 } },
    ]);
    // The heatmap: per month, how often each responsibility was named least clear.
    expect(r.months.map((m) => m.leastClear?.[courtesy] ?? 0)).toEqual([5, 5, 5]);
    expect(r.responsibilities.map((x) => x.title)).toContain("Courtesy cars");
    // The manager owns the role: the link opens the editor at the responsibility.
    expect(r.mayEdit).toBe(true);
    expect(r.responsibilities.find((x) => x.key === courtesy)!.href).toBe(`/roles/service-advisor/edit#resp-${courtesy}`);
  });

  it("hides a month below the minimum, its breakdown and its heatmap column", () => {
    const [, , c] = closedMonths(3);
    const tech = roleId("technician");
    insertPulseAnswers({ jobRoleId: tech, teamId: teamId("workshop"), month: c!, n: 4, leastClearKey: respKey("technician", getDb().select({ t: responsibilities.title }).from(responsibilities).where(eq(responsibilities.jobRoleId, tech)).get()!.t) });
    const m = clarityForRole(hr(), { slug: "technician" }, { months: 3 }).months.at(-1)!;
    expect(m).toEqual({ month: c, shown: false, n: null, means: null, teams: [], breakdownWithheld: false, leastClear: null });
  });

  it("an unknown role is not found", () => {
    expect(() => clarityForRole(hr(), { slug: "no-such-role" })).toThrow(NotFoundError);
  });
});

describe("the group minimum setting", () => {
  it("HR lowers it to 3: the technicians' month of 4 shows; at 10 the month of 6 hides; audited", () => {
    setMin(3);
    expect(clarityForRole(hr(), { slug: "technician" }, { months: 3 }).months.at(-1)).toMatchObject({ shown: true, n: 4 });
    setMin(10);
    expect(organisationSettings().pulseMinGroup).toBe(10);
    const sa = clarityForRole(hr(), { slug: "service-advisor" }, { months: 3 });
    expect(sa.months.map((m) => m.shown)).toEqual([false, true, true]);
    // At 10, month b (5 + 6) shows as a whole but neither team apart.
    expect(sa.months[1]).toMatchObject({ n: 11, teams: [], breakdownWithheld: true });
    const last = getDb().select().from(auditLog).where(eq(auditLog.action, "organisation.update")).all().at(-1)!;
    expect(JSON.parse(last.detail)).toEqual({ changes: { pulseMinGroup: { from: 3, to: 10 } } });
    setMin(5);
  });

  it("refuses a minimum outside 3–10 next to the field, and a stale revision as a conflict", () => {
    const before = organisationSettings();
    for (const bad of [2, 11, 0, 4.5]) {
      let error: unknown;
      try {
        updatePulseMinGroup(hr(), before.revision, { pulseMinGroup: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FieldError);
      expect((error as FieldError).fieldErrors).toEqual({ pulseMinGroup: "pulseMinGroupRange" });
    }
    expect(() => updatePulseMinGroup(hr(), before.revision - 1, { pulseMinGroup: 6 })).toThrow(ConflictError);
    expect(organisationSettings()).toEqual(before);
  });
});
