import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databaseIsReadable } from "@/lib/core/health";
import { useSeededTestDb } from "@/lib/test/db";

const reset = () => ((globalThis as { __rolebookDb?: unknown }).__rolebookDb = undefined);

describe("health check", () => {
  afterEach(reset);

  // Seeding hashes every demo password: more than the default 5 s on a busy machine.
  it("is ok when the database can be read", async () => {
    await useSeededTestDb();
    expect(databaseIsReadable()).toBe(true);
  }, 60_000);

  it("fails when the database cannot be opened", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-broken-"));
    process.env.DATABASE_PATH = dir; // a directory is not a database file
    reset();
    expect(databaseIsReadable()).toBe(false);
  });

  it("fails when the database has no schema", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-empty-"));
    process.env.DATABASE_PATH = path.join(dir, "empty.db");
    reset();
    expect(databaseIsReadable()).toBe(false);
  });
});
