import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { holidays, jobRoles, notifications, onboardingItems, onboardings, people, teams } from "@/db/schema";
import en from "@/i18n/messages/en.json";
import { ActionError, FieldError, NotFoundError } from "@/lib/core/errors";
import { simpleTranslator, templatePhrases } from "@/lib/onboarding/phrases";
import { getPlan, remindItem } from "@/lib/onboarding/plans";
import { buddySuggestions, openPlanOf, startOnboarding, type StartInput } from "@/lib/onboarding/start";
import { dueDate, isWorkingDay } from "@/lib/onboarding/rules";
import { getTemplate, previewTemplateRegeneration, regenerateTemplate, saveTemplateItem, templateFreshness } from "@/lib/onboarding/templates";
import { currentDocs } from "@/lib/roles/documents";
import { emptyResponsibility } from "@/lib/roles/doc";
import { publishDoc } from "@/lib/roles/publish";
import { createPerson } from "@/lib/people/records";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const phrases = templatePhrases(simpleTranslator(en.onboarding.generated));
const SA = "service-advisor";
const hr = () => actorFor("hr@example.com");
const mgr = () => actorFor("manager@example.com");
const sup = () => actorFor("supervisor@example.com");
const nora = () => actorFor("newhire@example.com");
const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const roleIdOf = (slug: string) => getDb().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get()!.id;
const teamIdOf = (slug: string) => getDb().select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;
const itemsOf = (planId: number) => getDb().select().from(onboardingItems).where(eq(onboardingItems.onboardingId, planId)).orderBy(asc(onboardingItems.id)).all();

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FieldError);
    return (e as FieldError).fieldErrors;
  }
  throw new Error("expected the call to throw");
}

let n = 0;
async function newAdvisor(startDate = "2030-03-02", name?: string) {
  n++;
  const { id } = await createPerson(hr(), {
    name: name ?? `Start Test ${n}`,
    email: `start.test.${n}@example.com`,
    phone: null,
    appRole: "employee",
    jobRoleId: roleIdOf(SA),
    teamId: teamIdOf("reception"),
    reportsToId: idOf("manager@example.com"),
    startDate,
    locale: null,
    password: "a-strong-password",
  });
  return id;
}

const input = (personId: number, startDate: string): StartInput => ({
  personId,
  startDate,
  managerId: idOf("manager@example.com"),
  buddyId: idOf("thomas.bakker@example.com"),
});

/** The form's visible fields: every refusal of a start must name one of them. */
const VISIBLE_FIELDS = ["personId", "startDate", "managerId", "buddyId", "fromJobRoleId"];

describe("starting on a working day", () => {
  it("refuses a Saturday start next to the start date, and starts nothing", async () => {
    const p = await newAdvisor();
    expect(isWorkingDay("2030-03-02")).toBe(false);
    expect(fieldErrors(() => startOnboarding(hr(), input(p, "2030-03-02"), phrases))).toEqual({ startDate: "startNotWorkingDay" });
    expect(openPlanOf(hr(), p)).toBeNull();
  });

  it("refuses a public holiday start, and due dates skip public holidays", async () => {
    const p = await newAdvisor();
    // Monday 3 June 2030 is a holiday; so is Thursday 6 June.
    getDb()
      .insert(holidays)
      .values([
        { date: "2030-06-03", name: "Test holiday", createdById: idOf("hr@example.com") },
        { date: "2030-06-06", name: "Another holiday", createdById: idOf("hr@example.com") },
      ])
      .run();
    expect(fieldErrors(() => startOnboarding(hr(), input(p, "2030-06-03"), phrases))).toEqual({ startDate: "startNotWorkingDay" });
    const { id } = startOnboarding(hr(), input(p, "2030-06-04"), phrases);
    const items = itemsOf(id);
    const set = new Set(["2030-06-03", "2030-06-06"]);
    for (const i of items) {
      expect(i.dueDate).toBe(dueDate("2030-06-04", i.dueDay, set));
      expect(set.has(i.dueDate)).toBe(false);
    }
    // Day 2 would be the 6th without the holiday; it is Friday the 7th.
    const day2 = items.find((i) => i.dueDay === 2);
    if (day2) expect(day2.dueDate).toBe("2030-06-07");
    // Day -1 skips the Monday holiday back to Friday 31 May.
    expect(items.find((i) => i.dueDay === -1)?.dueDate).toBe("2030-05-31");
  });

  it("names a visible field in every refusal, including an open plan of the person", async () => {
    const p = await newAdvisor();
    startOnboarding(hr(), input(p, "2030-03-04"), phrases);
    const errors = fieldErrors(() => startOnboarding(hr(), { ...input(p, "2030-03-09"), buddyId: p, managerId: p }, phrases));
    expect(errors).toEqual({ personId: "alreadyOnboarding", startDate: "startNotWorkingDay", buddyId: "buddyIsHire", managerId: "notPlanManager" });
    for (const key of Object.keys(errors)) expect(VISIBLE_FIELDS).toContain(key);
  });
});

