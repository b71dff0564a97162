import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobRoles, notifications, onboardingItems, onboardings, onboardingTemplateItems, onboardingTemplates, people, teams } from "@/db/schema";
import en from "@/i18n/messages/en.json";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/core/errors";
import { addPlanItem, closePlan, getPlan, saveCheckin, setItemDone, type ItemInput } from "@/lib/onboarding/plans";
import { buddySuggestions, startOnboarding } from "@/lib/onboarding/start";
import { calendarFor, publicBaseUrl } from "@/lib/onboarding/calendar";
import { getTemplate, regenerateTemplate, saveTemplateItem } from "@/lib/onboarding/templates";
import { TASKS_PAGE_SIZE, myOnboardingTasks, onboardingOverview, type OverviewRow } from "@/lib/onboarding/lists";
import tr from "@/i18n/messages/tr.json";
import { itemText, simpleTranslator, templatePhrases, type StoredItemText } from "@/lib/onboarding/phrases";
import { dueDate, orderBuddies } from "@/lib/onboarding/rules";
import { getPerson } from "@/lib/people/directory";
import { createPerson, setPersonActive } from "@/lib/people/records";
import { emptyResponsibility, type RoleDoc } from "@/lib/roles/doc";
import { publishDoc } from "@/lib/roles/publish";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { todayIso } from "@/lib/core/dates";

beforeAll(async () => {
  await useSeededTestDb();
});

const phrases = templatePhrases(simpleTranslator(en.onboarding.generated));
const trPhrases = templatePhrases(simpleTranslator(tr.onboarding.generated));
const SA = "service-advisor";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

function fieldErrors(fn: () => unknown): Record<string, string> {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(FieldError);
  return (e as FieldError).fieldErrors;
}

const hr = () => actorFor("hr@example.com");
const mgr = () => actorFor("manager@example.com");
const sup = () => actorFor("supervisor@example.com");
const emp = () => actorFor("employee@example.com");
const nora = () => actorFor("newhire@example.com");

const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const roleIdOf = (slug: string) => getDb().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get()!.id;
const teamIdOf = (slug: string) => getDb().select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;
const planRow = (id: number) => getDb().select().from(onboardings).where(eq(onboardings.id, id)).get()!;
const openPlanOf = (personId: number) =>
  getDb()
    .select()
    .from(onboardings)
    .where(and(eq(onboardings.personId, personId), eq(onboardings.status, "open")))
    .get();
const itemsOf = (planId: number) => getDb().select().from(onboardingItems).where(eq(onboardingItems.onboardingId, planId)).orderBy(asc(onboardingItems.id)).all();
const templateRevision = (slug: string) => getDb().select().from(onboardingTemplates).where(eq(onboardingTemplates.jobRoleId, roleIdOf(slug))).get()!.revision;

/** The most recently hired technician's plan from the seed (day 20, two overdue items). */
const technicianPlan = () =>
  getDb()
    .select({ plan: onboardings, name: people.name })
    .from(onboardings)
    .innerJoin(people, eq(people.id, onboardings.personId))
    .where(and(eq(onboardings.jobRoleId, roleIdOf("technician")), eq(onboardings.status, "open")))
    .get()!;

let personCount = 0;
async function newPerson(overrides: Partial<Parameters<typeof createPerson>[1]> = {}): Promise<{ id: number; email: string; name: string }> {
  personCount++;
  const name = overrides.name ?? `Test Hire ${personCount}`;
  const email = overrides.email ?? `test.hire.${personCount}@example.com`;
  const { id } = await createPerson(hr(), {
    name,
    email,
    phone: null,
    appRole: "employee",
    jobRoleId: roleIdOf(SA),
    teamId: teamIdOf("reception"),
    reportsToId: idOf("manager@example.com"),
    startDate: "2030-03-02",
    locale: null,
    password: "a-strong-password",
    ...overrides,
  });
  return { id, email, name };
}

const manual = (overrides: Partial<ItemInput> = {}): ItemInput => ({
  title: "Lunch with the team",
  description: "On the first Friday",
  assignee: "manager",
  dueDay: 4,
  link: null,
  ...overrides,
});

// ---------- Templates ----------

