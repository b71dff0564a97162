import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, capabilities, capabilityEvidence, courseCapabilities, courses, files, notifications, trainingAssignments } from "@/db/schema";
import { certificatePdf } from "@/db/seed-capability-evidence";
import { addCertificate, capabilityOverview, signOff } from "@/lib/capability/evidence";
import { addDays } from "@/lib/capability/validity";
import { todayIso } from "@/lib/core/dates";
import { ActionError, FieldError, NotFoundError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { changedTables, fingerprint } from "@/lib/test/refusals";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const SUP = "supervisor@example.com";
const HR = "hr@example.com";
const EMP = "employee@example.com";
const keyOf = (name: string) => getDb().select({ key: capabilities.key }).from(capabilities).where(eq(capabilities.name, name)).get()!.key;
const HV = "Valid HV qualification for hybrid and electric work";
const LIFT = "Safe lift operation and manufacturer lifting points";
const cellOf = (email: string, name: string) => {
  const o = capabilityOverview(actorFor(email), actorFor(email).id);
  return o.responsibilities.flatMap((r) => r.capabilities).find((c) => c.name === name)!;
};

describe("the demo evidence", () => {
  it("has an expired HV certificate (a gap again) and two expiring within 30 days", () => {
    expect(cellOf("oliver.hughes@example.com", HV).cell).toBe("gap");
    expect(cellOf("oliver.hughes@example.com", HV).holding.state).toBe("lapsed");
    expect(cellOf("janis.ozolins@example.com", HV).cell).toBe("expiring");
    expect(cellOf("burak.demir@example.com", HV).cell).toBe("expiring");
    expect(cellOf("mehmet.kaya@example.com", HV).cell).toBe("ready");
    const files = getDb().select({ key: capabilityEvidence.fileId }).from(capabilityEvidence).where(eq(capabilityEvidence.kind, "certificate")).all();
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it("gives Elif most of her Service Advisor capabilities and the new hire only a few", () => {
    const elif = capabilityOverview(actorFor(EMP), actorFor(EMP).id);
    const nora = capabilityOverview(actorFor("newhire@example.com"), actorFor("newhire@example.com").id);
    expect(elif.counts.ready).toBeGreaterThanOrEqual(elif.needed.length - 2);
    expect(nora.counts.ready).toBeLessThanOrEqual(3);
    expect(nora.counts.gap + nora.counts.training).toBeGreaterThan(nora.counts.ready);
  });
});

describe("signing off", () => {
  it("by the supervisor: starts validity today, closes the open training for it, notifies and audits", () => {
    const sup = actorFor(SUP);
    const raluca = actorFor("raluca.dumitru@example.com");
    const key = keyOf(LIFT);
    const db = getDb();
    db.update(capabilities).set({ validityMonths: 12 }).where(eq(capabilities.key, key)).run();
    db.delete(capabilityEvidence).where(and(eq(capabilityEvidence.personId, raluca.id), eq(capabilityEvidence.capabilityKey, key))).run();
    const course = db.insert(courses).values({ title: "Lift safety", kind: "technical", estimatedMinutes: 30 }).returning({ id: courses.id }).get().id;
    db.insert(courseCapabilities).values({ courseId: course, capabilityKey: key }).run();
    const assignment = db
      .insert(trainingAssignments)
      .values({ personId: raluca.id, courseId: course, dueDate: addDays(todayIso(), 14), createdAt: new Date().toISOString() })
      .returning({ id: trainingAssignments.id })
      .get().id;
    expect(cellOf(raluca.email, LIFT).cell).toBe("training");

    const { evidenceId } = signOff(sup, { personId: raluca.id, capabilityKey: key, note: "  Lifted a hybrid on the marked points.  " });
    const row = db.select().from(capabilityEvidence).where(eq(capabilityEvidence.id, evidenceId)).get()!;
    expect(row).toMatchObject({ kind: "signoff", signoffRelation: "supervisor", note: "Lifted a hybrid on the marked points.", validFrom: todayIso(), createdById: sup.id });
    expect(row.validUntil).toBe(addDays(todayIso().replace(/^(\d{4})/, (y) => String(Number(y) + 1)), -1));
    expect(db.select({ s: trainingAssignments.status }).from(trainingAssignments).where(eq(trainingAssignments.id, assignment)).get()!.s).toBe("done");
    expect(cellOf(raluca.email, LIFT).cell).toBe("ready");
    expect(db.select().from(notifications).where(and(eq(notifications.personId, raluca.id), eq(notifications.kind, "capability.signedOff"))).all()).toHaveLength(1);
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "evidence.signedOff"), eq(auditLog.entityId, String(raluca.id)))).all()).toHaveLength(1);
  });

  it("refuses one's own capability, with nothing written", () => {
    const sup = actorFor(SUP);
    const before = fingerprint();
    expect(() => signOff(sup, { personId: sup.id, capabilityKey: keyOf(LIFT), note: "I can do it." })).toThrow(ActionError);
    expect(changedTables(before, fingerprint())).toEqual([]);
  });

  it("refuses someone who sees the person but is not their supervisor, manager or buddy (HR), with a message", () => {
    const before = fingerprint();
    try {
      signOff(actorFor(HR), { personId: actorFor("raluca.dumitru@example.com").id, capabilityKey: keyOf(LIFT), note: "Seen it." });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ActionError);
      expect((e as ActionError).key).toBe("capability.signoffNotAllowed");
    }
    expect(changedTables(before, fingerprint())).toEqual([]);
  });

  it("requires a note", () => {
    expect(() => signOff(actorFor(SUP), { personId: actorFor("raluca.dumitru@example.com").id, capabilityKey: keyOf(LIFT), note: "   " })).toThrow(FieldError);
  });

  it("is not found for an unknown capability", () => {
    expect(() => signOff(actorFor(SUP), { personId: actorFor("raluca.dumitru@example.com").id, capabilityKey: "no-such-key", note: "x" })).toThrow(NotFoundError);
  });
});