describe("buddy suggestions", () => {
  it("leave out people in their own first 90 days and people with an open plan of their own", async () => {
    const hire = await newAdvisor("2030-03-02", "Needs A Buddy");
    const today = "2030-03-01";
    const recent = await newAdvisor("2030-01-15", "Recent Advisor"); // 45 days before today
    const settled = await newAdvisor("2029-11-01", "Settled Advisor"); // 120 days before today
    const onboarding = await newAdvisor("2029-06-01", "Changing Advisor");
    startOnboarding(hr(), input(onboarding, "2030-03-04"), phrases);
    const ids = buddySuggestions(hr(), hire, null, today).map((s) => s.id);
    expect(ids).toContain(settled);
    expect(ids).toContain(idOf("thomas.bakker@example.com"));
    expect(ids).not.toContain(recent);
    expect(ids).not.toContain(onboarding);
    expect(ids).not.toContain(hire);
    // Nora is in her first days and has an open plan.
    expect(ids).not.toContain(idOf("newhire@example.com"));
  });
});

describe("plans start from the role's current version", () => {
  it("an outdated template is reported; the plan takes the current version's items and keeps the edited ones", async () => {
    // Someone renames the read-role item by hand; the template is stored from the current version.
    const view = getTemplate(mgr(), SA, phrases);
    const readRole = view.items.find((i) => i.genKey === "read-role")!;
    saveTemplateItem(mgr(), SA, view.revision, readRole.id, { title: "Read your role with Anna", description: "Anna walks you through it", assignee: "hire", dueDay: 1, link: null }, phrases);
    expect(templateFreshness(mgr(), roleIdOf(SA))).toMatchObject({ outdated: false, mayEdit: true });

    // The role gains a responsibility in a new version.
    const { role, doc } = currentDocs(eq(jobRoles.slug, SA))[0];
    const added = { ...emptyResponsibility("r-valet-test"), title: "Valet parking" };
    const dropped = doc.responsibilities[doc.responsibilities.length - 1];
    getDb().transaction((tx) => {
      publishDoc(tx, idOf("hr@example.com"), role, { ...doc, responsibilities: [...doc.responsibilities.slice(0, -1), added] }, { summary: "Valet", kind: "editorial" });
    });
    const fresh = templateFreshness(mgr(), roleIdOf(SA))!;
    expect(fresh).toMatchObject({ outdated: true, currentVersion: role.currentVersion + 1, generatedFromVersion: role.currentVersion });

    const p = await newAdvisor();
    const { id } = startOnboarding(hr(), input(p, "2030-03-04"), phrases);
    const items = itemsOf(id);
    expect(items.find((i) => i.genKey === "shadow:r-valet-test")).toMatchObject({ title: phrases.shadow("Valet parking"), genParams: JSON.stringify({ responsibility: "Valet parking" }) });
    expect(items.some((i) => i.genKey === `do:${dropped.key}`)).toBe(false);
    expect(items.find((i) => i.genKey === "read-role")).toMatchObject({ title: "Read your role with Anna", description: "Anna walks you through it", edited: true, dueDay: 1 });
    // Starting a plan does not rewrite the stored template behind the editors' backs.
    expect(templateFreshness(mgr(), roleIdOf(SA))!.outdated).toBe(true);

    // The preview lists the change before anything is stored…
    const before = getTemplate(mgr(), SA, phrases);
    const preview = previewTemplateRegeneration(mgr(), SA, phrases);
    expect(preview).toMatchObject({ fromVersion: role.currentVersion, toVersion: role.currentVersion + 1, revision: before.revision });
    expect(preview.changes.added.map((i) => i.genKey).sort()).toEqual(["do:r-valet-test", "shadow:r-valet-test"]);
    expect(preview.changes.removed.map((i) => i.genKey).sort()).toEqual([`do:${dropped.key}`, `shadow:${dropped.key}`].sort());
    expect(preview.changes.keptEdited.map((i) => i.title)).toEqual(["Read your role with Anna"]);
    expect(getTemplate(mgr(), SA, phrases).items).toEqual(before.items);

    // …and confirming keeps the renamed item's own title and description.
    regenerateTemplate(mgr(), SA, preview.revision, phrases);
    const after = getTemplate(mgr(), SA, phrases);
    expect(after.items.find((i) => i.genKey === "read-role")).toMatchObject({ title: "Read your role with Anna", description: "Anna walks you through it", edited: true });
    expect(after.items.find((i) => i.genKey === "shadow:r-valet-test")).toMatchObject({ genParams: JSON.stringify({ responsibility: "Valet parking" }), edited: false });
    expect(templateFreshness(mgr(), roleIdOf(SA))!.outdated).toBe(false);
  });
});

