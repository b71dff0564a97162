import { and, eq, inArray, isNull, like, or } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { onboardingItems, people } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { calendarFor } from "@/lib/onboarding/calendar";
import { myOnboardingTasks, onboardingDutyCount, onboardingTeam, plansISupport, searchOnboardingTeams, supportsOpenPlan, teamOptions } from "@/lib/onboarding/lists";
import { addPlanItem, closePlan, getPlan, remindItem, myOpenPlan, setItemDone, type ItemInput, type PlanDetail } from "@/lib/onboarding/plans";
import { buddySuggestions, openPlanOf, managerCandidates, onboardingCandidate, searchOnboardingCandidates, startOnboarding } from "@/lib/onboarding/start";
import { getTemplate, regenerateTemplate, removeTemplateItem, saveTemplateItem, templateFreshness } from "@/lib/onboarding/templates";
import type { Assignee } from "@/lib/onboarding/vocabulary";
import { nextWorkingDay } from "@/lib/onboarding/rules";
import { useSeededTestDb } from "@/lib/test/db";
import {
  buildFixtures,
  EMP,
  forbidden,
  HR,
  idOf,
  itemsOf,
  MGR,
  NORA,
  notFound,
  phrases,
  refusals,
  roleIdOf,
  STRANGER,
  SUP,
  type Fixtures,
  type RefusalCase,
  SEED_TIMEOUT,
} from "@/lib/test/refusals";

/** Refusals in onboarding: plans, lists, calendar, templates (harness: lib/test/refusals.ts). */

let fx: Fixtures;
beforeAll(async () => {
  await useSeededTestDb();
  fx = await buildFixtures();
}, SEED_TIMEOUT);

const SA = "service-advisor";
const item: ItemInput = { title: "Lunch with the team", description: "", assignee: "manager", dueDay: 4, link: null };
// A plan starts on a working day.
const today = () => nextWorkingDay(todayIso());
const emailsOf = (ids: number[]) => getDb().select({ email: people.email }).from(people).where(inArray(people.id, ids)).all().map((p) => p.email);
const outsideManager = [HR, "daan.visser@example.com", "aylin.celik@example.com", "xander.outside@example.com"];
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const plan = (id: () => number) => () => ({ type: "onboarding", id: id() });
const daan = () => ({ type: "person", id: idOf("daan.visser@example.com") });
const tickable = (p: PlanDetail) => sorted(p.items.filter((i) => i.canTick).map((i) => i.id));
const of1 = (...assignees: Assignee[]) => sorted(assignees.flatMap((a) => itemsOf(fx.plan1, a)));
/** Open items on a plan the hire attends without owing them: done with the buddy watching, and the check-ins. */
const attendedOf = (planId: number) =>
  getDb()
    .select({ id: onboardingItems.id })
    .from(onboardingItems)
    .where(and(eq(onboardingItems.onboardingId, planId), isNull(onboardingItems.doneAt), or(like(onboardingItems.genKey, "do:%"), like(onboardingItems.genKey, "checkin:%"))))
    .all()
    .map((r) => r.id);
const of1Open = (...assignees: Assignee[]) => sorted(assignees.flatMap((a) => itemsOf(fx.plan1, a, true)));
const uids = (ics: string) => sorted([...ics.matchAll(/UID:onboarding-item-(\d+)@rolebook/g)].map((m) => Number(m[1])));
const calendar = (a: Parameters<typeof calendarFor>[0]) => calendarFor(a, "https://rolebook.test", { forHire: (t, n) => `${t} (${n})` });
const start = (personEmail: string, managerEmail: string, buddyEmail: string) => ({ personId: idOf(personEmail), startDate: today(), managerId: idOf(managerEmail), buddyId: idOf(buddyEmail) });
const tickRefused = (name: string, as: string, itemId: () => number): RefusalCase => ({
  name,
  as,
  call: (a) => setItemDone(a, itemId(), true),
  expect: "field",
  fieldErrors: { _form: "notYourItem" },
  denied: () => ({ type: "onboarding_item", id: itemId(), detail: { rule: "mayTick" } }),
});
const template = () => ({ type: "onboarding_template", id: SA });