describe("templates", () => {
  it("a manager gets the generated template of a role; reading never stores it, the first write does", () => {
    const pcId = roleIdOf("parts-clerk");
    const stored = () => getDb().select().from(onboardingTemplates).where(eq(onboardingTemplates.jobRoleId, pcId)).get();
    expect(stored()).toBeUndefined();
    const view = getTemplate(mgr(), "parts-clerk", phrases);
    expect(stored()).toBeUndefined();
    expect(view.revision).toBe(0);
    expect(view.items.length).toBeGreaterThan(0);
    expect(view.items.every((i) => i.source === "generated" && i.id < 0)).toBe(true);
    // Asking again gives the same items, still without writing.
    expect(getTemplate(mgr(), "parts-clerk", phrases).items.map((i) => i.id)).toEqual(view.items.map((i) => i.id));
    expect(stored()).toBeUndefined();
    // Editing a generated item stores the template and edits the stored copy of that item.
    const first = view.items[0];
    saveTemplateItem(mgr(), "parts-clerk", 0, first.id, { title: "Edited before storing", description: "", assignee: first.assignee, dueDay: first.dueDay, link: null }, phrases);
    expect(stored()).toBeDefined();
    const after = getTemplate(mgr(), "parts-clerk", phrases);
    expect(after.revision).toBeGreaterThan(0);
    expect(after.items.every((i) => i.id > 0)).toBe(true);
    expect(after.items).toHaveLength(view.items.length);
    expect(after.items.find((i) => i.genKey === first.genKey)).toMatchObject({ title: "Edited before storing", edited: true });
    // A second editor who loaded the unstored template gets a conflict, not a second copy.
    expect(() => saveTemplateItem(mgr(), "parts-clerk", 0, null, { title: "Late", description: "", assignee: "hire", dueDay: 1, link: null }, phrases)).toThrow(ConflictError);
  });

  it("the Service Advisor template has the read-role item and shadow items per responsibility", () => {
    const view = getTemplate(mgr(), SA, phrases);
    expect(view.role.slug).toBe(SA);
    expect(view.responsibilities.length).toBeGreaterThanOrEqual(3);
    const readRole = view.items.find((i) => i.genKey === "read-role");
    expect(readRole).toMatchObject({ title: phrases.readRole, assignee: "hire", dueDay: 0, source: "generated" });
    for (const r of view.responsibilities) {
      expect(view.items.find((i) => i.genKey === `shadow:${r.key}`)).toMatchObject({
        title: phrases.shadow(r.title),
        assignee: "hire",
        linkKind: "responsibility",
        linkKey: r.key,
      });
      expect(view.items.find((i) => i.genKey === `do:${r.key}`)).toMatchObject({ assignee: "buddy", linkKey: r.key });
    }
    const days = view.items.map((i) => i.dueDay);
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });

  it("an employee or a supervisor may not see templates", () => {
    expect(() => getTemplate(emp(), SA, phrases)).toThrow(ForbiddenError);
    expect(() => getTemplate(sup(), SA, phrases)).toThrow(ForbiddenError);
  });

  it("refuses due days outside -30…180", () => {
    const revision = templateRevision(SA);
    expect(fieldErrors(() => saveTemplateItem(mgr(), SA, revision, null, manual({ dueDay: 200 }), phrases))).toEqual({ dueDay: "dueDayRange" });
    expect(fieldErrors(() => saveTemplateItem(mgr(), SA, revision, null, manual({ dueDay: -31 }), phrases))).toEqual({ dueDay: "dueDayRange" });
    expect(fieldErrors(() => saveTemplateItem(mgr(), SA, revision, null, manual({ dueDay: 1.5 }), phrases))).toEqual({ dueDay: "dueDayRange" });
    expect(templateRevision(SA)).toBe(revision);
  });

  it("keeps a hand-made item and an edited generated item when the template is regenerated", () => {
    const before = getTemplate(mgr(), SA, phrases);
    saveTemplateItem(mgr(), SA, before.revision, null, manual(), phrases);
    const readRole = before.items.find((i) => i.genKey === "read-role")!;
    saveTemplateItem(
      mgr(),
      SA,
      before.revision + 1,
      readRole.id,
      { title: readRole.title, description: "Read it twice", assignee: "hire", dueDay: 2, link: null },
      phrases,
    );
    const edited = getTemplate(mgr(), SA, phrases);
    expect(edited.revision).toBe(before.revision + 2);
    expect(edited.items).toHaveLength(before.items.length + 1);

    regenerateTemplate(mgr(), SA, edited.revision, phrases);
    const after = getTemplate(mgr(), SA, phrases);
    expect(after.revision).toBe(edited.revision + 1);
    expect(after.items.filter((i) => i.source === "manual")).toEqual([
      expect.objectContaining({ title: "Lunch with the team", description: "On the first Friday", assignee: "manager", dueDay: 4, genKey: null }),
    ]);
    expect(after.items.find((i) => i.genKey === "read-role")).toMatchObject({ description: "Read it twice", dueDay: 2, source: "generated" });
    expect(after.items).toHaveLength(edited.items.length);
  });

  it("refuses a stale template revision", () => {
    const revision = templateRevision(SA);
    expect(() => saveTemplateItem(mgr(), SA, revision - 1, null, manual({ title: "Too late" }), phrases)).toThrow(ConflictError);
    expect(() => regenerateTemplate(mgr(), SA, revision - 1, phrases)).toThrow(ConflictError);
    const items = getDb().select().from(onboardingTemplateItems).where(eq(onboardingTemplateItems.jobRoleId, roleIdOf(SA))).all();
    expect(items.some((i) => i.title === "Too late")).toBe(false);
    expect(templateRevision(SA)).toBe(revision);
  });
});

