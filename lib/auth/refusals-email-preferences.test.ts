import { beforeAll, describe, expect } from "vitest";
import { ConflictError } from "@/lib/core/errors";
import { ownEmailPreferences, saveOwnEmailPreferences } from "@/lib/email/preferences";
import { DEFAULT_MODE } from "@/lib/email/vocabulary";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, refusals, STRANGER, type RefusalCase, SEED_TIMEOUT } from "@/lib/test/refusals";

/** A person's own email choices (issue 13): the harness is lib/test/refusals.ts. */

beforeAll(async () => {
  await useSeededTestDb();
}, SEED_TIMEOUT);

const DAAN = () => ({ type: "person", id: idOf("daan.visser@example.com") });
const input = (over: Partial<typeof DEFAULT_MODE> = {}, digestTime = "09:30") => ({ modes: { ...DEFAULT_MODE, ...over }, digestTime });
const caught = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e;
  }
};

const cases: RefusalCase[] = [
  ...forbidden("ownEmailPreferences", [STRANGER], (a) => ownEmailPreferences(a), "email.preferences", DAAN),
  ...forbidden("saveOwnEmailPreferences", [STRANGER], (a) => saveOwnEmailPreferences(a, 0, input({ announcements: "off" })), "email.preferences", DAAN),
  {
    name: "ownEmailPreferences: the employee reads their own choices (the defaults)",
    as: EMP,
    call: (a) => ownEmailPreferences(a),
    expect: (r: ReturnType<typeof ownEmailPreferences>) => expect(r.revision).toBe(0),
  },
  {
    name: "saveOwnEmailPreferences: an unknown mode is refused next to its field",
    as: EMP,
    call: (a) => saveOwnEmailPreferences(a, 0, input({ changes: "sometimes" as never })),
    expect: "field",
    fieldErrors: { mode_changes: "invalidChoice" },
  },
  {
    name: "saveOwnEmailPreferences: a digest time outside the list is refused next to its field",
    as: EMP,
    call: (a) => saveOwnEmailPreferences(a, 0, input({}, "03:17")),
    expect: "field",
    fieldErrors: { digestTime: "invalidChoice" },
  },
  {
    name: "saveOwnEmailPreferences: HR saves their own choices (only their rows change)",
    as: HR,
    call: (a) => saveOwnEmailPreferences(a, 0, input({ pulse: "off" })),
    expect: (r: { revision: number }) => expect(r.revision).toBe(1),
    changes: ["email_preferences", "email_settings"],
  },
  {
    name: "saveOwnEmailPreferences: a stale revision is a conflict and changes nothing",
    as: HR,
    call: (a) => caught(() => saveOwnEmailPreferences(a, 0, input({ pulse: "immediate" }))),
    expect: (e: unknown) => expect(e).toBeInstanceOf(ConflictError),
  },
];

describe("email preferences refusals", () => {
  refusals(cases);
});
