import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { capabilities } from "@/db/schema";
import { certificatePdf } from "@/db/seed-capability-evidence";
import { addCertificate, capabilityOverview, signOff, type CapabilityOverview } from "@/lib/capability/evidence";
import { addDays } from "@/lib/capability/validity";
import { todayIso } from "@/lib/core/dates";
import { ActionError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { changedTables, clearDenied, deniedRows, EMP, fingerprint, forbidden, HR, idOf, MGR, NORA, notFound, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** Evidence: sign-offs, certificates and the capability overview (the harness is lib/test/refusals.ts). */

beforeAll(async () => {
  await useSeededTestDb();
}, SEED_TIMEOUT);

const RALUCA = "raluca.dumitru@example.com";
const DAAN = "daan.visser@example.com";
const keyOf = (name: string) => getDb().select({ key: capabilities.key }).from(capabilities).where(eq(capabilities.name, name)).get()!.key;
const LIFT = () => keyOf("Safe lift operation and manufacturer lifting points");
const CHECKIN = () => keyOf("Tablet check-in app and DMS booking screens");
const person = (email: string) => () => ({ type: "person", id: idOf(email) });
const sign = (email: string, key: () => string) => (a: Parameters<typeof signOff>[0]) => signOff(a, { personId: idOf(email), capabilityKey: key(), note: "Watched it done." });
const certify = (email: string, key: () => string) => (a: Parameters<typeof addCertificate>[0]) =>
  addCertificate(a, { personId: idOf(email), capabilityKey: key(), issuer: "Academy", date: addDays(todayIso(), -1), file: { bytes: certificatePdf(["x"]), name: "c.pdf" } });

const cases: RefusalCase[] = [
  ...forbidden("signOff", [STRANGER], sign(RALUCA, LIFT), "evidence.signoff", person(RALUCA)),
  ...forbidden("addCertificate", [STRANGER], certify(RALUCA, LIFT), "evidence.certify", person(RALUCA)),
  notFound("signOff: a colleague who may not see the technician's capabilities gets not found", EMP, sign(RALUCA, LIFT), person(RALUCA), "signoffRelation"),
  notFound("signOff: the supervisor for someone outside their people", SUP, sign(DAAN, () => keyOf("HR system, contract templates and account requests")), person(DAAN), "signoffRelation"),
  notFound("addCertificate: a colleague for a technician", EMP, certify(RALUCA, LIFT), person(RALUCA), "mayAddCertificate"),
  notFound("addCertificate: the supervisor for someone outside their people", SUP, certify(DAAN, () => keyOf("HR system, contract templates and account requests")), person(DAAN), "mayAddCertificate"),
  notFound("addCertificate: the new hire for her buddy", NORA, certify(EMP, CHECKIN), person(EMP), "mayAddCertificate"),
  notFound("capabilityOverview: a colleague opening a technician's capability", EMP, (a) => capabilityOverview(a, idOf(RALUCA)), person(RALUCA), "mayViewCapabilities"),
  notFound("capabilityOverview: the supervisor opening someone outside their people", SUP, (a) => capabilityOverview(a, idOf(DAAN)), person(DAAN), "mayViewCapabilities"),
  notFound("capabilityOverview: a person the permission table does not know, for someone else", STRANGER, (a) => capabilityOverview(a, idOf(RALUCA)), person(RALUCA), "mayViewCapabilities"),
  notFound("capabilityOverview: a person that does not exist, with nothing to audit", HR, (a) => capabilityOverview(a, 999_999), null),
  {
    name: "capabilityOverview: the buddy sees the new hire's capability and may sign it off",
    as: EMP,
    call: (a) => capabilityOverview(a, idOf(NORA)),
    expect: (o: CapabilityOverview) => {
      expect(o.signoffAs).toBe("buddy");
      expect(o.mayAddCertificate).toBe(false);
    },
  },
  {
    name: "capabilityOverview: the manager sees a technician below them and may sign off as manager",
    as: MGR,
    call: (a) => capabilityOverview(a, idOf(RALUCA)),
    expect: (o: CapabilityOverview) => {
      expect(o.signoffAs).toBe("manager");
      expect(o.mayAddCertificate).toBe(true);
    },
  },
  {
    name: "signOff: the buddy signs off the new hire (allowed)",
    as: EMP,
    call: sign(NORA, () => keyOf("Repair orders, labour codes and estimates in the DMS")),
    expect: (r: { evidenceId: number }) => expect(r.evidenceId).toBeGreaterThan(0),
    changes: ["capability_evidence", "notification_deliveries", "notifications", "sqlite_sequence"],
  },
];

refusals(cases);

/** Refusals with a message (ActionError), which the harness does not model: nothing written, the attempt audited when it is someone else's. */
it("signOff: HR, who sees the technician but did not watch them (no supervisor, manager or buddy relation), is refused with a message (audited)", () => {
  clearDenied();
  const hr = actorFor(HR);
  const before = fingerprint();
  expect(() => sign(RALUCA, LIFT)(hr)).toThrow(ActionError);
  expect(changedTables(before, fingerprint())).toEqual([]);
  expect(deniedRows()).toEqual([{ actorId: hr.id, entityType: "person", entityId: String(idOf(RALUCA)), detail: { rule: "signoffRelation" } }]);
});

it("signOff: one's own capability is refused with a message", () => {
  clearDenied();
  const sup = actorFor(SUP);
  const before = fingerprint();
  expect(() => signOff(sup, { personId: sup.id, capabilityKey: keyOf("Road testing and safety-critical systems"), note: "I can." })).toThrow(ActionError);
  expect(changedTables(before, fingerprint())).toEqual([]);
});
