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

/** The last six ended months, oldest first: three older ones, then the headline's three. */
let o1: string, o2: string, o3: string, r1: string, r2: string, r3: string;

beforeAll(async () => {
  await useSeededTestDb();
  getDb().delete(pulseAnswers).run();
  [o1, o2, o3, r1, r2, r3] = closedMonths(6) as [string, string, string, string, string, string];
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
const firstTitle = (slug: string) =>
  getDb().select({ t: responsibilities.title }).from(responsibilities).where(eq(responsibilities.jobRoleId, roleId(slug))).orderBy(responsibilities.position).get()!.t;
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

  it("before the last 3 months, shows a month of 5 answers and hides a month of 4, with no numbers", () => {
    const parts = roleId("parts-clerk");
    insertPulseAnswers({ jobRoleId: parts, teamId: teamId("parts-care"), month: o1, n: 5, score: 4 });
    insertPulseAnswers({ jobRoleId: parts, teamId: teamId("parts-care"), month: o2, n: 5, score: 2 });
    insertPulseAnswers({ jobRoleId: parts, teamId: teamId("parts-care"), month: o3, n: 4, score: 5 });
    const row = clarityOverview(hr()).rows.find((r) => r.slug === "parts-clerk")!;
    expect(row.months.map((m) => m.month)).toEqual([o1, o2, o3, r1, r2, r3]);
    expect(row.months.slice(0, 3).map((m) => m.shown)).toEqual([true, true, false]);
    expect(row.months[0]).toMatchObject({ n: 5, means: { expected: 4, how: 4, wrong: 4, judged: 4, resources: 4 }, withheld: false });
    expect(row.months[2]).toEqual({ month: o3, shown: false, n: null, means: null, withheld: false });
    // Nothing in the last 3 months: no headline, and "not enough answers yet".
    expect(row.headline).toEqual({ months: [r1, r2, r3], shown: false, n: null, means: null });
    expect(row.anyAnswers).toBe(false);
    const quiet = clarityOverview(hr()).rows.find((r) => r.slug === "customer-care-agent")!;
    expect(quiet).toMatchObject({ headline: { shown: false }, anyAnswers: false });
  });

  it("4 + 4 + 3 answers in the last 3 months show together (11 ≥ 5), and each month is withheld", () => {
    const sm = roleId("service-manager");
    insertPulseAnswers({ jobRoleId: sm, month: r1, n: 4, score: 5 });
    insertPulseAnswers({ jobRoleId: sm, month: r2, n: 4, score: 3 });
    insertPulseAnswers({ jobRoleId: sm, month: r3, n: 3, score: 1 });
    const row = clarityOverview(hr()).rows.find((r) => r.slug === "service-manager")!;
    // (4·5 + 4·3 + 3·1) / 11 = 3.18…
    expect(row.headline).toEqual({ months: [r1, r2, r3], shown: true, n: 11, means: { expected: 3.2, how: 3.2, wrong: 3.2, judged: 3.2, resources: 3.2 } });
    expect(row.months.slice(3)).toEqual([r1, r2, r3].map((month) => ({ month, shown: false, n: null, means: null, withheld: true })));
    expect(row.anyAnswers).toBe(true);
    const role = clarityForRole(hr(), { slug: "service-manager" });
    expect(role.headline).toMatchObject({ shown: true, n: 11 });
    expect(role.months.slice(3).map((m) => [m.shown, m.withheld, m.inHeadline, m.n])).toEqual([
      [false, true, true, null],
      [false, true, true, null],
      [false, true, true, null],
    ]);
  });

  it("6 + 6 + 4: the headline shows; the month of 4 is withheld, and the smaller other month too, though it has 6", () => {
    const hp = roleId("hr-partner");
    insertPulseAnswers({ jobRoleId: hp, month: r1, n: 6, score: 4 });
    insertPulseAnswers({ jobRoleId: hp, month: r2, n: 6, score: 2 });
    insertPulseAnswers({ jobRoleId: hp, month: r3, n: 4, score: 5 });
    const row = clarityOverview(hr()).rows.find((r) => r.slug === "hr-partner")!;
    expect(row.headline).toMatchObject({ shown: true, n: 16 });
    // Showing both months of 6 would give the month of 4 as 16 − 6 − 6; one of them joins it.
    expect(row.months.slice(3)).toEqual([
      { month: r1, shown: false, n: null, means: null, withheld: true },
      { month: r2, shown: true, n: 6, means: { expected: 2, how: 2, wrong: 2, judged: 2, resources: 2 }, withheld: false },
      { month: r3, shown: false, n: null, means: null, withheld: true },
    ]);
    // What subtraction gives (16 − 6 = 10) is the two withheld months together, never one alone.
  });

  it("a 3-month total of 4 shows nothing: neither the headline nor a month, nor a breakdown or heatmap", () => {
    const cc = roleId("customer-care-agent");
    insertPulseAnswers({ jobRoleId: cc, month: r1, n: 2, leastClearKey: respKey("customer-care-agent", firstTitle("customer-care-agent")) });
    insertPulseAnswers({ jobRoleId: cc, month: r2, n: 1 });
    insertPulseAnswers({ jobRoleId: cc, month: r3, n: 1 });
    const row = clarityOverview(hr()).rows.find((r) => r.slug === "customer-care-agent")!;
    expect(row.headline).toEqual({ months: [r1, r2, r3], shown: false, n: null, means: null });
    expect(row.anyAnswers).toBe(true);
    expect(row.months.every((m) => !m.shown && !m.withheld)).toBe(true);
    const role = clarityForRole(hr(), { id: cc });
    expect(role.headline).toEqual({ months: [r1, r2, r3], shown: false, n: null, means: null, teams: [], breakdownWithheld: false, leastClear: null });
    expect(role.months.every((m) => !m.shown && m.leastClear === null)).toBe(true);
  });

  it("never shows the month still running", () => {
    const current = new Date().toISOString().slice(0, 7);
    insertPulseAnswers({ jobRoleId: roleId("workshop-foreman"), month: current, n: 8 });
    const r = clarityForRole(hr(), { slug: "workshop-foreman" });
    expect(r.months.map((m) => m.month)).not.toContain(current);
    expect(r.headline.months).not.toContain(current);
    expect(r.headline.shown).toBe(false);
    expect(r.months.every((m) => !m.shown)).toBe(true);
  });
});

