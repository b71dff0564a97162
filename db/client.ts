import "server-only";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";
import { cacheStatements, openDatabase } from "./open";

export type DB = BetterSQLite3Database<typeof schema>;

const globalForDb = globalThis as unknown as { __rolebookDb?: { db: DB; sqlite: Database.Database } };

/**
 * The database is opened lazily, on first use: never at import time, and never during `next build`
 * (every page that reads data is rendered on request).
 */
export function getDb(): DB {
  if (!globalForDb.__rolebookDb) {
    const sqlite = cacheStatements(openDatabase());
    globalForDb.__rolebookDb = { sqlite, db: drizzle(sqlite, { schema }) };
  }
  return globalForDb.__rolebookDb.db;
}

export function getSqlite(): Database.Database {
  getDb();
  return globalForDb.__rolebookDb!.sqlite;
}


/**
 * A query built once per database connection and reused: `build` runs on first use (the database
 * is still opened lazily) and should end in drizzle's `.prepare()`, with `sql.placeholder("name")`
 * for each value. Building a query (its SQL text, from the schema objects) costs more than running
 * it on SQLite; the hot ones (every request's session and person, the bench's actions) are
 * prepared once this way (issue 15).
 */
export function preparedQuery<T>(build: (db: DB) => T): () => T {
  const byDb = new WeakMap<DB, T>();
  return () => {
    const db = getDb();
    let query = byDb.get(db);
    if (query === undefined) {
      query = build(db);
      byDb.set(db, query);
    }
    return query;
  };
}