const cases: RefusalCase[] = [
  // ---------- starting a plan ----------
  ...forbidden("searchOnboardingCandidates", [SUP, EMP, NORA], (a) => searchOnboardingCandidates(a, "a"), "onboarding.manage", () => ({ type: "onboarding" })),
  ...forbidden("onboardingCandidate", [SUP, EMP, NORA], (a) => onboardingCandidate(a, idOf(NORA)), "onboarding.manage", () => ({ type: "onboarding" })),
  {
    name: "searchOnboardingCandidates: the manager finds only his people, at most 20",
    as: MGR,
    call: (a) => [emailsOf(searchOnboardingCandidates(a, "berzina").map((p) => p.id)), ...outsideManager.map((out) => searchOnboardingCandidates(a, out).length), searchOnboardingCandidates(a, "e").length],
    expect: ([nora, ...rest]: [string[], ...number[]]) => {
      expect(nora).toEqual([NORA]);
      const found = rest.pop()!;
      expect(rest.every((n) => n === 0)).toBe(true);
      expect(found).toBeGreaterThan(0);
      expect(found).toBeLessThanOrEqual(20);
    },
  },
  {
    name: "onboardingCandidate: the manager may choose Nora but nobody outside his people",
    as: MGR,
    call: (a) => [onboardingCandidate(a, idOf(NORA))?.id ?? null, ...outsideManager.map((out) => onboardingCandidate(a, idOf(out)))],
    expect: ([nora, ...rest]: (number | null)[]) => {
      expect(nora).toBe(idOf(NORA));
      expect(rest.every((r) => r === null)).toBe(true);
    },
  },
  ...forbidden("managerCandidates", [SUP, EMP], (a) => managerCandidates(a, idOf(NORA)), "onboarding.manage", () => ({ type: "onboarding" })),
  notFound("managerCandidates: the manager may not ask about Daan", MGR, (a) => managerCandidates(a, idOf("daan.visser@example.com")), daan, "peopleScope"),
  {
    name: "managerCandidates: only people up Nora's chain, her team's manager or HR may manage her plan",
    as: HR,
    call: (a) => emailsOf(managerCandidates(a, idOf(NORA)).map((p) => p.id)).sort(),
    expect: (e: string[]) => expect(e).toEqual([HR, MGR, SUP].sort()),
  },
  { name: "managerCandidates: the manager is not offered HR, whom he may not see", as: MGR, call: (a) => emailsOf(managerCandidates(a, idOf(NORA)).map((p) => p.id)).sort(), expect: (e: string[]) => expect(e).toEqual([MGR, SUP].sort()) },
  ...forbidden("buddySuggestions", [SUP, EMP], (a) => buddySuggestions(a, idOf(NORA)), "onboarding.manage", () => ({ type: "onboarding" })),
  notFound("buddySuggestions: the manager may not ask about Daan", MGR, (a) => buddySuggestions(a, idOf("daan.visser@example.com")), daan, "peopleScope"),
  { name: "buddySuggestions: the manager is offered none of HR's people", as: MGR, call: (a) => buddySuggestions(a, idOf(NORA), roleIdOf("hr-partner")), expect: (r: unknown[]) => expect(r).toEqual([]) },
  { name: "positive: HR is offered HR's people as buddies", as: HR, call: (a) => buddySuggestions(a, idOf(NORA), roleIdOf("hr-partner")).length, expect: (n: number) => expect(n).toBeGreaterThan(0) },
  ...forbidden("startOnboarding", [SUP, EMP, NORA], (a) => startOnboarding(a, start("thomas.bakker@example.com", MGR, EMP), phrases), "onboarding.manage", () => ({ type: "onboarding" })),
  notFound("startOnboarding: the manager may not start a plan for Daan", MGR, (a) => startOnboarding(a, start("daan.visser@example.com", MGR, EMP), phrases), daan, "peopleScope"),
  { name: "startOnboarding: Elif may not be named manager of Thomas's plan", as: HR, call: (a) => startOnboarding(a, start("thomas.bakker@example.com", EMP, "andreea.ionescu@example.com"), phrases), expect: "field", fieldErrors: { managerId: "notPlanManager" } },
  { name: "startOnboarding: the manager may not name HR, whom he may not see", as: MGR, call: (a) => startOnboarding(a, start("thomas.bakker@example.com", HR, "andreea.ionescu@example.com"), phrases), expect: "field", fieldErrors: { managerId: "notPlanManager" } },
  { name: "startOnboarding: the manager may not name Daan as buddy", as: MGR, call: (a) => startOnboarding(a, start("thomas.bakker@example.com", MGR, "daan.visser@example.com"), phrases), expect: "field", fieldErrors: { buddyId: "invalidChoice" } },

  ...forbidden("openPlanOf", [SUP, EMP, NORA], (a) => openPlanOf(a, idOf(NORA)), "onboarding.manage", () => ({ type: "onboarding" })),
  notFound("openPlanOf: the manager may not ask about Daan", MGR, (a) => openPlanOf(a, idOf("daan.visser@example.com")), daan, "peopleScope"),
  { name: "positive: the manager sees Nora's open plan", as: MGR, call: (a) => openPlanOf(a, idOf(NORA))?.id, expect: (id: number) => expect(id).toBe(fx.plan1) },
  ...forbidden("templateFreshness", [SUP, EMP, NORA], (a) => templateFreshness(a, roleIdOf(SA)), "onboarding.manage", () => ({ type: "onboarding_template", id: roleIdOf(SA) })),
  { name: "templateFreshness: the manager is not offered to edit HR's template", as: MGR, call: (a) => templateFreshness(a, roleIdOf("hr-partner"))?.mayEdit, expect: (m: boolean) => expect(m).toBe(false) },
  { name: "positive: HR may edit the Service Advisor template", as: HR, call: (a) => templateFreshness(a, roleIdOf(SA))?.mayEdit, expect: (m: boolean) => expect(m).toBe(true) },

  // ---------- reading a plan ----------
  ...forbidden("getPlan", [STRANGER], (a) => getPlan(a, fx.plan1), "onboarding.participate", plan(() => fx.plan1)),
  notFound("getPlan: Elif may not open a plan she is not buddy of", EMP, (a) => getPlan(a, fx.plan2), plan(() => fx.plan2), "mayViewPlan"),
  notFound("getPlan: Nora may not open another hire's plan", NORA, (a) => getPlan(a, fx.plan2), plan(() => fx.plan2), "mayViewPlan"),
  notFound("getPlan: the supervisor may not open Mark's plan", SUP, (a) => getPlan(a, fx.planMark), plan(() => fx.planMark), "mayViewPlan"),
  notFound("getPlan: the supervisor may not open his report's plan when not named its manager", SUP, (a) => getPlan(a, fx.planOutsider), plan(() => fx.planOutsider), "mayViewPlan"),
  notFound("getPlan: the manager may not open Daan's plan", MGR, (a) => getPlan(a, fx.planDaan), plan(() => fx.planDaan), "mayViewPlan"),
  {
    name: "getPlan: Nora may tick only her own items and sees no check-in notes",
    as: NORA,
    call: (a) => getPlan(a, fx.plan1),
    expect: (p: PlanDetail) => {
      // Her own items, except reading her role: that one is done by confirming it.
      const readRole = p.items.filter((i) => i.genKey === "read-role").map((i) => i.id);
      expect(readRole).toHaveLength(1);
      expect(tickable(p)).toEqual(of1("hire").filter((id) => !readRole.includes(id)));
      expect(p.checkins).toEqual([]);
      expect([p.me.mayChange, p.me.isHire]).toEqual([false, true]);
    },
  },
  {
    name: "getPlan: Elif (buddy) may tick only buddy items, reads the notes, may not change the plan",
    as: EMP,
    call: (a) => getPlan(a, fx.plan1),
    expect: (p: PlanDetail) => {
      expect(tickable(p)).toEqual(of1("buddy"));
      expect(p.checkins.length).toBeGreaterThan(0);
      expect(p.me.mayChange).toBe(false);
      expect(p.items.filter((i) => i.mayRemind)).toEqual([]);
    },
  },
  {
    name: "positive: the supervisor (named manager) ticks manager items, reads notes, may change the plan",
    as: SUP,
    call: (a) => getPlan(a, fx.plan1),
    expect: (p: PlanDetail) => {
      expect(tickable(p)).toEqual(of1("manager"));
      expect(p.checkins.length).toBeGreaterThan(0);
      expect(p.me.mayChange).toBe(true);
      // He may remind the hire and the buddy, never himself.
      expect(sorted(p.items.filter((i) => i.mayRemind).map((i) => i.id))).toEqual(of1Open("hire", "buddy"));
    },
  },
  { name: "positive: HR ticks HR and manager items on Nora's plan", as: HR, call: (a) => tickable(getPlan(a, fx.plan1)), expect: (ids: number[]) => expect(ids).toEqual(of1("hr", "manager")) },
  { name: "positive: the manager manages Nora's plan through his people scope", as: MGR, call: (a) => getPlan(a, fx.plan1), expect: (p: PlanDetail) => expect([tickable(p), p.me.mayChange]).toEqual([of1("manager"), true]) },
  { name: "positive: the manager named on a plan of someone outside his people may manage it", as: MGR, call: (a) => getPlan(a, fx.planOutsider).me.mayChange, expect: (m: boolean) => expect(m).toBe(true) },
  ...forbidden("myOpenPlan", [STRANGER], (a) => myOpenPlan(a), "onboarding.participate"),
  { name: "myOpenPlan: Elif's own plan, not the one she is buddy of", as: EMP, call: (a) => myOpenPlan(a), expect: (p: unknown) => expect(p).toBeNull() },
  { name: "myOpenPlan: the supervisor's own plan, not the ones he manages", as: SUP, call: (a) => myOpenPlan(a), expect: (p: unknown) => expect(p).toBeNull() },
  { name: "positive: Nora's own open plan", as: NORA, call: (a) => myOpenPlan(a)?.id, expect: (id: number) => expect(id).toBe(fx.plan1) },

  // ---------- changing a plan ----------
  ...forbidden("setItemDone", [STRANGER], (a) => setItemDone(a, itemsOf(fx.plan1, "hire")[0], true), "onboarding.participate", () => ({ type: "onboarding_item", id: itemsOf(fx.plan1, "hire")[0] })),
  notFound("setItemDone: Elif may not tick an item on a plan she cannot see", EMP, (a) => setItemDone(a, itemsOf(fx.plan2, "buddy", true)[0], true), plan(() => fx.plan2), "mayViewPlan"),
  tickRefused("setItemDone: Nora may not tick her buddy's item", NORA, () => itemsOf(fx.plan1, "buddy")[0]),
  tickRefused("setItemDone: Elif may not tick the hire's item", EMP, () => itemsOf(fx.plan1, "hire")[0]),
  tickRefused("setItemDone: Elif may not untick the manager's item", EMP, () => itemsOf(fx.plan1, "manager")[0]),
  tickRefused("setItemDone: the supervisor may not tick HR's item", SUP, () => itemsOf(fx.plan1, "hr")[0]),
  tickRefused("setItemDone: the manager may not tick HR's item", MGR, () => itemsOf(fx.plan1, "hr")[0]),
  tickRefused("setItemDone: HR may not tick the hire's item", HR, () => itemsOf(fx.plan1, "hire")[0]),
  notFound("addPlanItem: Elif (buddy) may not add to Nora's plan", EMP, (a) => addPlanItem(a, fx.plan1, item), plan(() => fx.plan1), "mayManagePlan"),
  notFound("addPlanItem: Nora may not add to her own plan", NORA, (a) => addPlanItem(a, fx.plan1, item), plan(() => fx.plan1), "mayManagePlan"),
  notFound("addPlanItem: the manager may not add to Daan's plan", MGR, (a) => addPlanItem(a, fx.planDaan, item), plan(() => fx.planDaan), "mayViewPlan"),
  notFound("addPlanItem: a manager may not add to his own onboarding plan", MGR, (a) => addPlanItem(a, fx.planMarco, item), plan(() => fx.planMarco), "mayManagePlan"),
  ...forbidden("addPlanItem", [STRANGER], (a) => addPlanItem(a, fx.plan1, item), "onboarding.participate", plan(() => fx.plan1)),
  notFound("closePlan: Elif (buddy) may not close Nora's plan", EMP, (a) => closePlan(a, fx.plan1, 1, "Done"), plan(() => fx.plan1), "mayManagePlan"),
  notFound("closePlan: Nora may not close her own plan", NORA, (a) => closePlan(a, fx.plan1, 1, "Done"), plan(() => fx.plan1), "mayManagePlan"),
  notFound("closePlan: the supervisor may not close Mark's plan", SUP, (a) => closePlan(a, fx.planMark, 1, "Done"), plan(() => fx.planMark), "mayViewPlan"),
  notFound("closePlan: the manager may not close Daan's plan", MGR, (a) => closePlan(a, fx.planDaan, 1, "Done"), plan(() => fx.planDaan), "mayViewPlan"),
  notFound("closePlan: a manager may not close his own onboarding plan", MGR, (a) => closePlan(a, fx.planMarco, 1, "Done"), plan(() => fx.planMarco), "mayManagePlan"),

  // ---------- lists and calendar ----------
  ...forbidden("myOnboardingTasks", [STRANGER], (a) => myOnboardingTasks(a), "onboarding.participate"),
  ...forbidden("plansISupport", [STRANGER], (a) => plansISupport(a), "onboarding.participate"),
  ...forbidden("supportsOpenPlan", [STRANGER], (a) => supportsOpenPlan(a), "onboarding.participate"),
  { name: "plansISupport: Nora supports no plan, not even her own", as: NORA, call: (a) => [plansISupport(a), supportsOpenPlan(a)], expect: (r: unknown[]) => expect(r).toEqual([[], false]) },
  { name: "plansISupport: Elif supports Nora's plan as buddy", as: EMP, call: (a) => [plansISupport(a).map((p) => [p.id, p.asBuddy, p.asManager]), supportsOpenPlan(a)], expect: (r: unknown[]) => expect(r).toEqual([[[fx.plan1, true, false]], true]) },
  { name: "myOnboardingTasks: Elif owes only the open buddy items of Nora's plan", as: EMP, call: (a) => sorted(Array.from({ length: myOnboardingTasks(a).pageCount }, (_, k) => myOnboardingTasks(a, { page: k + 1 }).rows.map((i) => i.id)).flat()), expect: (ids: number[]) => expect(ids).toEqual(itemsOf(fx.plan1, "buddy", true)) },
  { name: "myOnboardingTasks: Nora owes nothing to other people's plans", as: NORA, call: (a) => myOnboardingTasks(a).rows, expect: (r: unknown[]) => expect(r).toEqual([]) },
  {
    name: "myOnboardingTasks: the manager owes only the manager items of the plans naming him",
    as: MGR,
    call: (a) => sorted(Array.from({ length: myOnboardingTasks(a).pageCount }, (_, k) => myOnboardingTasks(a, { page: k + 1 }).rows.map((i) => i.id)).flat()),
    expect: (ids: number[]) => expect(ids).toEqual(sorted([...itemsOf(fx.planMark, "manager", true), ...itemsOf(fx.planOutsider, "manager", true)])),
  },
  {
    name: "positive: HR owes every open HR item and the manager items of the plans naming HR",
    as: HR,
    call: (a) => sorted(Array.from({ length: myOnboardingTasks(a).pageCount }, (_, k) => myOnboardingTasks(a, { page: k + 1 }).rows.map((i) => i.id)).flat()),
    expect: (ids: number[]) => {
      const plans = [fx.plan1, fx.plan2, fx.planLotte, fx.planMark, fx.planDaan, fx.planOutsider, fx.planMarco];
      expect(ids).toEqual(sorted([...plans.flatMap((p) => itemsOf(p, "hr", true)), ...itemsOf(fx.planDaan, "manager", true), ...itemsOf(fx.planMarco, "manager", true)]));
    },
  },
  ...forbidden("onboardingDutyCount", [STRANGER], (a) => onboardingDutyCount(a), "onboarding.participate"),
  { name: "onboardingDutyCount: Elif counts only what she owes", as: EMP, call: (a) => onboardingDutyCount(a), expect: (n: number) => expect(n).toBe(itemsOf(fx.plan1, "buddy", true).length) },
  ...forbidden("teamOptions", [SUP, EMP, NORA], (a) => teamOptions(a), "teams.read", () => ({ type: "team" })),
  { name: "teamOptions: the manager lists only the teams he manages", as: MGR, call: (a) => teamOptions(a).map((t) => t.id), expect: (ids: number[]) => expect([ids.length, ids.includes(fx.peopleOffice)]).toEqual([3, false]) },
  { name: "positive: HR lists every team", as: HR, call: (a) => teamOptions(a).map((t) => t.id), expect: (ids: number[]) => expect(ids).toContain(fx.peopleOffice) },
  ...forbidden("searchOnboardingTeams", [SUP, EMP, NORA], (a) => searchOnboardingTeams(a, "e"), "teams.read", () => ({ type: "team" })),
  ...forbidden("onboardingTeam", [SUP, EMP, NORA], (a) => onboardingTeam(a, fx.peopleOffice), "teams.read", () => ({ type: "team" })),
  {
    name: "searchOnboardingTeams / onboardingTeam: the manager finds only the teams he manages",
    as: MGR,
    call: (a) => ({ r: searchOnboardingTeams(a, "r").length, e: searchOnboardingTeams(a, "e").map((t) => t.id), office: onboardingTeam(a, fx.peopleOffice) }),
    expect: (x: { r: number; e: number[]; office: unknown }) => expect([x.r, x.e.length > 0, x.e.includes(fx.peopleOffice), x.office]).toEqual([3, true, false, null]),
  },
  {
    name: "positive: HR finds and names the people office",
    as: HR,
    call: (a) => [searchOnboardingTeams(a, "e").map((t) => t.id).includes(fx.peopleOffice), onboardingTeam(a, fx.peopleOffice)?.id],
    expect: (x: unknown[]) => expect(x).toEqual([true, fx.peopleOffice]),
  },
  ...forbidden("calendarFor", [STRANGER], (a) => calendar(a), "onboarding.participate"),
  { name: "calendarFor: Elif's calendar holds only what she owes", as: EMP, call: (a) => uids(calendar(a)), expect: (ids: number[]) => expect(ids).toEqual(itemsOf(fx.plan1, "buddy", true)) },
  {
    name: "calendarFor: Nora's calendar holds only her own plan: her items, those done with her buddy watching, the check-ins",
    as: NORA,
    call: (a) => uids(calendar(a)),
    expect: (ids: number[]) => expect(ids).toEqual(sorted([...itemsOf(fx.plan1, "hire", true), ...attendedOf(fx.plan1)])),
  },
  // ---------- reminders ----------
  ...forbidden("remindItem", [STRANGER], (a) => remindItem(a, itemsOf(fx.plan1, "hire", true)[0]), "onboarding.participate", () => ({ type: "onboarding_item", id: itemsOf(fx.plan1, "hire", true)[0] })),
  notFound("remindItem: Nora may not remind about her own plan", NORA, (a) => remindItem(a, itemsOf(fx.plan1, "buddy", true)[0]), plan(() => fx.plan1), "mayManagePlan"),
  notFound("remindItem: Elif (buddy) may not remind the hire", EMP, (a) => remindItem(a, itemsOf(fx.plan1, "hire", true)[0]), plan(() => fx.plan1), "mayManagePlan"),
  notFound("remindItem: the manager may not remind on Daan's plan", MGR, (a) => remindItem(a, itemsOf(fx.planDaan, "hire", true)[0]), plan(() => fx.planDaan), "mayViewPlan"),

  // ---------- templates ----------
  ...forbidden("getTemplate", [SUP, EMP, NORA], (a) => getTemplate(a, SA, phrases), "onboarding.manage", template),
  ...forbidden("saveTemplateItem", [SUP, EMP, NORA], (a) => saveTemplateItem(a, SA, 1, null, item, phrases), "onboarding.manage", template),
  ...forbidden("removeTemplateItem", [SUP, EMP, NORA], (a) => removeTemplateItem(a, SA, 1, 1, phrases), "onboarding.manage", template),
  ...forbidden("regenerateTemplate", [SUP, EMP, NORA], (a) => regenerateTemplate(a, SA, 1, phrases), "onboarding.manage", template),
  ...(
    [
      ["getTemplate", (a) => getTemplate(a, "hr-partner", phrases)],
      ["saveTemplateItem", (a) => saveTemplateItem(a, "hr-partner", 1, null, item, phrases)],
      ["removeTemplateItem", (a) => removeTemplateItem(a, "hr-partner", 1, 1, phrases)],
      ["regenerateTemplate", (a) => regenerateTemplate(a, "hr-partner", 1, phrases)],
    ] as [string, RefusalCase["call"]][]
  ).map(([fn, call]) => notFound(`${fn}: the manager may not touch HR's template`, MGR, call, () => ({ type: "onboarding_template", id: "hr-partner" }), "mayEditRole")),

  // Allowed writes last.
  { name: "positive: Elif (buddy) ticks a buddy item", as: EMP, call: (a) => setItemDone(a, itemsOf(fx.plan1, "buddy", true)[0], true), expect: (r: { closed: boolean }) => expect(r.closed).toBe(false), changes: ["onboarding_items"] },
];

describe("refusals: onboarding", () => {
  refusals(cases);
});
