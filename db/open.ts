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

/**
 * Reuses prepared statements by their SQL text (issue 15): drizzle prepares every query it runs,
 * and compiling the same SQL again on each request was a twentieth of a request's CPU. At most
 * `max` statements are kept, least recently used first out. A reused statement is handed back in
 * its default mode (objects, not arrays or single values): drizzle switches to raw rows with `.raw()` itself, right
 * before running, and a statement left raw by one caller must not return arrays to the next.
 */
export function cacheStatements(sqlite: Database.Database, max = 500): Database.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit) {
      cache.delete(source);
      cache.set(source, hit);
      // Back to plain objects (raw, pluck and expand are modes a caller sets just before running).
      return hit.reader ? hit.pluck(false).expand(false).raw(false) : hit;
    }
    const stmt = prepare(source);
    cache.set(source, stmt);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return stmt;
  }) as Database.Database["prepare"];
  return sqlite;
}
