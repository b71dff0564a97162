import { beforeAll, describe, expect } from "vitest";
import { changeOwnPassword } from "@/lib/auth/passwords";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, idOf, refusals, SEED_TIMEOUT, STRANGER, type RefusalCase } from "@/lib/test/refusals";

/**
 * Changing one's own password (issue 14 point 3; harness: lib/test/refusals.ts): only someone whose
 * app role has `security.self`, and only with their current password.
 */

beforeAll(async () => {
  await useSeededTestDb();
}, SEED_TIMEOUT);

const origin = { ip: "198.51.100.20", userAgent: "Vitest" };
const change = { current: "rolebook-demo", password: "violet harbour engine", repeat: "violet harbour engine" };

const cases: RefusalCase[] = [
  ...forbidden("changeOwnPassword", [STRANGER], (a) => changeOwnPassword(a, null, change, origin), "security.self", () => ({ type: "person", id: idOf("daan.visser@example.com") })),
  {
    name: "changeOwnPassword: a wrong current password is refused next to it (and counted as a failure)",
    as: EMP,
    call: (a) => changeOwnPassword(a, null, { ...change, current: "not-the-password" }, origin),
    expect: "field",
    fieldErrors: { current: "passwordCurrentWrong" },
    changes: ["login_failures", "sqlite_sequence"],
  },
  {
    name: "changeOwnPassword: a common new password is refused next to it",
    as: EMP,
    call: (a) => changeOwnPassword(a, null, { ...change, password: "password1234", repeat: "password1234" }, origin),
    expect: "field",
    fieldErrors: { password: "passwordTooCommon" },
  },
];

describe("passwords: refusals", () => {
  refusals(cases);
  expect(cases.length).toBeGreaterThan(0);
});
