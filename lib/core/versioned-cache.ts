import "server-only";
import { getSqlite } from "@/db/client";

/**
 * A token that changes whenever the database may have changed since it was last read (issue 15):
 * SQLite's `data_version` moves when another connection commits, and `total_changes()` counts every
 * row this connection has written (the server's own writes). GET pages write nothing, so under
 * reading load the token holds still; any write, from any connection, moves it.
 */
export function databaseVersion(): string {
  const sqlite = getSqlite();
  const version = sqlite.prepare("PRAGMA data_version").pluck().get() as number;
  const changes = sqlite.prepare("SELECT total_changes()").pluck().get() as number;
  return `${connectionNumber(sqlite)}:${version}:${changes}`;
}

// Both counters are the connection's own: a reopened database (tests, a restore) starts a new series.
const connections = new WeakMap<object, number>();
let lastConnection = 0;
function connectionNumber(sqlite: object): number {
  let n = connections.get(sqlite);
  if (n === undefined) connections.set(sqlite, (n = ++lastConnection));
  return n;
}

/**
 * Values computed from the database, kept until the database changes: `get(key, compute)` answers
 * the value stored for `key` while `databaseVersion()` is the one it was computed under, and
 * recomputes it otherwise. At most `max` keys, the least recently used leaving first. Inside a
 * transaction nothing is read from or written to the cache (uncommitted rows may yet roll back,
 * and a rollback does not move the token).
 */
export function versionedCache<V>(max: number) {
  const entries = new Map<string, { version: string; value: V }>();
  return {
    get(key: string, compute: () => V): V {
      if (getSqlite().inTransaction) return compute();
      const version = databaseVersion();
      const hit = entries.get(key);
      if (hit && hit.version === version) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const value = compute();
      entries.delete(key);
      entries.set(key, { version, value });
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}

type Query<T> = { toSQL(): { sql: string; params: unknown[] }; all(): T[]; get(): T | undefined };

/** Reads answered from the cache, keyed by their SQL text and parameters (so by the actor's scope too). */
const reads = versionedCache<unknown>(500);

function readKey(query: { toSQL(): { sql: string; params: unknown[] } }, how: string): string {
  const { sql, params } = query.toSQL();
  return `${how}\u0000${sql}\u0000${JSON.stringify(params)}`;
}

/**
 * A list page's rows (a drizzle select), read once per database version (issue 15): the same SQL
 * with the same parameters answers the stored rows until anything is written. The rows are shared
 * between requests: map them, never change them in place.
 */
export function allUntilChange<T>(query: Query<T>): T[] {
  return reads.get(readKey(query, "all"), () => query.all()) as T[];
}

/** The same for a single row (a count, a total). */
export function getUntilChange<T>(query: Query<T>): T | undefined {
  return reads.get(readKey(query, "get"), () => query.get()) as T | undefined;
}
