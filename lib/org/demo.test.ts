import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { organisation, people } from "@/db/schema";
import { checkDemoAccounts, DEMO_ACCOUNT_EMAILS, isDemoOrganisation, isPublicProduction, needsSetup, warnIfDemoInProduction } from "@/lib/org/demo";
import { useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("the demo organisation", () => {
  it("the seeded demo is the demo, and set up", () => {
    expect(isDemoOrganisation()).toBe(true);
    expect(needsSetup()).toBe(false);
  });

  it("a production server is public when APP_URL (or AUTH_URL) is https", () => {
    expect(isPublicProduction(env({ NODE_ENV: "production", APP_URL: "https://rolebook.example" }))).toBe(true);
    expect(isPublicProduction(env({ NODE_ENV: "production", AUTH_URL: "HTTPS://rolebook.example" }))).toBe(true);
    expect(isPublicProduction(env({ NODE_ENV: "production", APP_URL: "http://127.0.0.1:3000" }))).toBe(false);
    expect(isPublicProduction(env({ NODE_ENV: "development", APP_URL: "https://rolebook.example" }))).toBe(false);
    expect(isPublicProduction(env({ NODE_ENV: "production" }))).toBe(false);
  });

  it("warns at start only for a public production server that still has the demo accounts", async () => {
    const lines: string[] = [];
    expect(await warnIfDemoInProduction(env({ NODE_ENV: "production", APP_URL: "https://rolebook.example" }), (l) => lines.push(l))).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARNING.*demo accounts.*ROLEBOOK_DEMO=false/);
    expect(await warnIfDemoInProduction(env({ NODE_ENV: "production", APP_URL: "http://localhost:3000" }), (l) => lines.push(l))).toBe(false);
    expect(lines).toHaveLength(1);
  });

  it("the demo accounts count while one of them still has the public password, even when the organisation is no longer the demo", async () => {
    expect(await checkDemoAccounts()).toBe(true);
    getDb().update(organisation).set({ demo: false }).where(eq(organisation.id, 1)).run();
    expect(isDemoOrganisation()).toBe(false);
    expect(await checkDemoAccounts()).toBe(true);
    // Every README account changed its password (any hash that is not the public one).
    getDb()
      .update(people)
      .set({ passwordHash: "!changed" })
      .where(inArray(people.email, [...DEMO_ACCOUNT_EMAILS].filter((e) => e !== "newhire@example.com")))
      .run();
    expect(await checkDemoAccounts()).toBe(true);
    getDb().update(people).set({ passwordHash: "!changed" }).where(eq(people.email, "newhire@example.com")).run();
    expect(await checkDemoAccounts()).toBe(false);
  });
});
