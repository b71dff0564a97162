import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { capabilityEvidence, courseCapabilities, courses, jobRoles, onboardingItems, people, teams, trainingAssignments } from "@/db/schema";
import en from "@/i18n/messages/en.json";
import { closeTrainingFor } from "@/lib/capability/close";
import { roleNeeds } from "@/lib/capability/needs";
import { pickCourses, planGaps } from "@/lib/capability/onboarding-training";
import { simpleTranslator, templatePhrases, itemText } from "@/lib/onboarding/phrases";
import { getPlan } from "@/lib/onboarding/plans";
import { startOnboarding } from "@/lib/onboarding/start";
import { createPerson } from "@/lib/people/records";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const phrases = templatePhrases(simpleTranslator(en.onboarding.generated));
const hr = () => actorFor("hr@example.com");
const idOf = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const roleIdOf = (slug: string) => getDb().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, slug)).get()!.id;
const teamIdOf = (slug: string) => getDb().select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;
const needsOf = (slug: string) => roleNeeds([roleIdOf(slug)]).roles.get(roleIdOf(slug))!.capabilityKeys;

function course(title: string, keys: string[], minutes = 30): number {
  const db = getDb();
  const now = "2026-01-01T00:00:00.000Z";
  const { id } = db
    .insert(courses)
    .values({ title, kind: "technical", summary: "", content: "", estimatedMinutes: minutes, createdAt: now, updatedAt: now })
    .returning({ id: courses.id })
    .get();
  for (const k of keys) db.insert(courseCapabilities).values({ courseId: id, capabilityKey: k }).run();
  return id;
}

let n = 0;
async function newPerson(role: string) {
  n++;
  return (
    await createPerson(hr(), {
      name: `Course Item Test ${n}`,
      email: `course.item.${n}@example.com`,
      phone: null,
      appRole: "employee",
      jobRoleId: roleIdOf(role),
      teamId: teamIdOf("reception"),
      reportsToId: idOf("manager@example.com"),
      startDate: "2030-03-04",
      locale: null,
      password: "a-strong-password",
    })
  ).id;
}

const start = (personId: number, fromJobRoleId?: number) =>
  startOnboarding(hr(), { personId, startDate: "2030-03-04", managerId: idOf("manager@example.com"), buddyId: idOf("thomas.bakker@example.com"), fromJobRoleId }, phrases).id;

const courseItems = (planId: number) =>
  getDb()
    .select({ item: onboardingItems, a: trainingAssignments })
    .from(onboardingItems)
    .innerJoin(trainingAssignments, eq(trainingAssignments.onboardingItemId, onboardingItems.id))
    .where(eq(onboardingItems.onboardingId, planId))
    .orderBy(asc(onboardingItems.position))
    .all();

describe("planGaps and pickCourses (pure)", () => {
  it("a new hire's gaps are what the role needs minus what they hold or train for", () => {
    expect(planGaps({ needed: ["a", "b", "c", "d"], previouslyNeeded: null, held: new Set(["b"]), inTraining: new Set(["c"]) })).toEqual(["a", "d"]);
  });

  it("a role change trains only for what the new role adds", () => {
    expect(planGaps({ needed: ["a", "b", "c"], previouslyNeeded: ["a", "x"], held: new Set(), inTraining: new Set() })).toEqual(["b", "c"]);
  });

  it("picks the course covering most gaps first, then the shorter, and skips gaps no course builds", () => {
    const offers = [
      { courseId: 1, title: "One", minutes: 60, capabilityKey: "a" },
      { courseId: 2, title: "Two", minutes: 90, capabilityKey: "a" },
      { courseId: 2, title: "Two", minutes: 90, capabilityKey: "b" },
      { courseId: 3, title: "Three", minutes: 20, capabilityKey: "c" },
      { courseId: 4, title: "Four", minutes: 10, capabilityKey: "c" },
      { courseId: 5, title: "Five", minutes: 5, capabilityKey: "zz" },
    ];
    expect(pickCourses(["a", "b", "c", "d"], offers)).toEqual([
      { courseId: 2, title: "Two", capabilityKeys: ["a", "b"] },
      { courseId: 4, title: "Four", capabilityKeys: ["c"] },
    ]);
    expect(pickCourses(["d"], offers)).toEqual([]);
  });
});

describe("course items in onboarding plans", () => {
  it("a new hire's plan gets 'Complete the course' items for the gaps some course builds, each with an open assignment", async () => {
    const keys = needsOf("service-advisor");
    expect(keys.length).toBeGreaterThanOrEqual(3);
    // Only this test's courses build the advisor's capabilities (the demo's courses would be picked too).
    getDb().delete(courseCapabilities).where(inArray(courseCapabilities.capabilityKey, keys)).run();
    const c1 = course("Advisor course A", [keys[0], keys[1]]);
    const c2 = course("Advisor course B", [keys[2]]);
    const p = await newPerson("service-advisor");
    // The hire already holds keys[2]: no item for course B.
    getDb()
      .insert(capabilityEvidence)
      .values({ personId: p, capabilityKey: keys[2], kind: "signoff", validFrom: "2026-01-01", validUntil: null, createdAt: "2026-01-01T00:00:00.000Z" })
      .run();
    const planId = start(p);
    const rows = courseItems(planId);
    expect(rows.map((r) => r.a.courseId)).toEqual([c1]);
    expect(rows[0].item).toMatchObject({ assignee: "hire", title: "Complete the course: Advisor course A", genKey: `course:${c1}` });
    expect(rows[0].a).toMatchObject({ personId: p, status: "open", capabilityKey: keys[0], dueDate: rows[0].item.dueDate });
    expect(itemText({ ...rows[0].item }, phrases).title).toBe("Complete the course: Advisor course A");
    // The plan page links the item to the course.
    expect(getPlan(hr(), planId).items.find((i) => i.id === rows[0].item.id)?.courseId).toBe(c1);
    expect(c2).toBeGreaterThan(c1);
  });

  it("evidence closes the assignment and ticks the item", async () => {
    const keys = needsOf("service-advisor");
    const p = await newPerson("service-advisor");
    const planId = start(p);
    const [row] = courseItems(planId);
    getDb().transaction((tx) => closeTrainingFor(tx, { personId: p, capabilityKeys: [row.a.capabilityKey!], actorId: idOf("hr@example.com"), now: "2030-03-05T10:00:00.000Z" }));
    const [after] = courseItems(planId);
    expect(after.a.status).toBe("done");
    expect(after.item.doneAt).toBe("2030-03-05T10:00:00.000Z");
    expect(keys).toContain(row.a.capabilityKey);
  });

  it("a role-change plan trains only for capabilities the new role adds", async () => {
    const advisor = needsOf("service-advisor");
    const clerk = needsOf("parts-clerk");
    const shared = clerk.find((k) => advisor.includes(k));
    const added = clerk.filter((k) => !advisor.includes(k));
    expect(added.length).toBeGreaterThan(0);
    const cAdded = course("Parts course", [added[0]]);
    const cShared = shared ? course("Shared course", [shared]) : null;
    const p = await newPerson("parts-clerk");
    const planId = start(p, roleIdOf("service-advisor"));
    const ids = courseItems(planId).map((r) => r.a.courseId);
    expect(ids).toContain(cAdded);
    if (cShared) expect(ids).not.toContain(cShared);
    expect(
      getDb()
        .select()
        .from(trainingAssignments)
        .where(and(eq(trainingAssignments.personId, p), eq(trainingAssignments.status, "open")))
        .all()
        .every((a) => a.onboardingItemId !== null),
    ).toBe(true);
  });
});
