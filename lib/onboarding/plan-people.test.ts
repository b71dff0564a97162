import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobRoles, onboardingItems, onboardings, people, teams } from "@/db/schema";
import en from "@/i18n/messages/en.json";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { plansISupport } from "@/lib/onboarding/lists";
import { simpleTranslator, templatePhrases } from "@/lib/onboarding/phrases";
import { addPlanItem, getPlan, removePlanItem } from "@/lib/onboarding/plans";
import { managerCandidates, startOnboarding } from "@/lib/onboarding/start";
import { createPerson } from "@/lib/people/records";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

// Who may be named a plan's manager and buddy (issue: any manager could name an ordinary employee
// as a plan's manager, who could then add items and close the plan).

beforeAll(async () => {
  await useSeededTestDb();
});

const phrases = templatePhrases(simpleTranslator(en.onboarding.generated));
const hr = () => actorFor("hr@example.com");
const mgr = () => actorFor("manager@example.com");
const sup = () => actorFor("supervisor@example.com");
const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const noraPlan = () =>
  getDb()
    .select()
    .from(onboardings)
    .where(and(eq(onboardings.personId, idOf("newhire@example.com")), eq(onboardings.status, "open")))
    .get()!;

let n = 0;
async function hireReportingTo(reportsTo: string, team = "workshop") {
  n++;
  const { id } = await createPerson(hr(), {
    name: `Plan People ${n}`,
    email: `plan.people.${n}@example.com`,
    phone: null,
    appRole: "employee",
    jobRoleId: getDb().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, "technician")).get()!.id,
    teamId: getDb().select({ id: teams.id }).from(teams).where(eq(teams.slug, team)).get()!.id,
    reportsToId: idOf(reportsTo),
    startDate: "2030-05-06",
    locale: null,
    password: "a-strong-password",
  });
  return id;
}

function errorsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FieldError);
    return (e as FieldError).fieldErrors;
  }
  throw new Error("expected a field error");
}

describe("plan manager candidates", () => {
  it("are the hire's reports-to chain, their team's manager and HR, never an ordinary colleague", async () => {
    const hire = await hireReportingTo("supervisor@example.com");
    const names = managerCandidates(hr(), hire).map((p) => p.id);
    expect(names).toEqual(expect.arrayContaining([idOf("supervisor@example.com"), idOf("manager@example.com"), idOf("hr@example.com")]));
    expect(names).not.toContain(idOf("employee@example.com"));
    expect(names).not.toContain(hire);
  });

  it("are narrowed to the people the starter may see (a manager does not see HR)", async () => {
    const hire = await hireReportingTo("supervisor@example.com");
    const ids = managerCandidates(mgr(), hire).map((p) => p.id);
    expect(ids).toContain(idOf("supervisor@example.com"));
    expect(ids).not.toContain(idOf("hr@example.com"));
  });

  it("for someone the starter may not see is not found", () => {
    expect(() => managerCandidates(mgr(), idOf("hr@example.com"))).toThrow(NotFoundError);
  });
});

describe("starting a plan checks the manager and the buddy on the server", () => {
  it("refuses an ordinary employee as the plan's manager, and writes nothing", async () => {
    const hire = await hireReportingTo("supervisor@example.com");
    const before = getDb().select().from(onboardings).all().length;
    const input = { personId: hire, startDate: "2030-05-06", managerId: idOf("employee@example.com"), buddyId: idOf("employee@example.com") };
    expect(errorsOf(() => startOnboarding(mgr(), input, phrases))).toMatchObject({ managerId: "notPlanManager" });
    expect(getDb().select().from(onboardings).all()).toHaveLength(before);
  });

  it("refuses a manager or buddy the starter may not see", async () => {
    const hire = await hireReportingTo("supervisor@example.com");
    const input = { personId: hire, startDate: "2030-05-06", managerId: idOf("hr@example.com"), buddyId: idOf("hr@example.com") };
    expect(errorsOf(() => startOnboarding(mgr(), input, phrases))).toMatchObject({ managerId: "notPlanManager", buddyId: "invalidChoice" });
  });

  it("accepts someone further up the reports-to chain", async () => {
    const hire = await hireReportingTo("supervisor@example.com", "parts-care");
    // The supervisor reports to the manager: the manager is up the chain (and manages the team).
    const { id } = startOnboarding(hr(), { personId: hire, startDate: "2030-05-06", managerId: idOf("manager@example.com"), buddyId: idOf("employee@example.com") }, phrases);
    expect(getDb().select().from(onboardings).where(eq(onboardings.id, id)).get()!.managerId).toBe(idOf("manager@example.com"));
  });

  it("accepts HR as the plan's manager when HR starts it", async () => {
    const hire = await hireReportingTo("manager@example.com", "parts-care");
    expect(() => startOnboarding(hr(), { personId: hire, startDate: "2030-05-06", managerId: idOf("hr@example.com"), buddyId: idOf("employee@example.com") }, phrases)).not.toThrow();
  });
});

describe("the supervisor named manager of Nora's plan", () => {
  it("may add an item and remove it again (the same rule guards both)", () => {
    const plan = noraPlan();
    expect(getPlan(sup(), plan.id).me).toMatchObject({ isManager: true, mayManage: true, mayChange: true, mayCheckin: true });
    addPlanItem(sup(), plan.id, { title: "Tour of the wash bay", description: "", assignee: "manager", dueDay: 2, link: null });
    const item = getDb().select().from(onboardingItems).where(and(eq(onboardingItems.onboardingId, plan.id), eq(onboardingItems.title, "Tour of the wash bay"))).get()!;
    removePlanItem(sup(), item.id);
    expect(getDb().select().from(onboardingItems).where(eq(onboardingItems.id, item.id)).get()).toBeUndefined();
  });

  it("finds the plans they support, as do buddies; the hire does not see their own there", () => {
    expect(plansISupport(sup()).map((p) => p.id)).toContain(noraPlan().id);
    expect(plansISupport(sup()).find((p) => p.id === noraPlan().id)).toMatchObject({ asManager: true, asBuddy: false });
    expect(plansISupport(actorFor("employee@example.com")).find((p) => p.id === noraPlan().id)).toMatchObject({ asBuddy: true, asManager: false });
    expect(plansISupport(actorFor("newhire@example.com"))).toEqual([]);
  });

  it("an ordinary buddy may not change the plan", () => {
    const elif = actorFor("employee@example.com");
    expect(getPlan(elif, noraPlan().id).me).toMatchObject({ isBuddy: true, mayManage: false, mayChange: false, mayCheckin: true });
    expect(() => addPlanItem(elif, noraPlan().id, { title: "Sneaky", description: "", assignee: "hire", dueDay: 1, link: null })).toThrow(NotFoundError);
  });
});
