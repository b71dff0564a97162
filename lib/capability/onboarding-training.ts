import "server-only";
import { and, asc, eq, inArray, max } from "drizzle-orm";
import { courseCapabilities, courses, onboardingItems, trainingAssignments } from "@/db/schema";
import { holdingsFor } from "@/lib/capability/holdings";
import { roleNeeds } from "@/lib/capability/needs";
import { holds } from "@/lib/capability/validity";
import { dueDate } from "@/lib/onboarding/rules";
import type { Tx } from "@/lib/roles/documents";

/** Working days from the plan's start to a course item's due date. */
export const COURSE_ITEM_DUE_DAY = 10;

/**
 * The capabilities an onboarding plan trains for (issue 11, point 7): a new hire's role needs
 * minus what they hold (valid or expiring) or are already being trained for; for a role change,
 * only what the new role adds (needed by the new role, not by the previous one). Pure.
 */
export function planGaps(input: {
  needed: readonly string[];
  previouslyNeeded: readonly string[] | null;
  held: ReadonlySet<string>;
  inTraining: ReadonlySet<string>;
}): string[] {
  const before = new Set(input.previouslyNeeded ?? []);
  return input.needed.filter((k) => !before.has(k) && !input.held.has(k) && !input.inTraining.has(k));
}

/**
 * Courses covering the gaps: greedily the course that builds most of the remaining gaps (ties: the
 * shorter, then the lower id), until every gap some course builds is covered. Pure.
 */
export function pickCourses(
  gaps: readonly string[],
  offers: readonly { courseId: number; title: string; minutes: number; capabilityKey: string }[],
): { courseId: number; title: string; capabilityKeys: string[] }[] {
  const byCourse = new Map<number, { courseId: number; title: string; minutes: number; keys: Set<string> }>();
  const wanted = new Set(gaps);
  for (const o of offers) {
    if (!wanted.has(o.capabilityKey)) continue;
    const c = byCourse.get(o.courseId) ?? { courseId: o.courseId, title: o.title, minutes: o.minutes, keys: new Set<string>() };
    c.keys.add(o.capabilityKey);
    byCourse.set(o.courseId, c);
  }
  const left = new Set([...wanted].filter((k) => [...byCourse.values()].some((c) => c.keys.has(k))));
  const picked: { courseId: number; title: string; capabilityKeys: string[] }[] = [];
  while (left.size) {
    let best: { courseId: number; title: string; minutes: number; keys: Set<string> } | null = null;
    let bestN = 0;
    for (const c of byCourse.values()) {
      const n = [...c.keys].filter((k) => left.has(k)).length;
      if (n > bestN || (n === bestN && n > 0 && best && (c.minutes < best.minutes || (c.minutes === best.minutes && c.courseId < best.courseId)))) {
        best = c;
        bestN = n;
      }
    }
    if (!best) break;
    const chosen = best;
    const covers = gaps.filter((k) => chosen.keys.has(k) && left.has(k));
    for (const k of covers) left.delete(k);
    picked.push({ courseId: chosen.courseId, title: chosen.title, capabilityKeys: covers });
    byCourse.delete(chosen.courseId);
  }
  return picked;
}

/**
 * Inside the transaction that starts a plan: for each gap (see `planGaps`) that some course builds,
 * an item for the hire "Complete the course: <title>" and an open training assignment standing for
 * it (ticked by `closeTrainingFor` when the gap closes). The caller has authorized the start.
 * Returns the number of items added.
 */
export function addCourseItems(
  tx: Tx,
  input: {
    planId: number;
    personId: number;
    jobRoleId: number;
    fromJobRoleId: number | null;
    startDate: string;
    holidays: ReadonlySet<string>;
    phrase: (course: string) => { title: string; description: string };
    actorId: number | null;
    today: string;
    now: string;
  },
): number {
  const { roles } = roleNeeds(input.fromJobRoleId ? [input.jobRoleId, input.fromJobRoleId] : [input.jobRoleId]);
  const role = roles.get(input.jobRoleId);
  if (!role || role.capabilityKeys.length === 0) return 0;
  const previous = input.fromJobRoleId ? (roles.get(input.fromJobRoleId)?.capabilityKeys ?? []) : null;
  const mine = holdingsFor([input.personId], role.capabilityKeys, input.today).get(input.personId) ?? new Map();
  const held = new Set<string>();
  const inTraining = new Set<string>();
  for (const [k, h] of mine) {
    if (holds(h.holding)) held.add(k);
    if (h.inTraining) inTraining.add(k);
  }
  const gaps = planGaps({ needed: role.capabilityKeys, previouslyNeeded: previous, held, inTraining });
  if (gaps.length === 0) return 0;
  const offers = tx
    .select({ courseId: courses.id, title: courses.title, minutes: courses.estimatedMinutes, capabilityKey: courseCapabilities.capabilityKey })
    .from(courseCapabilities)
    .innerJoin(courses, eq(courses.id, courseCapabilities.courseId))
    .where(inArray(courseCapabilities.capabilityKey, gaps))
    .orderBy(asc(courses.id))
    .all();
  // Never a second open assignment of the same course for the same person.
  const open = new Set(
    tx
      .select({ courseId: trainingAssignments.courseId })
      .from(trainingAssignments)
      .where(and(eq(trainingAssignments.personId, input.personId), eq(trainingAssignments.status, "open")))
      .all()
      .map((r) => r.courseId),
  );
  const picked = pickCourses(gaps, offers).filter((c) => !open.has(c.courseId));
  if (picked.length === 0) return 0;
  const last = tx.select({ n: max(onboardingItems.position) }).from(onboardingItems).where(eq(onboardingItems.onboardingId, input.planId)).get()?.n ?? -1;
  const due = dueDate(input.startDate, COURSE_ITEM_DUE_DAY, input.holidays);
  picked.forEach((c, i) => {
    const text = input.phrase(c.title);
    const item = tx
      .insert(onboardingItems)
      .values({
        onboardingId: input.planId,
        position: last + 1 + i,
        title: text.title,
        description: text.description,
        assignee: "hire",
        dueDay: COURSE_ITEM_DUE_DAY,
        dueDate: due,
        genKey: `course:${c.courseId}`,
        genParams: JSON.stringify({ course: c.title }),
        edited: false,
      })
      .returning({ id: onboardingItems.id })
      .get();
    tx.insert(trainingAssignments)
      .values({
        personId: input.personId,
        courseId: c.courseId,
        capabilityKey: c.capabilityKeys[0] ?? null,
        dueDate: due,
        status: "open",
        onboardingItemId: item.id,
        assignedById: input.actorId,
        createdAt: input.now,
      })
      .run();
  });
  return picked.length;
}

/** For plan pages: the course each of these onboarding items stands for (item id → course id). */
export function coursesOfItems(itemIds: readonly number[], db: Pick<Tx, "select">): Map<number, number> {
  if (itemIds.length === 0) return new Map();
  const rows = db
    .select({ itemId: trainingAssignments.onboardingItemId, courseId: trainingAssignments.courseId })
    .from(trainingAssignments)
    .where(inArray(trainingAssignments.onboardingItemId, [...itemIds]))
    .all();
  return new Map(rows.filter((r) => r.itemId !== null).map((r) => [r.itemId!, r.courseId]));
}
