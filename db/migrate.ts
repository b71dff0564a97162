import path from "node:path";
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { keyStoredRoleDocs } from "./role-item-keys";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Data migrations that SQL cannot do cleanly, run in order after the SQL migrations. Each runs once
 * per database (recorded by name in `data_migrations`) inside one transaction with its record, so a
 * failure leaves nothing half done and the next start tries again. Never rename or reorder one.
 */
export const DATA_MIGRATIONS: { name: string; run: (sqlite: Database.Database) => void }[] = [
  // Issue 9: evaluation criteria and capabilities get stable keys (db/role-item-keys.ts).
  { name: "0005_role_item_keys", run: (sqlite) => void keyStoredRoleDocs(sqlite) },
];

export function applyDataMigrations(sqlite: Database.Database): void {
  for (const m of DATA_MIGRATIONS) {
    sqlite
      .transaction(() => {
        sqlite.exec("CREATE TABLE IF NOT EXISTS data_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)");
        // Checked inside the (immediate) transaction: two servers starting at once run it once.
        if (sqlite.prepare("SELECT 1 FROM data_migrations WHERE name = ?").get(m.name)) return;
        m.run(sqlite);
        sqlite.prepare("INSERT INTO data_migrations (name, applied_at) VALUES (?, ?)").run(m.name, new Date().toISOString());
      })
      .immediate();
  }
}

/** Applies the committed SQL migrations, then the data migrations (idempotent). */
export function applyMigrations(sqlite: Database.Database): void {
  migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
  applyDataMigrations(sqlite);
}