// ---------- Buddies ----------

describe("buddySuggestions", () => {
  it("lists the active Service Advisors except the hire, longest tenure first, with their open buddy plans", () => {
    const noraId = idOf("newhire@example.com");
    const suggestions = buddySuggestions(hr(), noraId);
    const advisors = getDb()
      .select({ id: people.id, startDate: people.startDate })
      .from(people)
      .where(and(eq(people.jobRoleId, roleIdOf(SA)), eq(people.active, true), ne(people.id, noraId)))
      .all();
    expect(suggestions.map((s) => s.id).sort((a, b) => a - b)).toEqual(advisors.map((a) => a.id).sort((a, b) => a - b));
    expect(suggestions.map((s) => s.id)).not.toContain(noraId);
    expect(suggestions).toEqual(orderBuddies(suggestions));
    const earliest = advisors.reduce((a, b) => (b.startDate < a.startDate ? b : a));
    expect(suggestions[0].id).toBe(earliest.id);
    expect(suggestions[0].id).toBe(idOf("thomas.bakker@example.com"));
    expect(suggestions.find((s) => s.id === idOf("employee@example.com"))?.currentBuddies).toBe(1);
    expect(suggestions.filter((s) => s.id !== idOf("employee@example.com")).every((s) => s.currentBuddies === 0)).toBe(true);
  });
});

// ---------- Starting a plan ----------

