import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, capabilities, capabilityEvidence, courseCapabilities, courses, trainingAssignments } from "@/db/schema";
import { ConflictError, FieldError } from "@/lib/core/errors";
import { getCapability, listCapabilities, searchCapabilities } from "@/lib/capability/directory";
import { mergeCapability, updateCapability } from "@/lib/capability/manage";
import { getDraft, saveDraft } from "@/lib/roles/drafts";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { HR, MGR, idOf, SEED_TIMEOUT } from "@/lib/test/refusals";

const keyOf = (name: string) => getDb().select({ key: capabilities.key }).from(capabilities).where(eq(capabilities.name, name)).get()!.key;
const rec = (key: string) => getDb().select().from(capabilities).where(eq(capabilities.key, key)).get()!;
const HV = "Valid HV qualification for hybrid and electric work";
const LIFT = "Safe lift operation and manufacturer lifting points";

beforeAll(async () => {
  await useSeededTestDb();
}, SEED_TIMEOUT);

describe("the demo's capability records", () => {
  it("HV work lapses after 24 months, lift safety after 12, and one duplicate is merged", () => {
    expect(rec(keyOf(HV)).validityMonths).toBe(24);
    expect(rec(keyOf(LIFT)).validityMonths).toBe(12);
    const dup = rec(keyOf("Handling escalated, emotional complaints"));
    expect(dup.mergedIntoKey).toBe(keyOf("Calming upset customers and de-escalation"));
    // The duplicate's page answers with its survivor; the survivor lists both roles that need it.
    expect(getCapability(actorFor(MGR), dup.key)).toEqual({ mergedInto: dup.mergedIntoKey });
    const survivor = getCapability(actorFor(MGR), dup.mergedIntoKey!);
    if ("mergedInto" in survivor) throw new Error("survivor redirected");
    expect(survivor.roles.map((r) => r.roleTitle).sort()).toEqual(["Customer Care Agent", "Service Manager"]);
    expect(survivor.duplicates.map((d) => d.name)).toEqual(["Handling escalated, emotional complaints"]);
    expect(survivor.mayManage).toBe(false);
  });
});

