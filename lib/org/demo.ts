import "server-only";
import { cache } from "react";
import { eq, inArray } from "drizzle-orm";
import { getDb, preparedQuery } from "@/db/client";
import { organisation, people } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";

/*
 * The demo organisation and the first setup (issue 14, point 2). No actor: whether this is the demo
 * (a banner on every page says so) and whether anybody exists yet (else every page goes to /setup)
 * are public facts about the installation, read once per request.
 */

/** The demo accounts the README lists with their public password (db/seed-data.ts). */
export const DEMO_ACCOUNT_EMAILS = ["hr@example.com", "manager@example.com", "supervisor@example.com", "employee@example.com", "newhire@example.com"] as const;
/** The demo's public password (db/seed.ts DEMO_PASSWORD; not imported: the seed loads the whole demo). */
const DEMO_PASSWORD = "rolebook-demo";

/** Both read on every page: built once (db/client.ts `preparedQuery`). */
const demoFlag = preparedQuery((db) => db.select({ demo: organisation.demo }).from(organisation).where(eq(organisation.id, 1)).prepare());
const anyPerson = preparedQuery((db) => db.select({ id: people.id }).from(people).limit(1).prepare());

/** The organisation was seeded as the demo (organisation.demo). Once per request. */
export const isDemoOrganisation = cache((): boolean => demoFlag().get()?.demo ?? false);

/** Nobody exists yet: the installation waits for its first setup (/setup). Once per request. */
export const needsSetup = cache((): boolean => !anyPerson().get());

/**
 * Whether the demo's public accounts are still usable: the organisation is the demo, or one of the
 * README's accounts still has the public password. The password checks are argon2 (slow on
 * purpose): use demoAccountsPresent, which asks once per process.
 */
export async function checkDemoAccounts(): Promise<boolean> {
  if (isDemoOrganisation()) return true;
  const rows = getDb()
    .select({ hash: people.passwordHash })
    .from(people)
    .where(inArray(people.email, [...DEMO_ACCOUNT_EMAILS]))
    .all();
  for (const r of rows) if (await verifyPassword(r.hash, DEMO_PASSWORD)) return true;
  return false;
}

/** checkDemoAccounts, once per process (at start, from instrumentation.ts), then remembered. */
export function demoAccountsPresent(): Promise<boolean> {
  const g = globalThis as { __rolebookDemoAccounts?: Promise<boolean> };
  g.__rolebookDemoAccounts ??= checkDemoAccounts();
  return g.__rolebookDemoAccounts;
}

/** A production server reachable over https (the public internet, presumably): no public passwords there. */
export function isPublicProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  const url = env.APP_URL || env.AUTH_URL || "";
  return env.NODE_ENV === "production" && /^https:\/\//i.test(url);
}

/** HR's home page warning: a public production server that still holds the demo accounts. */
export async function demoInProduction(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return isPublicProduction(env) && (await demoAccountsPresent());
}

/** At start (instrumentation.ts): one warning line in the server log. Never throws. */
export async function warnIfDemoInProduction(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.warn): Promise<boolean> {
  try {
    if (!(await demoInProduction(env))) return false;
    log(
      "rolebook: WARNING: this production server (https) still has the demo accounts with their public password (rolebook-demo). " +
        "Start from an empty database with ROLEBOOK_DEMO=false and create your own HR admin on /setup (README: Demo and first setup).",
    );
    return true;
  } catch {
    return false;
  }
}