describe("startOnboarding", () => {
  let hireA: { id: number; email: string; name: string };
  let planA: number;

  it("HR starts a plan whose items are due on the working day of their due day", async () => {
    hireA = await newPerson({ name: "Pim Verhoeven", email: "pim.verhoeven@example.com" });
    const start = "2030-03-04"; // a Monday
    const { id } = startOnboarding(hr(), { personId: hireA.id, startDate: start, managerId: idOf("manager@example.com"), buddyId: idOf("thomas.bakker@example.com") }, phrases);
    planA = id;
    const plan = planRow(id);
    expect(plan).toMatchObject({ personId: hireA.id, kind: "new_hire", status: "open", startDate: start, buddyId: idOf("thomas.bakker@example.com") });
    const items = itemsOf(id);
    const template = getTemplate(hr(), SA, phrases).items;
    // The template's items, the five check-ins, and a course for each capability gap some course fills
    // (lib/capability/onboarding-training.test.ts tests which).
    const courseItems = items.filter((i) => i.genKey?.startsWith("course:"));
    expect(courseItems.length).toBeGreaterThan(0);
    expect(courseItems.every((i) => i.assignee === "hire")).toBe(true);
    expect(items).toHaveLength(template.length + 5 + courseItems.length);
    for (const i of items) expect(i.dueDate).toBe(dueDate(start, i.dueDay));
    // Generated items keep what generated them, so each reader sees them in their language.
    for (const t of template) expect(items.find((i) => i.genKey === t.genKey && i.title === t.title)).toMatchObject({ genParams: t.genParams, edited: t.edited });
    expect(items.find((i) => i.dueDay === 0)?.dueDate).toBe("2030-03-04");
    expect(items.some((i) => i.title === "Lunch with the team")).toBe(true);
    // The buddy and the manager hear about it.
    const told = getDb().select().from(notifications).where(eq(notifications.kind, "onboarding.started")).all();
    expect(told.filter((n) => n.link === `/onboarding/${id}`).map((n) => n.personId)).toEqual(
      expect.arrayContaining([hireA.id, idOf("thomas.bakker@example.com"), idOf("manager@example.com")]),
    );
  });

  it("refuses the hire as their own buddy", async () => {
    const p = await newPerson();
    expect(fieldErrors(() => startOnboarding(hr(), { personId: p.id, startDate: "2030-03-04", managerId: idOf("manager@example.com"), buddyId: p.id }, phrases))).toMatchObject({
      buddyId: "buddyIsHire",
    });
    expect(openPlanOf(p.id)).toBeUndefined();
  });

  it("refuses an inactive buddy", async () => {
    const p = await newPerson();
    const gone = await newPerson({ name: "Left Already" });
    setPersonActive(hr(), gone.id, getPerson(hr(), gone.id).revision, false);
    expect(fieldErrors(() => startOnboarding(hr(), { personId: p.id, startDate: "2030-03-04", managerId: idOf("manager@example.com"), buddyId: gone.id }, phrases))).toMatchObject({
      buddyId: "buddyInactive",
    });
    expect(openPlanOf(p.id)).toBeUndefined();
  });

  it("refuses a second open plan for the same person", () => {
    const input = { startDate: "2030-03-04", managerId: idOf("manager@example.com"), buddyId: idOf("andreea.ionescu@example.com") };
    expect(fieldErrors(() => startOnboarding(hr(), { ...input, personId: hireA.id }, phrases))).toMatchObject({ personId: "alreadyOnboarding" });
    expect(fieldErrors(() => startOnboarding(hr(), { ...input, personId: idOf("newhire@example.com") }, phrases))).toMatchObject({ personId: "alreadyOnboarding" });
    expect(getDb().select().from(onboardings).where(eq(onboardings.personId, hireA.id)).all()).toHaveLength(1);
    expect(planRow(planA).status).toBe("open");
  });

  it("a manager may start a plan in their scope but not for someone outside it", async () => {
    const inScope = await newPerson();
    const { id } = startOnboarding(mgr(), { personId: inScope.id, startDate: "2030-03-04", managerId: idOf("manager@example.com"), buddyId: idOf("andreea.ionescu@example.com") }, phrases);
    expect(planRow(id).createdById).toBe(idOf("manager@example.com"));

    // An HR partner: in no team and reporting to HR, not to the manager.
    const hrPerson = getDb().select().from(people).where(eq(people.email, "daan.visser@example.com")).get()!;
    expect(hrPerson.teamId).toBeNull();
    expect(() =>
      startOnboarding(mgr(), { personId: hrPerson.id, startDate: "2030-03-04", managerId: idOf("manager@example.com"), buddyId: idOf("aylin.celik@example.com") }, phrases),
    ).toThrow(NotFoundError);
    expect(openPlanOf(hrPerson.id)).toBeUndefined();
  });

  it("a supervisor may not start a plan", async () => {
    const p = await newPerson({ reportsToId: idOf("supervisor@example.com") });
    expect(() => startOnboarding(sup(), { personId: p.id, startDate: "2030-03-04", managerId: idOf("supervisor@example.com"), buddyId: idOf("thomas.bakker@example.com") }, phrases)).toThrow(
      ForbiddenError,
    );
    expect(openPlanOf(p.id)).toBeUndefined();
  });

  it("a role change builds items only for the responsibilities new to the person, plus the role description", async () => {
    const saDoc = getTemplate(hr(), SA, phrases).responsibilities;
    const [reception, , , , courtesy] = saDoc;
    expect(courtesy.title).toBe("Courtesy cars");
    // A "Junior advisor" role that shares two responsibilities with the Service Advisor (written differently).
    const juniorDoc: RoleDoc = {
      title: "Junior Advisor",
      purpose: "",
      responsibilities: [
        { ...emptyResponsibility(randomUUID()), title: reception.title.toUpperCase() },
        { ...emptyResponsibility(randomUUID()), title: "  courtesy   CARS " },
        { ...emptyResponsibility(randomUUID()), title: "Filing" },
      ],
    };
    const juniorId = getDb().transaction((tx) => {
      const row = tx.insert(jobRoles).values({ slug: "junior-advisor", title: "Junior Advisor", purpose: "" }).returning({ id: jobRoles.id }).get();
      publishDoc(tx, null, { id: row.id, slug: "junior-advisor", title: "Junior Advisor", ownerId: null, currentVersion: 0 }, juniorDoc, { summary: "First", kind: "editorial" });
      return row.id;
    });

    const p = await newPerson({ name: "Role Changer" });
    const start = "2030-05-06";
    const { id } = startOnboarding(
      hr(),
      { personId: p.id, startDate: start, managerId: idOf("manager@example.com"), buddyId: idOf("employee@example.com"), fromJobRoleId: juniorId },
      phrases,
    );
    expect(planRow(id)).toMatchObject({ kind: "role_change", fromJobRoleId: juniorId, jobRoleId: roleIdOf(SA) });
    const items = itemsOf(id);
    const fresh = saDoc.filter((r) => r.key !== reception.key && r.key !== courtesy.key);
    expect(fresh).toHaveLength(saDoc.length - 2);
    expect(items.filter((i) => i.linkKind === "responsibility").map((i) => i.linkKey).sort()).toEqual(fresh.flatMap((r) => [r.key, r.key]).sort());
    // Courses for the capabilities the new role adds are hire items too (lib/capability/onboarding-training.test.ts).
    const plain = items.filter((i) => !i.genKey?.startsWith("checkin:") && !i.genKey?.startsWith("course:"));
    expect(plain.filter((i) => i.linkKind !== "responsibility").map((i) => i.title)).toEqual([phrases.readRole]);
    expect(plain.some((i) => i.assignee === "hr" || i.assignee === "manager")).toBe(false);
    expect(items.filter((i) => i.genKey?.startsWith("checkin:"))).toHaveLength(5);
    for (const i of items) expect(i.dueDate).toBe(dueDate(start, i.dueDay));
  });
});

