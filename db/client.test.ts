import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb, getSqlite, preparedQuery, type DB } from "./client";
import { applyMigrations } from "./migrate";
import { organisation } from "./schema";

vi.mock("server-only", () => ({}));

const dirs: string[] = [];
/** Points the lazy database at a new empty file with the schema. */
function freshDb(name: string): DB {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-client-"));
  dirs.push(dir);
  process.env.DATABASE_PATH = path.join(dir, "test.db");
  (globalThis as { __rolebookDb?: unknown }).__rolebookDb = undefined;
  applyMigrations(getSqlite());
  getDb().update(organisation).set({ name }).where(eq(organisation.id, 1)).run();
  return getDb();
}

afterAll(() => {
  getSqlite().close();
  (globalThis as { __rolebookDb?: unknown }).__rolebookDb = undefined;
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("preparedQuery", () => {
  const build = vi.fn((db: DB) =>
    db
      .select({ name: organisation.name })
      .from(organisation)
      .where(eq(organisation.id, sql.placeholder("id")))
      .prepare(),
  );
  const orgName = preparedQuery(build);

  it("builds nothing (and opens no database) until first used", () => {
    (globalThis as { __rolebookDb?: unknown }).__rolebookDb = undefined;
    preparedQuery(build);
    expect(build).not.toHaveBeenCalled();
    expect((globalThis as { __rolebookDb?: unknown }).__rolebookDb).toBeUndefined();
  });

  it("builds once per database and runs with fresh values each time", () => {
    freshDb("First");
    expect(orgName().get({ id: 1 })).toEqual({ name: "First" });
    expect(orgName().get({ id: 2 })).toBeUndefined();
    expect(orgName()).toBe(orgName());
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("is built again for another database (tests switch databases), and reads that one", () => {
    freshDb("Second");
    expect(orgName().get({ id: 1 })).toEqual({ name: "Second" });
    expect(build).toHaveBeenCalledTimes(2);
  });

  it("runs on the same connection: inside a transaction it sees the transaction's writes, and a rollback undoes them", () => {
    freshDb("Before");
    expect(() =>
      getDb().transaction((tx) => {
        tx.update(organisation).set({ name: "Inside" }).where(eq(organisation.id, 1)).run();
        expect(orgName().get({ id: 1 })).toEqual({ name: "Inside" });
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(orgName().get({ id: 1 })).toEqual({ name: "Before" });
  });
});
