import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { capabilityEvidence, capabilities, courseCapabilities, courses, jobRoles, people, trainingAssignments } from "@/db/schema";
import { useSeededTestDb } from "@/lib/test/db";
import { seedTraining } from "./seed-capability-training";

const HV = "Valid HV qualification for hybrid and electric work";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

describe("seedTraining", () => {
  it("assigns a few courses for technicians' never-held capabilities, one overdue, and leaves lapsed ones as gaps", () => {
    const db = getDb();
    const hv = db.select({ key: capabilities.key }).from(capabilities).where(eq(capabilities.name, HV)).get()!.key;
    // The courses part seeds these titles; add them here when it has not.
    const now = new Date().toISOString();
    for (const title of ["Brake system diagnosis", "High-voltage vehicle safety"]) {
      if (db.select({ id: courses.id }).from(courses).where(eq(courses.title, title)).get()) continue;
      const id = db.insert(courses).values({ title, kind: "technical", estimatedMinutes: 60, createdAt: now, updatedAt: now }).returning({ id: courses.id }).get().id;
      if (title.startsWith("High")) db.insert(courseCapabilities).values({ courseId: id, capabilityKey: hv }).run();
      else {
        const other = db.select({ key: capabilities.key }).from(capabilities).where(eq(capabilities.name, "Manufacturer diagnostic tool and guided fault finding")).get()!.key;
        db.insert(courseCapabilities).values({ courseId: id, capabilityKey: other }).run();
      }
    }
    const techs = db
      .select({ id: people.id, email: people.email })
      .from(people)
      .innerJoin(jobRoles, eq(jobRoles.id, people.jobRoleId))
      .where(eq(jobRoles.slug, "technician"))
      .all();
    const ids = techs.map((t) => t.id);
    db.delete(trainingAssignments).where(inArray(trainingAssignments.personId, ids)).run();
    db.delete(capabilityEvidence).where(inArray(capabilityEvidence.personId, ids)).run();
    // One technician's HV certificate lapsed: it must stay a plain gap (no training for HV).
    const lapsed = techs[0]!.id;
    db.insert(capabilityEvidence).values({ personId: lapsed, capabilityKey: hv, kind: "certificate", validFrom: "2020-01-01", validUntil: "2022-01-01", createdAt: now }).run();

    const personIds = new Map(db.select({ id: people.id, email: people.email }).from(people).all().map((p) => [p.email, p.id]));
    const today = new Date();
    seedTraining(today, personIds);

    const rows = db.select().from(trainingAssignments).where(inArray(trainingAssignments.personId, ids)).all();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeLessThanOrEqual(4);
    expect(rows.every((r) => r.status === "open" && r.assignedById === personIds.get("supervisor@example.com"))).toBe(true);
    const todayIso = today.toISOString().slice(0, 10);
    expect(rows.filter((r) => r.dueDate < todayIso).length).toBe(1);
    expect(new Set(rows.map((r) => r.personId)).size).toBe(rows.length);
    expect(rows.some((r) => r.personId === lapsed && r.capabilityKey === hv)).toBe(false);
  });
});