// ---------- Ticking items ----------

describe("setItemDone", () => {
  const noraPlan = () => openPlanOf(idOf("newhire@example.com"))!;

  it("the hire ticks their own item", () => {
    // (Not the read-role item: that one is done by confirming the role, lib/communication/role-reading.test.ts.)
    const item = itemsOf(noraPlan().id).find((i) => i.assignee === "hire" && !i.doneAt && i.genKey !== "read-role")!;
    expect(setItemDone(nora(), item.id, true)).toEqual({ closed: false });
    const after = getDb().select().from(onboardingItems).where(eq(onboardingItems.id, item.id)).get()!;
    expect(after.doneAt).not.toBeNull();
    expect(after.doneById).toBe(idOf("newhire@example.com"));
  });

  it("the hire may not tick a buddy item; the buddy may", () => {
    const item = itemsOf(noraPlan().id).find((i) => i.assignee === "buddy" && !i.doneAt)!;
    expect(fieldErrors(() => setItemDone(nora(), item.id, true))).toEqual({ _form: "notYourItem" });
    expect(getDb().select().from(onboardingItems).where(eq(onboardingItems.id, item.id)).get()!.doneAt).toBeNull();
    expect(setItemDone(emp(), item.id, true)).toEqual({ closed: false });
    const after = getDb().select().from(onboardingItems).where(eq(onboardingItems.id, item.id)).get()!;
    expect(after.doneById).toBe(idOf("employee@example.com"));
  });

  it("someone unrelated to the plan cannot tick anything", () => {
    const item = itemsOf(noraPlan().id).find((i) => i.assignee === "buddy" && !i.doneAt)!;
    expect(() => setItemDone(actorFor("thomas.bakker@example.com"), item.id, true)).toThrow(NotFoundError);
  });

  it("ticking the last open item closes the plan, which then refuses ticks and additions", async () => {
    const p = await newPerson({ name: "Quick Learner" });
    const { id } = startOnboarding(hr(), { personId: p.id, startDate: "2030-03-04", managerId: idOf("manager@example.com"), buddyId: idOf("thomas.bakker@example.com") }, phrases);
    const items = itemsOf(id);
    const last = items.find((i) => i.assignee === "hire" && i.genKey !== "read-role")!;
    getDb()
      .update(onboardingItems)
      .set({ doneAt: new Date().toISOString() })
      .where(and(eq(onboardingItems.onboardingId, id), ne(onboardingItems.id, last.id)))
      .run();
    const hire = actorFor(p.email);
    expect(setItemDone(hire, last.id, true)).toEqual({ closed: true });
    expect(planRow(id).status).toBe("closed");
    expect(planRow(id).closedAt).not.toBeNull();

    expect(fieldErrors(() => setItemDone(hire, last.id, false))).toEqual({ _form: "planClosed" });
    expect(fieldErrors(() => addPlanItem(hr(), id, manual()))).toEqual({ _form: "planClosed" });
    expect(itemsOf(id)).toHaveLength(items.length);
  });
});

