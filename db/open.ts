import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** DATABASE_PATH overrides the embedded default, data/rolebook.db. */
export function databasePath(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.DATABASE_PATH || path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "rolebook.db"),
  );
}

/** Opens SQLite with foreign keys on, WAL journaling and a busy timeout. */
export function openDatabase(file = databasePath()): Database.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}
