import path from "node:path";
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Applies the committed SQL migrations (idempotent). */
export function applyMigrations(sqlite: Database.Database): void {
  migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
}