// ---------- Lists ----------

describe("myOnboardingTasks", () => {
  const isSortedOverdueFirst = (rows: { overdue: boolean; dueDate: string }[]) => {
    const firstOnTime = rows.findIndex((r) => !r.overdue);
    if (firstOnTime >= 0) expect(rows.slice(firstOnTime).every((r) => !r.overdue)).toBe(true);
    const overdue = rows.filter((r) => r.overdue).map((r) => r.dueDate);
    const onTime = rows.filter((r) => !r.overdue).map((r) => r.dueDate);
    expect(overdue).toEqual([...overdue].sort());
    expect(onTime).toEqual([...onTime].sort());
  };

  it("lists the buddy items the employee owes on the new hire's plan", () => {
    const planId = openPlanOf(idOf("newhire@example.com"))!.id;
    const tasks = myOnboardingTasks(emp()).rows;
    const owed = itemsOf(planId).filter((i) => i.assignee === "buddy" && !i.doneAt);
    // employee@ is also the buddy of the role-change plan started above: look at the new hire's plan.
    const mine = tasks.filter((t) => t.planId === planId);
    expect(mine.map((t) => t.id).sort((a, b) => a - b)).toEqual(owed.map((i) => i.id).sort((a, b) => a - b));
    expect(tasks.every((t) => t.assignee === "buddy")).toBe(true);
    expect(mine.every((t) => t.hireName === "Nora Bērziņa")).toBe(true);
    isSortedOverdueFirst(tasks);
  });

  it("lists the day-20 technician's overdue items first for their buddy", () => {
    const { plan } = technicianPlan();
    const buddy = getDb().select().from(people).where(eq(people.id, plan.buddyId!)).get()!;
    const tasks = myOnboardingTasks(actorFor(buddy.email)).rows;
    const today = todayIso();
    const overdueBuddyItems = itemsOf(plan.id).filter((i) => i.assignee === "buddy" && !i.doneAt && i.dueDate < today);
    expect(overdueBuddyItems.length).toBeGreaterThan(0);
    expect(tasks.slice(0, overdueBuddyItems.length).map((t) => t.id).sort((a, b) => a - b)).toEqual(overdueBuddyItems.map((i) => i.id).sort((a, b) => a - b));
    expect(tasks.slice(0, overdueBuddyItems.length).every((t) => t.overdue)).toBe(true);
    expect(tasks.slice(overdueBuddyItems.length).every((t) => !t.overdue)).toBe(true);
    isSortedOverdueFirst(tasks);
  });

  it("comes one page at a time: at most a page of items, the count of all, every item on exactly one page", () => {
    const hr = actorFor("hr@example.com");
    const first = myOnboardingTasks(hr);
    expect(first.total).toBeGreaterThan(0);
    expect(first.rows.length).toBe(Math.min(first.total, TASKS_PAGE_SIZE));
    expect(first.pageCount).toBe(Math.ceil(first.total / TASKS_PAGE_SIZE));
    const ids = Array.from({ length: first.pageCount }, (_, k) => myOnboardingTasks(hr, { page: k + 1 }).rows.map((r) => r.id)).flat();
    expect(new Set(ids).size).toBe(first.total);
    expect(myOnboardingTasks(hr, { page: 999 }).page).toBe(first.pageCount);
  });
});

// ---------- Reading a plan ----------

