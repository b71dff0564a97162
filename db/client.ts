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