describe("check-in items", () => {
  it("every new plan has the five check-ins for its manager, with due dates, in the manager's task list", async () => {
    const p = await newAdvisor();
    const { id } = startOnboarding(hr(), input(p, "2030-03-04"), phrases);
    const checkins = itemsOf(id).filter((i) => i.genKey?.startsWith("checkin:"));
    expect(checkins.map((i) => [i.genKey, i.assignee, i.dueDate])).toEqual([
      ["checkin:day1", "manager", "2030-03-04"],
      ["checkin:week1", "manager", "2030-03-08"],
      ["checkin:day30", "manager", dueDate("2030-03-04", 21)],
      ["checkin:day60", "manager", dueDate("2030-03-04", 42)],
      ["checkin:day90", "manager", dueDate("2030-03-04", 63)],
    ]);
  });
});

describe("remindItem", () => {
  it("reminds whoever owes an item at most once per 24 hours, and says when the next may go out", () => {
    const planId = getDb()
      .select({ id: onboardings.id })
      .from(onboardings)
      .where(and(eq(onboardings.personId, idOf("newhire@example.com")), eq(onboardings.status, "open")))
      .get()!.id;
    const item = itemsOf(planId).find((i) => i.assignee === "hire" && !i.doneAt)!;
    const t0 = new Date("2031-01-06T09:00:00.000Z");
    const told = () => getDb().select().from(notifications).where(and(eq(notifications.kind, "onboarding.reminder"), eq(notifications.personId, idOf("newhire@example.com")))).all();
    const plan = () => getPlan(sup(), planId, "2031-01-06", new Date("2031-01-06T10:00:00.000Z")).items.find((i) => i.id === item.id)!;
    expect(getPlan(sup(), planId, "2031-01-06", t0).items.find((i) => i.id === item.id)).toMatchObject({ mayRemind: true, nextRemindAt: null });

    expect(remindItem(sup(), item.id, t0)).toEqual({ nextRemindAt: "2031-01-07T09:00:00.000Z" });
    expect(told()).toHaveLength(1);
    expect(told()[0].link).toBe(`/onboarding/${planId}`);
    expect(plan()).toMatchObject({ mayRemind: true, nextRemindAt: "2031-01-07T09:00:00.000Z" });

    // A second reminder within 24 hours, by anyone, is refused; after 24 hours it goes out.
    expect(() => remindItem(hr(), item.id, new Date("2031-01-07T08:59:00.000Z"))).toThrow(ActionError);
    expect(told()).toHaveLength(1);
    remindItem(hr(), item.id, new Date("2031-01-07T09:01:00.000Z"));
    expect(told()).toHaveLength(2);
  });

  it("the hire may not remind (not found), and nobody reminds themself", () => {
    const planId = getDb()
      .select({ id: onboardings.id })
      .from(onboardings)
      .where(and(eq(onboardings.personId, idOf("newhire@example.com")), eq(onboardings.status, "open")))
      .get()!.id;
    const items = itemsOf(planId);
    const buddyItem = items.find((i) => i.assignee === "buddy" && !i.doneAt)!;
    expect(() => remindItem(nora(), buddyItem.id)).toThrow(NotFoundError);
    const managerItem = items.find((i) => i.assignee === "manager" && !i.doneAt)!;
    expect(() => remindItem(sup(), managerItem.id)).toThrow(ActionError);
    expect(getPlan(sup(), planId).items.find((i) => i.id === managerItem.id)?.mayRemind).toBe(false);
  });
});