describe("getPlan", () => {
  it("the buddy reads the plan with check-in notes; the hire reads it without them", () => {
    const planId = openPlanOf(idOf("newhire@example.com"))!.id;
    saveCheckin(emp(), planId, "day1", "Nora asked good questions at the desk.");
    const asBuddy = getPlan(emp(), planId);
    expect(asBuddy.me.isBuddy).toBe(true);
    expect(asBuddy.checkins.map((c) => c.note)).toEqual(["Nora asked good questions at the desk."]);
    expect(asBuddy.items.filter((i) => i.canTick).every((i) => i.assignee === "buddy")).toBe(true);

    const asHire = getPlan(nora(), planId);
    expect(asHire.me.isHire).toBe(true);
    expect(asHire.checkins).toEqual([]);
    expect(asHire.items).toHaveLength(asBuddy.items.length);
    expect(asHire.progress.total).toBe(asBuddy.items.length);
  });

  it("someone unrelated gets not found", () => {
    const planId = openPlanOf(idOf("newhire@example.com"))!.id;
    expect(() => getPlan(actorFor("thomas.bakker@example.com"), planId)).toThrow(NotFoundError);
    expect(() => getPlan(emp(), 999999)).toThrow(NotFoundError);
  });
});

// ---------- Closing and the calendar ----------

let closedPlanId = 0;

describe("closePlan", () => {
  it("requires a reason, refuses a stale revision and records the reason", async () => {
    const p = await newPerson({ name: "Short Stay" });
    const { id } = startOnboarding(mgr(), { personId: p.id, startDate: "2030-03-04", managerId: idOf("manager@example.com"), buddyId: idOf("andreea.ionescu@example.com") }, phrases);
    const revision = planRow(id).revision;
    expect(fieldErrors(() => closePlan(mgr(), id, revision, "   "))).toEqual({ reason: "required" });
    expect(() => closePlan(mgr(), id, revision - 1, "Stale")).toThrow(ConflictError);
    expect(() => closePlan(emp(), id, revision, "Not mine")).toThrow(NotFoundError);
    expect(planRow(id).status).toBe("open");

    closePlan(mgr(), id, revision, "  Moved to another dealership  ");
    expect(planRow(id)).toMatchObject({ status: "closed", closedReason: "Moved to another dealership", closedById: idOf("manager@example.com"), revision: revision + 1 });
    expect(getPlan(hr(), id).closedReason).toBe("Moved to another dealership");
    closedPlanId = id;
  });
});

describe("calendarFor", () => {
  it("has the hire's open items with stable UIDs and no done items", () => {
    const planId = openPlanOf(idOf("newhire@example.com"))!.id;
    const ics = calendarFor(nora(), "http://x", { forHire: (t, n) => `${t} — ${n}` });
    const unfolded = ics.replace(/\r\n /g, "");
    const uids = [...unfolded.matchAll(/^UID:(.*)$/gm)].map((m) => m[1].trim());
    const items = itemsOf(planId);
    // What she does, what she does with her buddy watching, and the check-ins she attends.
    const attends = (i: (typeof items)[number]) => i.assignee === "hire" || i.genKey?.startsWith("do:") || i.genKey?.startsWith("checkin:");
    const open = items.filter((i) => attends(i) && !i.doneAt);
    const done = items.filter((i) => i.doneAt);
    expect(open.some((i) => i.genKey?.startsWith("do:"))).toBe(true);
    expect(open.filter((i) => i.genKey?.startsWith("checkin:"))).toHaveLength(5);
    expect(open.length).toBeGreaterThan(0);
    expect(done.length).toBeGreaterThan(0);
    expect(uids.sort()).toEqual(open.map((i) => `onboarding-item-${i.id}@rolebook`).sort());
    for (const d of done) expect(uids).not.toContain(`onboarding-item-${d.id}@rolebook`);
    expect(unfolded).toContain(`URL:http://x/onboarding/${planId}`);
    // Own items are titled plainly, not "title — name".
    expect(unfolded).not.toContain(" — Nora");
    // The same items give the same UIDs the next time.
    const again = calendarFor(nora(), "http://x", { forHire: (t, n) => `${t} — ${n}` }).replace(/\r\n /g, "");
    expect([...again.matchAll(/^UID:(.*)$/gm)].map((m) => m[1].trim()).sort()).toEqual(uids);
  });

  it("labels what a buddy owes with the hire's name", () => {
    const ics = calendarFor(emp(), "http://x", { forHire: (t, n) => `${t} — ${n}` }).replace(/\r\n /g, "");
    expect(ics).toContain(" — Nora Bērziņa");
  });

  it("the plan's manager gets the check-ins they hold, worded for the reader", () => {
    const planId = openPlanOf(idOf("newhire@example.com"))!.id;
    const text = (i: StoredItemText) => itemText(i, trPhrases);
    const ics = calendarFor(sup(), "https://rolebook.example.org", { forHire: (t, n) => `${t} — ${n}`, text }).replace(/\r\n /g, "");
    expect(ics).toContain(`SUMMARY:${trPhrases.checkin("day30")} — Nora Bērziņa`);
    expect(ics).toContain(`URL:https://rolebook.example.org/onboarding/${planId}`);
    expect(ics).not.toContain("localhost");
  });
});

