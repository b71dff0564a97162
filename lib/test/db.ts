import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb, getSqlite } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { people } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import type { Actor } from "@/lib/auth/actor";

/**
 * Points the app's lazy database at a fresh temporary file with the demo organisation seeded.
 * Call from beforeAll, before anything reads the database.
 */
export async function useSeededTestDb(today?: Date): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-test-"));
  const file = path.join(dir, "test.db");
  process.env.DATABASE_PATH = file;
  (globalThis as { __rolebookDb?: unknown }).__rolebookDb = undefined;
  applyMigrations(getSqlite());
  await seedDemo(today);
  return file;
}

/** The acting person for a demo email, as lib functions receive it. */
export function actorFor(email: string): Actor {
  const row = getDb().select().from(people).where(eq(people.email, email)).get();
  if (!row) throw new Error(`no person ${email}`);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    appRole: row.appRole,
    jobRoleId: row.jobRoleId,
    teamId: row.teamId,
    reportsToId: row.reportsToId,
    locale: row.locale,
  };
}