describe("one role's results", () => {
  it("breaks an older month down by team under the suppression rule, and counts the least clear responsibilities", () => {
    const sa = roleId("service-advisor");
    const reception = teamId("reception");
    const workshop = teamId("workshop");
    const courtesy = respKey("service-advisor", "Courtesy cars");
    // o1: Reception 5 + Workshop 1: showing Reception beside the total would reveal Workshop's one answer.
    insertPulseAnswers({ jobRoleId: sa, teamId: reception, month: o1, n: 5, score: 4, leastClearKey: courtesy });
    insertPulseAnswers({ jobRoleId: sa, teamId: workshop, month: o1, n: 1, score: 1 });
    // o2: Reception 5, Workshop 6: both shown.
    insertPulseAnswers({ jobRoleId: sa, teamId: reception, month: o2, n: 5, score: 3, leastClearKey: courtesy });
    insertPulseAnswers({ jobRoleId: sa, teamId: workshop, month: o2, n: 6, score: 5 });
    // o3: Reception 3, Workshop 3, no team 5: the two teams merged as "other teams".
    insertPulseAnswers({ jobRoleId: sa, teamId: reception, month: o3, n: 3, score: 2 });
    insertPulseAnswers({ jobRoleId: sa, teamId: workshop, month: o3, n: 3, score: 4 });
    insertPulseAnswers({ jobRoleId: sa, teamId: null, month: o3, n: 5, score: 5, leastClearKey: courtesy });

    const r = clarityForRole(manager(), { id: sa });
    expect(r.role.slug).toBe("service-advisor");
    expect(r.minGroup).toBe(5);
    const [ma, mb, mc] = r.months;
    expect(ma).toMatchObject({ shown: true, n: 6, teams: [], breakdownWithheld: true, inHeadline: false });
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
    expect(r.months.slice(0, 3).map((m) => m.leastClear?.[courtesy] ?? 0)).toEqual([5, 5, 5]);
    expect(r.responsibilities.map((x) => x.title)).toContain("Courtesy cars");
    // The manager owns the role: the link opens the editor at the responsibility.
    expect(r.mayEdit).toBe(true);
    expect(r.responsibilities.find((x) => x.key === courtesy)!.href).toBe(`/roles/service-advisor/edit#resp-${courtesy}`);
  });

  it("the last 3 months: one team breakdown and one heatmap column summed over the months; a month shown among them has no breakdown of its own", () => {
    const sa = roleId("service-advisor");
    const reception = teamId("reception");
    const workshop = teamId("workshop");
    const courtesy = respKey("service-advisor", "Courtesy cars");
    const warranty = respKey("service-advisor", "Warranty, recalls and goodwill");
    insertPulseAnswers({ jobRoleId: sa, teamId: reception, month: r1, n: 5, score: 4, leastClearKey: courtesy });
    insertPulseAnswers({ jobRoleId: sa, teamId: workshop, month: r1, n: 2, score: 2, leastClearKey: warranty });
    insertPulseAnswers({ jobRoleId: sa, teamId: reception, month: r2, n: 6, score: 4, leastClearKey: courtesy });
    insertPulseAnswers({ jobRoleId: sa, teamId: workshop, month: r2, n: 2, score: 2 });
    insertPulseAnswers({ jobRoleId: sa, teamId: reception, month: r3, n: 3, score: 4, leastClearKey: warranty });
    insertPulseAnswers({ jobRoleId: sa, teamId: workshop, month: r3, n: 1, score: 2, leastClearKey: courtesy });

    const r = clarityForRole(hr(), { slug: "service-advisor" });
    // 7 + 8 + 4 = 19: Reception 14 and Workshop 5, each shown.
    expect(r.headline).toMatchObject({ months: [r1, r2, r3], shown: true, n: 19, breakdownWithheld: false });
    expect([...r.headline.teams].sort((a, b) => a.n - b.n)).toEqual([
      { kind: "team", name: "Workshop", n: 5, means: { expected: 2, how: 2, wrong: 2, judged: 2, resources: 2 } },
      { kind: "team", name: "Reception", n: 14, means: { expected: 4, how: 4, wrong: 4, judged: 4, resources: 4 } },
    ]);
    // The heatmap's "last 3 months" column: 5 + 6 + 1 named Courtesy cars, 2 + 3 Warranty.
    expect(r.headline.leastClear).toEqual({ [courtesy]: 12, [warranty]: 5 });
    // Months 7, 8, 4: the month of 4 and the month of 7 are withheld together; the month of 8 shows,
    // without a team breakdown (the team's 3 months minus it would reveal its other months).
    const recent = r.months.slice(3);
    expect(recent.map((m) => [m.month, m.shown, m.withheld, m.n])).toEqual([
      [r1, false, true, null],
      [r2, true, false, 8],
      [r3, false, true, null],
    ]);
    expect(recent[1]).toMatchObject({ inHeadline: true, teams: [], breakdownWithheld: false, leastClear: { [courtesy]: 6 } });
    expect(recent[0]).toMatchObject({ teams: [], leastClear: null });
  });

  it("hides a month below the minimum, its breakdown and its heatmap column", () => {
    const tech = roleId("technician");
    insertPulseAnswers({ jobRoleId: tech, teamId: teamId("workshop"), month: r3, n: 4, leastClearKey: respKey("technician", firstTitle("technician")) });
    const r = clarityForRole(hr(), { slug: "technician" }, { months: 3 });
    expect(r.headline).toMatchObject({ shown: false, leastClear: null, teams: [] });
    expect(r.months.at(-1)).toEqual({ month: r3, shown: false, n: null, means: null, withheld: false, inHeadline: true, teams: [], breakdownWithheld: false, leastClear: null });
  });

  it("an unknown role is not found", () => {
    expect(() => clarityForRole(hr(), { slug: "no-such-role" })).toThrow(NotFoundError);
  });
});

describe("the group minimum setting", () => {
  it("HR lowers it to 3: the technicians' month of 4 shows; at 10 the month of 6 hides; audited", () => {
    setMin(3);
    const tech = clarityForRole(hr(), { slug: "technician" }, { months: 3 });
    expect(tech.headline).toMatchObject({ shown: true, n: 4 });
    expect(tech.months.at(-1)).toMatchObject({ shown: true, n: 4 });
    setMin(10);
    expect(organisationSettings().pulseMinGroup).toBe(10);
    const sa = clarityForRole(hr(), { slug: "service-advisor" });
    expect(sa.months.slice(0, 3).map((m) => m.shown)).toEqual([false, true, true]);
    // At 10, month o2 (5 + 6) shows as a whole but neither team apart.
    expect(sa.months[1]).toMatchObject({ n: 11, teams: [], breakdownWithheld: true });
    // The last 3 months (7 + 8 + 4 = 19) show together; no month reaches 10 alone.
    expect(sa.headline).toMatchObject({ shown: true, n: 19 });
    expect(sa.months.slice(3).map((m) => m.withheld)).toEqual([true, true, true]);
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
