import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { pulseAnswers, teams } from "@/db/schema";
import { eq } from "drizzle-orm";
import { updatePulseMinGroup } from "@/lib/org/organisation";
import { organisationSettings } from "@/lib/org/settings";
import { clarityForRole, clarityOverview, closedMonths, type ClarityForRole, type ClarityOverview } from "@/lib/pulse/results";
import { insertPulseAnswers } from "@/lib/test/confidence";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, MGR, NORA, refusals, roleIdOf, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** Role-clarity results and the pulse's group minimum (the harness is lib/test/refusals.ts). */

beforeAll(async () => {
  await useSeededTestDb();
  getDb().delete(pulseAnswers).run();
  const workshop = getDb().select({ id: teams.id }).from(teams).where(eq(teams.slug, "workshop")).get()!.id;
  const [m] = closedMonths(1);
  insertPulseAnswers({ jobRoleId: roleIdOf("hr-partner"), month: m!, n: 6 });
  insertPulseAnswers({ jobRoleId: roleIdOf("technician"), teamId: workshop, month: m!, n: 5 });
}, SEED_TIMEOUT);

const ORG = () => ({ type: "organisation", id: 1 });
const NOT_READERS = [SUP, EMP, NORA, STRANGER];
const NOT_HR = [MGR, SUP, EMP, NORA, STRANGER];
const rev = () => organisationSettings().revision;

const cases: RefusalCase[] = [
  ...forbidden("clarityOverview", NOT_READERS, (a) => clarityOverview(a), "clarity.read", () => ({ type: "job_role" })),
  ...forbidden("clarityForRole", NOT_READERS, (a) => clarityForRole(a, { slug: "technician" }), "clarity.read", () => ({ type: "job_role", id: "technician" })),
  ...forbidden("updatePulseMinGroup", NOT_HR, (a) => updatePulseMinGroup(a, rev(), { pulseMinGroup: 3 }), "organisation.manage", ORG),
  {
    name: "clarityForRole: a manager asking for a role neither below them nor theirs gets not found (audited)",
    as: MGR,
    call: (a) => clarityForRole(a, { slug: "hr-partner" }),
    expect: "notFound",
    denied: () => ({ type: "job_role", id: roleIdOf("hr-partner"), detail: { rule: "clarityRolesCondition" } }),
  },
  {
    name: "clarityForRole: the same by id",
    as: MGR,
    call: (a) => clarityForRole(a, { id: roleIdOf("hr-partner") }),
    expect: "notFound",
    denied: () => ({ type: "job_role", id: roleIdOf("hr-partner"), detail: { rule: "clarityRolesCondition" } }),
  },
  {
    name: "clarityForRole: a role that does not exist is not found, with nothing to audit",
    as: HR,
    call: (a) => clarityForRole(a, { slug: "no-such-role" }),
    expect: "notFound",
  },
  {
    name: "clarityOverview: a manager's list leaves out the roles outside their scope",
    as: MGR,
    call: (a) => clarityOverview(a).rows.map((r) => r.slug),
    expect: (slugs: string[]) => {
      expect(slugs).toContain("technician");
      expect(slugs).not.toContain("hr-partner");
    },
  },
  {
    name: "positive: HR reads every role, the HR partner's 6 answers of the last 3 months included",
    as: HR,
    call: (a) => clarityOverview(a).rows.find((r) => r.slug === "hr-partner")?.headline.n,
    expect: (n: number) => expect(n).toBe(6),
  },
  {
    name: "positive: a manager reads a role held below them",
    as: MGR,
    call: (a) => clarityForRole(a, { slug: "technician" }),
    expect: (r: ClarityForRole) => expect(r.months.at(-1)).toMatchObject({ shown: true, n: 5 }),
  },
  {
    name: "updatePulseMinGroup: HR's 2 is refused next to the field",
    as: HR,
    call: (a) => updatePulseMinGroup(a, rev(), { pulseMinGroup: 2 }),
    expect: "field",
    fieldErrors: { pulseMinGroup: "pulseMinGroupRange" },
  },
  {
    name: "updatePulseMinGroup: HR's 11 is refused next to the field",
    as: HR,
    call: (a) => updatePulseMinGroup(a, rev(), { pulseMinGroup: 11 }),
    expect: "field",
    fieldErrors: { pulseMinGroup: "pulseMinGroupRange" },
  },
  // Allowed writes last.
  {
    name: "positive: HR sets the minimum to 6; the technicians' month of 5 is then hidden",
    as: HR,
    call: (a) => {
      updatePulseMinGroup(a, rev(), { pulseMinGroup: 6 });
      return clarityOverview(a);
    },
    expect: (o: ClarityOverview) => {
      expect(o.minGroup).toBe(6);
      expect(o.rows.find((r) => r.slug === "technician")!.headline.shown).toBe(false);
    },
    changes: ["organisation"],
  },
];

describe("refusals: role clarity", () => {
  refusals(cases);
});