describe("certificates", () => {
  const pdf = certificatePdf(["Test certificate"]);
  const base = () => ({ personId: actorFor(EMP).id, capabilityKey: keyOf("Insurance excess and licence rules for loan cars"), issuer: "Insurance Academy", date: addDays(todayIso(), -3) });

  it("are refused when the content is not PDF/PNG/JPEG, whatever the name, with nothing written", () => {
    const before = fingerprint();
    const bytes = new TextEncoder().encode("<html>not a pdf</html>");
    try {
      addCertificate(actorFor(EMP), { ...base(), file: { bytes, name: "certificate.pdf" } });
      expect.unreachable();
    } catch (e) {
      expect((e as FieldError).fieldErrors).toEqual({ file: "capability.upload.badType" });
    }
    expect(changedTables(before, fingerprint())).toEqual([]);
  });

  it("are refused over 10 MB and when empty", () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf.slice(0, 8));
    expect(() => addCertificate(actorFor(EMP), { ...base(), file: { bytes: big, name: "big.pdf" } })).toThrow(FieldError);
    try {
      addCertificate(actorFor(EMP), { ...base(), file: { bytes: new Uint8Array(0), name: "" } });
    } catch (e) {
      expect((e as FieldError).fieldErrors).toEqual({ file: "capability.upload.empty" });
    }
  });

  it("are refused when dated in the future or without an issuer", () => {
    const before = fingerprint();
    try {
      addCertificate(actorFor(EMP), { ...base(), issuer: " ", date: addDays(todayIso(), 1), file: { bytes: pdf, name: "c.pdf" } });
      expect.unreachable();
    } catch (e) {
      expect((e as FieldError).fieldErrors).toEqual({ issuer: "required", date: "capability.certificateFuture" });
    }
    expect(changedTables(before, fingerprint())).toEqual([]);
  });

  it("for oneself: stores the file and starts validity from the certificate's date", () => {
    const elif = actorFor(EMP);
    const key = base().capabilityKey;
    getDb().update(capabilities).set({ validityMonths: 1 }).where(eq(capabilities.key, key)).run();
    const date = addDays(todayIso(), -3);
    const { evidenceId, fileId } = addCertificate(elif, { ...base(), date, note: "Course certificate", file: { bytes: pdf, name: "ins.pdf" } });
    const row = getDb().select().from(capabilityEvidence).where(eq(capabilityEvidence.id, evidenceId)).get()!;
    expect(row).toMatchObject({ kind: "certificate", issuer: "Insurance Academy", validFrom: date, fileId, personId: elif.id });
    expect(row.validUntil! > todayIso()).toBe(true);
    expect(getDb().select({ mime: files.mime, purpose: files.purpose }).from(files).where(eq(files.id, fileId)).get()).toEqual({ mime: "application/pdf", purpose: "certificate" });
    expect(cellOf(EMP, "Insurance excess and licence rules for loan cars").cell).toBe("expiring");
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "evidence.certificateUploaded")).all().length).toBeGreaterThan(0);
  });
});

describe("the overview", () => {
  it("offers the supervisor a sign-off and a certificate form for their report, and Elif neither for a technician", () => {
    const raluca = actorFor("raluca.dumitru@example.com").id;
    const o = capabilityOverview(actorFor(SUP), raluca);
    expect(o.signoffAs).toBe("supervisor");
    expect(o.mayAddCertificate).toBe(true);
    expect(o.isSelf).toBe(false);
    expect(() => capabilityOverview(actorFor(EMP), raluca)).toThrow(NotFoundError);
  });

  it("shows one's own open training with due dates, overdue marked", () => {
    const nora = actorFor("newhire@example.com");
    const db = getDb();
    const course = db.insert(courses).values({ title: "Explaining an invoice (test)", kind: "customer", estimatedMinutes: 20 }).returning({ id: courses.id }).get().id;
    db.insert(trainingAssignments).values({ personId: nora.id, courseId: course, dueDate: addDays(todayIso(), -1), createdAt: new Date().toISOString() }).run();
    const o = capabilityOverview(nora, nora.id);
    expect(o.isSelf).toBe(true);
    expect(o.signoffAs).toBeNull();
    const row = o.training.rows.find((t) => t.courseId === course)!;
    expect(row).toMatchObject({ title: "Explaining an invoice (test)", overdue: true });
  });
});
