import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getSqlite } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { auditLog, organisation, people, securitySettings } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { ActionError, FieldError } from "@/lib/core/errors";
import { isDemoOrganisation, needsSetup } from "@/lib/org/demo";
import { completeSetup, type SetupInput } from "@/lib/org/setup";

/** A migrated database with nobody in it: what ROLEBOOK_DEMO=false starts with. */
beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-setup-test-"));
  process.env.DATABASE_PATH = path.join(dir, "test.db");
  (globalThis as { __rolebookDb?: unknown }).__rolebookDb = undefined;
  applyMigrations(getSqlite());
});

const origin = { ip: "203.0.113.7", userAgent: "vitest" };
const input = (over: Partial<SetupInput> = {}): SetupInput => ({
  organisationName: "Noord Garage",
  timeZone: "Europe/Riga",
  locale: "lv",
  name: "Ilze Bērziņa",
  email: "Ilze@Noord.example",
  password: "correct horse battery staple",
  repeat: "correct horse battery staple",
  requireSecondFactorForHr: true,
  ...over,
});

async function fieldErrorsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FieldError);
  return (e as FieldError).fieldErrors;
}

describe("first setup (ROLEBOOK_DEMO=false)", () => {
  it("an empty database needs setup and is not the demo", () => {
    expect(needsSetup()).toBe(true);
    expect(isDemoOrganisation()).toBe(false);
  });

  it("refuses a short password, a different repeat and an unknown time zone next to the field, creating nothing", async () => {
    expect(await fieldErrorsOf(completeSetup(input({ password: "short", repeat: "short" }), origin))).toEqual({ password: "passwordTooShort" });
    expect(await fieldErrorsOf(completeSetup(input({ repeat: "correct horse battery stapler" }), origin))).toEqual({ repeat: "setup.passwordsDiffer" });
    expect(await fieldErrorsOf(completeSetup(input({ timeZone: "Mars/Olympus" }), origin))).toMatchObject({ timeZone: "invalidTimeZone" });
    expect(needsSetup()).toBe(true);
  });

  it("creates the organisation and its first HR admin in one go, audited; a second submit is refused", async () => {
    const { personId } = await completeSetup(input(), origin, new Date("2026-12-01T22:30:00Z"));
    const person = getDb().select().from(people).where(eq(people.id, personId)).get()!;
    expect(person).toMatchObject({ name: "Ilze Bērziņa", email: "ilze@noord.example", appRole: "hr_admin", active: true, locale: "lv" });
    // Riga is two hours ahead: already 2 December there.
    expect(person.startDate).toBe("2026-12-02");
    expect(await verifyPassword(person.passwordHash, "correct horse battery staple")).toBe(true);
    const org = getDb().select().from(organisation).where(eq(organisation.id, 1)).get()!;
    expect(org).toMatchObject({ name: "Noord Garage", timeZone: "Europe/Riga", locale: "lv", demo: false, updatedById: personId });
    expect(getDb().select().from(securitySettings).get()!.requireSecondFactorForHr).toBe(true);
    const audits = getDb().select().from(auditLog).where(eq(auditLog.action, "security.setupCompleted")).all();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: null, entityType: "person", entityId: String(personId) });
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({ ip: "203.0.113.7", userAgent: "vitest", organisation: "Noord Garage" });
    expect(audits[0]!.detail).not.toContain("battery");
    expect(needsSetup()).toBe(false);

    await expect(completeSetup(input({ email: "second@noord.example" }), origin)).rejects.toMatchObject({ key: "setup.alreadyDone" });
    expect(getDb().select().from(people).all()).toHaveLength(1);
  });
});

describe("two setups at once", () => {
  it("only one creates an HR admin: the other is refused by the check inside the transaction", async () => {
    getSqlite().exec("DELETE FROM audit_log; DELETE FROM people;");
    expect(needsSetup()).toBe(true);
    // Both pass the early check, then hash (async) and race to the transaction.
    const results = await Promise.allSettled([completeSetup(input({ email: "a@noord.example" }), origin), completeSetup(input({ email: "b@noord.example" }), origin)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ActionError);
    expect((refused.reason as ActionError).key).toBe("setup.alreadyDone");
    expect(getDb().select().from(people).all()).toHaveLength(1);
  });
});