describe("publicBaseUrl", () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it("uses APP_URL when set, else the host the request came to, never localhost from the server's own view", () => {
    expect(publicBaseUrl("https://rolebook.example.org/", headers({ host: "localhost:3000" }), "http://localhost:3000")).toBe("https://rolebook.example.org");
    expect(publicBaseUrl(undefined, headers({ host: "hr.garage.example", "x-forwarded-proto": "https" }), "http://localhost:3000")).toBe("https://hr.garage.example");
    expect(publicBaseUrl("", headers({ "x-forwarded-host": "portal.example.com", host: "localhost:3000", "x-forwarded-proto": "https" }), "http://localhost:3000")).toBe(
      "https://portal.example.com",
    );
    expect(publicBaseUrl(undefined, headers({}), "http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
  });
});

// ---------- Overview ----------

describe("onboardingOverview", () => {
  const find = (rows: OverviewRow[], name: string) => rows.find((r) => r.personName === name);
  const allRows = (opts: Parameters<typeof onboardingOverview>[1]) => {
    const rows: OverviewRow[] = [];
    for (let page = 1; ; page++) {
      const r = onboardingOverview(mgr(), { ...opts, page });
      rows.push(...r.rows);
      if (page >= r.pageCount) break;
    }
    return rows;
  };

  it("shows the manager both seeded plans with progress, and the technician's two overdue items", () => {
    const rows = allRows({});
    const noraId = idOf("newhire@example.com");
    const noraRow = find(rows, "Nora Bērziņa")!;
    const noraItems = itemsOf(openPlanOf(noraId)!.id);
    expect(noraRow).toMatchObject({ status: "open", kind: "new_hire", teamName: "Reception", roleTitle: "Service Advisor", total: noraItems.length, done: noraItems.filter((i) => i.doneAt).length });
    expect(noraRow.done).toBeGreaterThan(0);
    expect(noraRow.done).toBeLessThan(noraRow.total);

    const tech = technicianPlan();
    const techRow = find(rows, tech.name)!;
    const techItems = itemsOf(tech.plan.id);
    expect(techRow).toMatchObject({ id: tech.plan.id, teamName: "Workshop", overdue: 2, total: techItems.length, done: techItems.filter((i) => i.doneAt).length });
    // Plans with overdue items come first.
    expect(rows[0].overdue).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.status === "open")).toBe(true);
  });

  it("narrows by team", () => {
    const rows = allRows({ teamId: teamIdOf("workshop") });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.teamName === "Workshop")).toBe(true);
    expect(find(rows, technicianPlan().name)).toBeDefined();
    expect(find(rows, "Nora Bērziņa")).toBeUndefined();
  });

  it("narrows by a typed part of the team's name (the filter of a large organisation), wildcards literal", () => {
    const rows = allRows({ teamName: "worksh" });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.teamName === "Workshop")).toBe(true);
    expect(find(rows, "Nora Bērziņa")).toBeUndefined();
    expect(allRows({ teamName: "%" })).toEqual([]);
  });

  it("filters by status", () => {
    const closed = allRows({ status: "closed" });
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r) => r.status === "closed")).toBe(true);
    expect(closed.map((r) => r.id)).toContain(closedPlanId);
    expect(find(closed, "Nora Bērziņa")).toBeUndefined();
    const all = allRows({ status: "all" });
    expect(all.map((r) => r.id)).toEqual(expect.arrayContaining([closedPlanId, openPlanOf(idOf("newhire@example.com"))!.id]));
  });

  it("is not for employees", () => {
    expect(() => onboardingOverview(emp())).toThrow(ForbiddenError);
  });
});

// Sanity check on the seeded data the tests above rely on.
describe("seed", () => {
  it("has exactly two overdue, open items on the technician's plan", () => {
    const { plan } = technicianPlan();
    const overdue = getDb()
      .select()
      .from(onboardingItems)
      .where(and(eq(onboardingItems.onboardingId, plan.id), isNull(onboardingItems.doneAt)))
      .all()
      .filter((i) => i.dueDate < todayIso());
    expect(overdue).toHaveLength(2);
  });
});
