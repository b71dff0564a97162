import { eq } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { capabilities } from "@/db/schema";
import { getCapability, listCapabilities, searchCapabilities } from "@/lib/capability/directory";
import { mergeCapability, updateCapability } from "@/lib/capability/manage";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, MGR, NORA, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** Refusals on capability records (issue 11, records): HR's list, edits and merges; the capability page; the pickers' search. */

const fx = { hv: "", lift: "", calm: "" };
const keyOf = (name: string) => getDb().select({ key: capabilities.key }).from(capabilities).where(eq(capabilities.name, name)).get()!.key;
const rev = (key: string) => getDb().select({ r: capabilities.revision }).from(capabilities).where(eq(capabilities.key, key)).get()!.r;

beforeAll(async () => {
  await useSeededTestDb();
  fx.hv = keyOf("Valid HV qualification for hybrid and electric work");
  fx.lift = keyOf("Safe lift operation and manufacturer lifting points");
  fx.calm = keyOf("Calming upset customers and de-escalation");
}, SEED_TIMEOUT);

const capability = (key: () => string) => () => ({ type: "capability", id: key() });
const anyCapability = () => ({ type: "capability" });
const input = { name: "Renamed", kind: "technical" as const, validityMonths: 6 };

const cases: RefusalCase[] = [
  ...forbidden("listCapabilities", [MGR, SUP, EMP, NORA, STRANGER], (a) => listCapabilities(a), "capabilities.manage", anyCapability),
  ...forbidden("updateCapability", [MGR, SUP, EMP, STRANGER], (a) => updateCapability(a, fx.hv, rev(fx.hv), input), "capabilities.manage", capability(() => fx.hv)),
  ...forbidden("mergeCapability", [MGR, SUP, EMP, STRANGER], (a) => mergeCapability(a, fx.lift, rev(fx.lift), fx.hv), "capabilities.manage", capability(() => fx.lift)),
  // The pickers: role editors and HR only.
  ...forbidden("searchCapabilities", [SUP, EMP, STRANGER], (a) => searchCapabilities(a, "hv"), "roles.edit", anyCapability),
  // The capability page: anyone who reads roles (everyone with a known app role).
  ...forbidden("getCapability", [STRANGER], (a) => getCapability(a, fx.hv), "roles.read", capability(() => fx.hv)),
  { name: "getCapability: an unknown key is not found", as: EMP, call: (a) => getCapability(a, "no-such-capability"), expect: "notFound" },
  // Positive controls: the same calls succeed for those allowed (so the refusals above are the checks).
  { name: "listCapabilities: HR lists them", as: HR, call: (a) => listCapabilities(a).total, expect: (n: number) => expect(n).toBeGreaterThan(20) },
  { name: "searchCapabilities: the manager (a role editor) gets suggestions", as: MGR, call: (a) => searchCapabilities(a, "hv").length, expect: (n: number) => expect(n).toBe(2) },
  {
    name: "getCapability: an employee reads a capability page, without the controls",
    as: EMP,
    call: (a) => getCapability(a, fx.calm),
    expect: (c: { mayManage: boolean; roles: unknown[] }) => {
      expect(c.mayManage).toBe(false);
      expect(c.roles).toHaveLength(2);
    },
  },
  {
    name: "updateCapability: HR edits (the audit log and the record change)",
    as: HR,
    call: (a) => updateCapability(a, fx.lift, rev(fx.lift), { name: "Safe lift operation and manufacturer lifting points", kind: "technical", validityMonths: 18 }),
    expect: (r: { revision: number }) => expect(r.revision).toBeGreaterThan(1),
    changes: ["capabilities", "capability_evidence"], // the seeded evidence of lift operation gets its new end date
  },
];

describe("capability records refusals", () => {
  refusals(cases);
});
