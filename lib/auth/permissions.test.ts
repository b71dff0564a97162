import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_ROLES } from "@/lib/people/vocabulary";
import { roleCan as can, PERMISSION_TABLE, PERMISSIONS, type Permission } from "@/lib/auth/permissions";

// Every cell of the table, written out by hand: a change to the table must change this test.
const Y = true;
const N = false;
const expected: Record<Permission, Record<(typeof APP_ROLES)[number], boolean>> = {
  "self.read": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "self.updateLocale": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "people.read": { hr_admin: Y, manager: Y, supervisor: Y, employee: N },
  "people.create": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "people.update": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "people.deactivate": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "people.assignAppRole": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "roles.read": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "teams.read": { hr_admin: Y, manager: Y, supervisor: N, employee: N },
  "audit.read": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "roles.edit": { hr_admin: Y, manager: Y, supervisor: N, employee: N },
  "acks.answer": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "communication.oversee": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "announcements.read": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "announcements.create": { hr_admin: Y, manager: Y, supervisor: N, employee: N },
  "announcements.createForAll": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "postings.manage": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "tasks.search": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "tasks.ownershipReports": { hr_admin: Y, manager: Y, supervisor: N, employee: N },
  "notifications.read": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "onboarding.participate": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "onboarding.manage": { hr_admin: Y, manager: Y, supervisor: N, employee: N },
  "onboarding.hrItems": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "organisation.manage": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "evaluations.write": { hr_admin: Y, manager: Y, supervisor: Y, employee: N },
  "evaluations.oversee": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "concerns.raise": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "concerns.oversee": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "threads.participate": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "pulse.answer": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "pulse.send": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "clarity.read": { hr_admin: Y, manager: Y, supervisor: N, employee: N },
  "clarity.oversee": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "capabilities.manage": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "courses.read": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "courses.write": { hr_admin: Y, manager: Y, supervisor: N, employee: N },
  "courses.oversee": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "quizzes.take": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "evidence.signoff": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "evidence.certify": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "readiness.read": { hr_admin: Y, manager: Y, supervisor: Y, employee: N },
  "training.assign": { hr_admin: Y, manager: Y, supervisor: Y, employee: N },
  "access.manage": { hr_admin: Y, manager: Y, supervisor: N, employee: N },
  "ratings.links": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "ratings.read": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "ratings.aggregate": { hr_admin: Y, manager: Y, supervisor: Y, employee: N },
  "ratings.oversee": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "followups.handle": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "feedback.give": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "upward.give": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "integrations.manage": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "email.preferences": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "email.oversee": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "people.invite": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "jobs.read": { hr_admin: Y, manager: N, supervisor: N, employee: N },
  "security.self": { hr_admin: Y, manager: Y, supervisor: Y, employee: Y },
  "people.resetSecondFactor": { hr_admin: Y, manager: N, supervisor: N, employee: N },
};

describe("permission table", () => {
  it("covers every permission in the expectations", () => {
    expect(Object.keys(expected).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const permission of PERMISSIONS) {
    for (const role of APP_ROLES) {
      it(`${role} ${expected[permission][role] ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(expected[permission][role]);
      });
    }
  }

  it("grants nothing outside the known permissions", () => {
    for (const role of APP_ROLES) {
      for (const p of PERMISSION_TABLE[role]) expect(PERMISSIONS).toContain(p);
    }
  });

  it("refuses an unknown app role", () => {
    expect(can("intruder" as never, "self.read")).toBe(false);
  });
});

describe("every permission is used", () => {
  // A permission nobody checks is a promise the table cannot keep: use it in lib/ or remove it.
  const root = path.resolve(import.meta.dirname, "..");
  const sources = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("test") && f !== path.join("auth", "permissions.ts"))
    .map((f) => fs.readFileSync(path.join(root, f), "utf8"))
    .join("\n");
  for (const permission of PERMISSIONS) {
    it(`${permission} is asked for in lib/`, () => {
      expect(sources).toContain(`"${permission}"`);
    });
  }
});
