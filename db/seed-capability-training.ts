import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "./client";
import * as schema from "./schema";
import { holding } from "../lib/capability/validity";

/** YYYY-MM-DD `days` after `today` (UTC; negative = before). */
function dayIso(days: number, today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The courses the story assigns, in order (seeded by the courses part; absent ones are skipped). */
const COURSE_TITLES = ["Brake system diagnosis", "High-voltage vehicle safety"];
/** Due dates of the assignments in turn, in days from today: the first is overdue. */
const DUE_IN_DAYS = [-3, 9, 12, 14];

/**
 * Demo data for the capability tool (issue 11): a few open training assignments for technicians'
 * gaps, set by their foreman (supervisor@example.com), one of them overdue. A gap is a capability
 * the course builds that the technician has never held (a lapsed certificate stays a plain gap, so
 * the expired HV certificate of the evidence story still reads as one). Runs after courses and
 * evidence; does nothing when the courses are not there.
 */
export function seedTraining(today: Date, personIds: Map<string, number>): void {
  const db = getDb();
  const foreman = personIds.get("supervisor@example.com");
  if (foreman === undefined) return;
  const todayIso = dayIso(0, today);
  const courseRows = db
    .select({ id: schema.courses.id, title: schema.courses.title, key: schema.courseCapabilities.capabilityKey })
    .from(schema.courses)
    .innerJoin(schema.courseCapabilities, eq(schema.courseCapabilities.courseId, schema.courses.id))
    .where(inArray(schema.courses.title, COURSE_TITLES))
    .all();
  if (courseRows.length === 0) return;
  const technicians = db
    .select({ id: schema.people.id })
    .from(schema.people)
    .innerJoin(schema.jobRoles, eq(schema.jobRoles.id, schema.people.jobRoleId))
    .where(and(eq(schema.jobRoles.slug, "technician"), eq(schema.people.active, true), eq(schema.people.reportsToId, foreman)))
    .orderBy(asc(schema.people.name))
    .all()
    .map((p) => p.id);
  if (technicians.length === 0) return;
  const keys = [...new Set(courseRows.map((c) => c.key))];
  const evidence = db
    .select({ personId: schema.capabilityEvidence.personId, key: schema.capabilityEvidence.capabilityKey, validFrom: schema.capabilityEvidence.validFrom, validUntil: schema.capabilityEvidence.validUntil })
    .from(schema.capabilityEvidence)
    .where(and(inArray(schema.capabilityEvidence.personId, technicians), inArray(schema.capabilityEvidence.capabilityKey, keys)))
    .all();
  const never = (personId: number, key: string) =>
    holding(
      evidence.filter((e) => e.personId === personId && e.key === key),
      todayIso,
    ).state === "none";

  // Alternate the courses over the technicians; one assignment per technician, at most four.
  const picks: { personId: number; courseId: number; title: string; key: string }[] = [];
  const courses = COURSE_TITLES.map((title) => courseRows.filter((c) => c.title === title)).filter((rows) => rows.length > 0);
  for (const personId of technicians) {
    if (picks.length >= DUE_IN_DAYS.length) break;
    for (let i = 0; i < courses.length; i++) {
      const rows = courses[(picks.length + i) % courses.length]!;
      const gap = rows.find((c) => never(personId, c.key));
      if (gap) {
        picks.push({ personId, courseId: gap.id, title: gap.title, key: gap.key });
        break;
      }
    }
  }
  if (picks.length === 0) return;
  const foremanName = db.select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, foreman)).get()?.name ?? "";
  db.transaction((tx) => {
    picks.forEach((p, i) => {
      const due = dayIso(DUE_IN_DAYS[i]!, today);
      const createdAt = `${dayIso(DUE_IN_DAYS[i]! - 14, today)}T08:30:00.000Z`;
      const id = tx
        .insert(schema.trainingAssignments)
        .values({ personId: p.personId, courseId: p.courseId, capabilityKey: p.key, dueDate: due, status: "open", assignedById: foreman, createdAt })
        .returning({ id: schema.trainingAssignments.id })
        .get().id;
      const n = tx
        .insert(schema.notifications)
        .values({ personId: p.personId, kind: "training.assigned", params: JSON.stringify({ name: foremanName, course: p.title, due }), link: `/training/${p.courseId}`, createdAt })
        .returning({ id: schema.notifications.id })
        .get().id;
      tx.insert(schema.notificationDeliveries).values({ notificationId: n, channel: "in_app", status: "sent", attemptedAt: createdAt }).run();
      tx.insert(schema.auditLog)
        .values({
          actorId: foreman,
          action: "training.assigned",
          entityType: "person",
          entityId: String(p.personId),
          detail: JSON.stringify({ title: p.title, courseId: p.courseId, capability: p.key, dueDate: due, assignmentId: id }),
          at: createdAt,
        })
        .run();
    });
  });
}
