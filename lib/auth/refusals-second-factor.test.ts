import { eq } from "drizzle-orm";
import { Secret } from "otpauth";
import { beforeAll, expect, vi } from "vitest";
import { getDb } from "@/db/client";
import { recoveryCodes, secondFactors } from "@/db/schema";
import {
  confirmEnrolment,
  disableSecondFactor,
  encryptSecret,
  mayResetSecondFactor,
  newRecoveryCodes,
  recoveryCodeHash,
  regenerateRecoveryCodes,
  resetSecondFactor,
  secondFactorStatus,
  startEnrolment,
} from "@/lib/auth/second-factor";
import { createSession } from "@/lib/auth/sessions";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, NORA, notFound, refusals, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/**
 * Second factor (issue 14 point 4): only HR resets a person's second factor, and each person manages
 * only their own (the harness is lib/test/refusals.ts).
 */

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

/** Elif (the employee) has an enabled second factor and a live session before the cases run. */
beforeAll(async () => {
  await useSeededTestDb();
  const personId = idOf(EMP);
  getDb()
    .insert(secondFactors)
    .values({ personId, secretEnc: encryptSecret(new Secret({ size: 20 }).base32), enabledAt: Date.now(), lastStep: null, createdAt: Date.now() })
    .run();
  getDb()
    .insert(recoveryCodes)
    .values(newRecoveryCodes().map((c) => ({ personId, codeHash: recoveryCodeHash(c)! })))
    .run();
  createSession({ personId, method: "password", secondFactor: true, ip: null, userAgent: null });
}, SEED_TIMEOUT);

const PERSON = (email: string) => () => ({ type: "person", id: idOf(email) });
const SELF = () => ({ type: "permission" });

const cases: RefusalCase[] = [
  // Only HR resets someone's second factor.
  ...forbidden("resetSecondFactor", [MGR, SUP, EMP, NORA, STRANGER], (a) => resetSecondFactor(a, idOf(EMP)), "people.resetSecondFactor", PERSON(EMP)),
  // …and the button shows for nobody else.
  ...[MGR, SUP, EMP, NORA, STRANGER].map(
    (as): RefusalCase => ({ name: `mayResetSecondFactor: not for ${as}`, as, call: (a) => mayResetSecondFactor(a, idOf(EMP)), expect: (r: boolean) => expect(r).toBe(false) }),
  ),
  // A person without an enabled factor has nothing to reset.
  notFound("resetSecondFactor: the manager has no second factor", HR, (a) => resetSecondFactor(a, idOf(MGR)), null),
  // One's own second factor needs security.self (every known app role has it).
  ...forbidden("secondFactorStatus", [STRANGER], (a) => secondFactorStatus(a), "security.self", SELF),
  ...forbidden("startEnrolment", [STRANGER], (a) => startEnrolment(a), "security.self", SELF),
  ...forbidden("confirmEnrolment", [STRANGER], (a) => confirmEnrolment(a, "123456"), "security.self", SELF),
  ...forbidden("regenerateRecoveryCodes", [STRANGER], (a) => regenerateRecoveryCodes(a, "123456"), "security.self", SELF),
  ...forbidden("disableSecondFactor", [STRANGER], (a) => disableSecondFactor(a, "123456"), "security.self", SELF),
  // The person's own functions act on their own row only: the employee's factor is not the manager's.
  notFound("disableSecondFactor: the manager has none (the employee's is not theirs)", MGR, (a) => disableSecondFactor(a, "123456"), null),
  notFound("regenerateRecoveryCodes: the manager has none (the employee's is not theirs)", MGR, (a) => regenerateRecoveryCodes(a, "123456"), null),
  {
    name: "secondFactorStatus: the manager's own status, not the employee's",
    as: MGR,
    call: (a) => secondFactorStatus(a),
    expect: (s: ReturnType<typeof secondFactorStatus>) => expect(s).toMatchObject({ enabled: false, recoveryCodesLeft: 0 }),
  },
  // Positive controls: HR sees the button, and resets Elif's factor (her sessions end).
  { name: "mayResetSecondFactor: HR, for a person with one", as: HR, call: (a) => mayResetSecondFactor(a, idOf(EMP)), expect: (r: boolean) => expect(r).toBe(true) },
  {
    name: "resetSecondFactor: HR resets the employee's",
    as: HR,
    call: (a) => resetSecondFactor(a, idOf(EMP)),
    expect: () => expect(getDb().select().from(secondFactors).where(eq(secondFactors.personId, idOf(EMP))).all()).toHaveLength(0),
    changes: ["recovery_codes", "second_factors", "sessions"],
  },
];

refusals(cases);
