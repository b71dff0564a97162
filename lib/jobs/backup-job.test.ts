import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getSqlite } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { organisation, scheduledJobs } from "@/db/schema";
import { integrityOk, listBackups } from "@/lib/backup/backup";
import { backupPeriod } from "./jobs";
import { runDueJobs } from "./scheduler";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-backup-job-"));
beforeAll(() => {
  process.env.DATABASE_PATH = path.join(dir, "test.db");
  (globalThis as { __rolebookDb?: unknown }).__rolebookDb = undefined;
  applyMigrations(getSqlite());
  getDb().update(organisation).set({ timeZone: "Europe/Riga" }).where(eq(organisation.id, 1)).run();
});
afterAll(() => {
  delete process.env.BACKUP_DIR;
  delete process.env.BACKUP_KEEP;
});

describe("the daily backup job", () => {
  it("a backup day starts at 02:00 organisation time", () => {
    // Riga is UTC+2 in winter.
    expect(backupPeriod(new Date("2026-12-01T23:59:00Z"), "Europe/Riga")).toBe("2026-12-01");
    expect(backupPeriod(new Date("2026-12-02T00:00:00Z"), "Europe/Riga")).toBe("2026-12-02");
  });

  it("does nothing without BACKUP_DIR; with it, backs up once per backup day and keeps BACKUP_KEEP", async () => {
    delete process.env.BACKUP_DIR;
    const none = await runDueJobs(new Date("2026-12-01T10:00:00Z"), ["backup"]);
    expect(none.backup).toMatchObject({ ran: true, status: "ok", result: "{}" });

    const backups = path.join(dir, "backups");
    process.env.BACKUP_DIR = backups;
    process.env.BACKUP_KEEP = "2";
    const first = await runDueJobs(new Date("2026-12-02T00:00:30Z"), ["backup"]);
    expect(first.backup).toMatchObject({ ran: true, status: "ok", result: JSON.stringify({ backups: 1, pruned: 0 }) });
    // Later the same backup day: nothing more.
    expect((await runDueJobs(new Date("2026-12-02T21:59:00Z"), ["backup"])).backup).toEqual({ ran: false });
    await runDueJobs(new Date("2026-12-03T00:00:30Z"), ["backup"]);
    const third = await runDueJobs(new Date("2026-12-04T00:00:30Z"), ["backup"]);
    expect(third.backup).toMatchObject({ ran: true, status: "ok", result: JSON.stringify({ backups: 1, pruned: 1 }) });
    const files = listBackups(backups);
    expect(files).toHaveLength(2);
    expect(files.every(integrityOk)).toBe(true);
    expect(getDb().select().from(scheduledJobs).where(eq(scheduledJobs.name, "backup")).get()).toMatchObject({ lastPeriod: "2026-12-04", lastStatus: "ok" });
  });
});