describe("listing and searching", () => {
  it("filters by name, kind and status, a page at a time", () => {
    const hr = actorFor(HR);
    const hv = listCapabilities(hr, { q: "hv " });
    expect(hv.rows.map((r) => r.name)).toEqual([HV, "Lift inspection and HV insulation tester"].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(listCapabilities(hr, { kind: "interpersonal" }).rows.every((r) => r.kind === "interpersonal")).toBe(true);
    const merged = listCapabilities(hr, { status: "merged" });
    expect(merged.rows.map((r) => [r.name, r.mergedIntoName])).toEqual([["Handling escalated, emotional complaints", "Calming upset customers and de-escalation"]]);
    expect(listCapabilities(hr, { status: "current" }).rows.some((r) => r.mergedIntoKey)).toBe(false);
    const all = listCapabilities(hr, { status: "all" });
    expect(all.rows.length).toBeLessThanOrEqual(all.pageSize);
    expect(all.total).toBeGreaterThan(all.pageSize);
    expect(listCapabilities(hr, { status: "all", page: 2 }).rows[0].key).not.toBe(all.rows[0].key);
    // A wildcard in the text is literal.
    expect(listCapabilities(hr, { q: "%" }).total).toBe(0);
  });

  it("suggests current records only, never a merged one, excluding the given keys", () => {
    const mgr = actorFor(MGR);
    expect(searchCapabilities(mgr, "complaints")).toEqual([]);
    const calm = searchCapabilities(mgr, "de-escal");
    expect(calm.map((c) => c.name)).toEqual(["Calming upset customers and de-escalation"]);
    expect(searchCapabilities(mgr, "de-escal", { exclude: [calm[0].key] })).toEqual([]);
    expect(searchCapabilities(mgr, "  ")).toEqual([]);
  });
});

describe("updateCapability", () => {
  it("saves name, kind and validity, recalculates evidence end dates, audits, and refuses a stale revision", () => {
    const hr = actorFor(HR);
    const key = keyOf("Wiring diagrams, multimeter and oscilloscope");
    const person = idOf("employee@example.com");
    const db = getDb();
    const ev = db
      .insert(capabilityEvidence)
      .values({ personId: person, capabilityKey: key, kind: "signoff", validFrom: "2026-01-31", validUntil: null, createdAt: new Date().toISOString() })
      .returning({ id: capabilityEvidence.id })
      .get().id;
    const r = rec(key).revision;
    expect(updateCapability(hr, key, r, { name: "Wiring diagrams and measuring tools", kind: "technical", validityMonths: 1 })).toEqual({ revision: r + 1 });
    expect(rec(key)).toMatchObject({ name: "Wiring diagrams and measuring tools", searchName: "wiring diagrams and measuring tools", validityMonths: 1 });
    expect(db.select({ u: capabilityEvidence.validUntil }).from(capabilityEvidence).where(eq(capabilityEvidence.id, ev)).get()!.u).toBe("2026-02-27");
    const entry = db.select().from(auditLog).where(and(eq(auditLog.action, "capability.update"), eq(auditLog.entityId, key))).get()!;
    expect(JSON.parse(entry.detail).changes.validityMonths).toEqual({ from: null, to: 1 });
    // Someone else saved meanwhile: nothing is written.
    expect(() => updateCapability(hr, key, r, { name: "Other", kind: "technical", validityMonths: null })).toThrow(ConflictError);
    expect(rec(key).name).toBe("Wiring diagrams and measuring tools");
    // Back to no expiry: the evidence no longer lapses.
    updateCapability(hr, key, r + 1, { name: "Wiring diagrams and measuring tools", kind: "technical", validityMonths: null });
    expect(db.select({ u: capabilityEvidence.validUntil }).from(capabilityEvidence).where(eq(capabilityEvidence.id, ev)).get()!.u).toBeNull();
  });

  it("refuses an empty name and a validity outside 1–120 months, next to the field", () => {
    const hr = actorFor(HR);
    const key = keyOf(LIFT);
    const r = rec(key).revision;
    for (const [input, errors] of [
      [{ name: " ", kind: "technical", validityMonths: 12 }, { name: "required" }],
      [{ name: "Lift", kind: "technical", validityMonths: 0 }, { validityMonths: "capabilities.validityRange" }],
      [{ name: "Lift", kind: "technical", validityMonths: 121 }, { validityMonths: "capabilities.validityRange" }],
    ] as const) {
      try {
        updateCapability(hr, key, r, input);
        throw new Error("not refused");
      } catch (e) {
        expect(e).toBeInstanceOf(FieldError);
        expect((e as FieldError).fieldErrors).toEqual(errors);
      }
    }
    expect(rec(key).revision).toBe(r);
  });
});

describe("mergeCapability", () => {
  it("moves evidence, course links and assignments, rewrites role drafts, re-points earlier duplicates, in one go", () => {
    const hr = actorFor(HR);
    const db = getDb();
    const survivor = keyOf("Manufacturer diagnostic tool and guided fault finding");
    const loser = keyOf("Known faults and technical service bulletins for the brand's models");
    const person = idOf("employee@example.com");
    const now = new Date().toISOString();
    // An earlier duplicate already merged into the loser.
    db.insert(capabilities).values({ key: "older-dup", name: "Old diagnosis", kind: "technical", searchName: "old diagnosis", mergedIntoKey: loser }).run();
    const ev = db.insert(capabilityEvidence).values({ personId: person, capabilityKey: loser, kind: "signoff", validFrom: "2026-03-01", createdAt: now }).returning({ id: capabilityEvidence.id }).get().id;
    const c1 = db.insert(courses).values({ title: "Diagnosis A", kind: "technical", estimatedMinutes: 30 }).returning({ id: courses.id }).get().id;
    const c2 = db.insert(courses).values({ title: "Diagnosis B", kind: "technical", estimatedMinutes: 30 }).returning({ id: courses.id }).get().id;
    db.insert(courseCapabilities).values([{ courseId: c1, capabilityKey: loser }, { courseId: c2, capabilityKey: loser }, { courseId: c2, capabilityKey: survivor }]).run();
    const ta = db.insert(trainingAssignments).values({ personId: person, courseId: c1, capabilityKey: loser, dueDate: "2026-12-31", createdAt: now }).returning({ id: trainingAssignments.id }).get().id;
    // A technician role draft that names the loser beside the survivor.
    const draft = getDraft(hr, "technician");
    saveDraft(hr, "technician", draft.revision, draft.doc);
    const savedRevision = getDraft(hr, "technician").revision;

    const r = rec(loser).revision;
    // The demo's own evidence of the loser (technicians' sign-offs) moves too.
    const evidenceOfLoser = db.select({ id: capabilityEvidence.id }).from(capabilityEvidence).where(eq(capabilityEvidence.capabilityKey, loser)).all().length;
    const coursesOfLoser = db.select({ c: courseCapabilities.courseId }).from(courseCapabilities).where(eq(courseCapabilities.capabilityKey, loser)).all().length;
    expect(mergeCapability(hr, loser, r, survivor)).toEqual({ into: survivor, evidence: evidenceOfLoser, courses: coursesOfLoser, assignments: 1, drafts: 1 });

    expect(db.select({ k: capabilityEvidence.capabilityKey }).from(capabilityEvidence).where(eq(capabilityEvidence.id, ev)).get()!.k).toBe(survivor);
    expect(db.select().from(courseCapabilities).where(eq(courseCapabilities.capabilityKey, loser)).all()).toEqual([]);
    expect(db.select({ c: courseCapabilities.courseId }).from(courseCapabilities).where(eq(courseCapabilities.capabilityKey, survivor)).all().map((x) => x.c)).toEqual(expect.arrayContaining([c1, c2]));
    expect(db.select({ k: trainingAssignments.capabilityKey }).from(trainingAssignments).where(eq(trainingAssignments.id, ta)).get()!.k).toBe(survivor);
    const after = getDraft(hr, "technician");
    expect(after.revision).toBe(savedRevision + 1);
    const diagnosis = after.doc.responsibilities.find((x) => x.title === "Diagnosis")!;
    expect(diagnosis.capabilities.filter((c) => c.key === survivor)).toHaveLength(1);
    expect(JSON.stringify(after.doc)).not.toContain(loser);
    expect(rec(loser).mergedIntoKey).toBe(survivor);
    expect(rec("older-dup").mergedIntoKey).toBe(survivor);
    const entry = db.select().from(auditLog).where(and(eq(auditLog.action, "capability.merge"), eq(auditLog.entityId, survivor))).get()!;
    expect(JSON.parse(entry.detail)).toMatchObject({ from: loser, evidence: evidenceOfLoser, courses: coursesOfLoser });
    // Merged already: a second merge at the old revision is a conflict.
    expect(() => mergeCapability(hr, loser, r, survivor)).toThrow(ConflictError);
  });

  it("refuses merging into itself, into an unknown key, or into a merged duplicate, writing nothing", () => {
    const hr = actorFor(HR);
    const key = keyOf(LIFT);
    const r = rec(key).revision;
    const merged = keyOf("Handling escalated, emotional complaints");
    for (const [into, error] of [
      [key, "capabilities.mergeSelf"],
      ["no-such-key", "capabilities.mergeUnknown"],
      [merged, "capabilities.mergeTargetMerged"],
    ]) {
      try {
        mergeCapability(hr, key, r, into);
        throw new Error("not refused");
      } catch (e) {
        expect(e).toBeInstanceOf(FieldError);
        expect((e as FieldError).fieldErrors).toEqual({ into: error });
      }
    }
    expect(rec(key)).toMatchObject({ revision: r, mergedIntoKey: null });
  });
});
