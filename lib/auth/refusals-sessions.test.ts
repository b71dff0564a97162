import { beforeAll, describe, expect } from "vitest";
import { securitySettings, securitySettingsForEdit, updateSecuritySettings } from "@/lib/auth/security-settings";
import { createSession, endAllOwnSessions, endOtherOwnSessions, endOwnSession, listOwnSessions, sessionKey } from "@/lib/auth/sessions";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, notFound, NORA, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/**
 * A person's own sessions (security.self) and HR's sign-in security settings (organisation.manage);
 * the harness is lib/test/refusals.ts.
 */

const REQ = { ip: "192.0.2.1", userAgent: "test" };
let hrSession = "";
let empSession = "";
beforeAll(async () => {
  await useSeededTestDb();
  hrSession = createSession({ personId: idOf(HR), method: "password", secondFactor: false, ip: null, userAgent: null });
  empSession = createSession({ personId: idOf(EMP), method: "password", secondFactor: false, ip: null, userAgent: null });
}, SEED_TIMEOUT);

const rev = () => securitySettings().revision;
const ORG = () => ({ type: "organisation", id: 1 });
const NOT_HR = [MGR, SUP, EMP, NORA, STRANGER];

const cases: RefusalCase[] = [
  ...forbidden("listOwnSessions", [STRANGER], (a) => listOwnSessions(a, null), "security.self"),
  ...forbidden("endOwnSession", [STRANGER], (a) => endOwnSession(a, sessionKey(empSession), REQ), "security.self"),
  ...forbidden("endOtherOwnSessions", [STRANGER], (a) => endOtherOwnSessions(a, null, REQ), "security.self"),
  ...forbidden("endAllOwnSessions", [STRANGER], (a) => endAllOwnSessions(a, REQ), "security.self"),
  // Another person's session: not found, and not audited (its key names nothing the person could see).
  notFound("endOwnSession: the employee ends HR's session", EMP, (a) => endOwnSession(a, sessionKey(hrSession), REQ), null),
  notFound("endOwnSession: HR ends the employee's session", HR, (a) => endOwnSession(a, sessionKey(empSession), REQ), null),
  notFound("endOwnSession: a raw session id is no key", EMP, (a) => endOwnSession(a, empSession, REQ), null),
  {
    name: "positive: the employee lists only their own session",
    as: EMP,
    call: (a) => listOwnSessions(a, empSession),
    expect: (r: ReturnType<typeof listOwnSessions>) => expect(r.sessions.map((s) => [s.key, s.current])).toEqual([[sessionKey(empSession), true]]),
  },
  ...forbidden("securitySettingsForEdit", NOT_HR, (a) => securitySettingsForEdit(a), "organisation.manage", ORG),
  ...forbidden("updateSecuritySettings", NOT_HR, (a) => updateSecuritySettings(a, rev(), { idleMinutes: 60 }), "organisation.manage", ORG),
  {
    name: "updateSecuritySettings: HR's 4 idle minutes are refused next to the field",
    as: HR,
    call: (a) => updateSecuritySettings(a, rev(), { idleMinutes: 4 }),
    expect: "field",
    fieldErrors: { idleMinutes: "idleMinutesRange" },
  },
  {
    name: "updateSecuritySettings: HR's 25 hours are refused next to the field",
    as: HR,
    call: (a) => updateSecuritySettings(a, rev(), { absoluteHours: 25 }),
    expect: "field",
    fieldErrors: { absoluteHours: "absoluteHoursRange" },
  },
  {
    name: "positive: HR sets the idle timeout",
    as: HR,
    call: (a) => updateSecuritySettings(a, rev(), { idleMinutes: 45 }),
    expect: () => expect(securitySettings().idleMinutes).toBe(45),
    changes: ["security_settings"],
  },
  {
    name: "positive: the employee ends their own session",
    as: EMP,
    call: (a) => endOwnSession(a, sessionKey(empSession), REQ),
    expect: () => expect(listOwnSessions({ id: idOf(EMP), appRole: "employee" } as never, null).total).toBe(0),
    changes: ["sessions"],
  },
];

describe("refusals: own sessions and sign-in security settings", () => {
  refusals(cases);
});
