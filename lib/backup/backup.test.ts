import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "@/db/migrate";
import { openDatabase } from "@/db/open";
import {
  BackupError,
  backupDatabase,
  backupFileName,
  backupSettings,
  integrityOk,
  isRolebookDatabase,
  listBackups,
  pidFileOf,
  pruneBackups,
  restoreDatabase,
  serverRunning,
} from "./backup";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-backup-test-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A migrated Rolebook database (WAL, like the server's) with a table of `rows` filler rows. */
function rolebookDb(file: string, rows = 0): Database.Database {
  const db = openDatabase(file);
  applyMigrations(db);
  db.exec("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  const insert = db.prepare("INSERT INTO filler (body) VALUES (?)");
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run("x".repeat(500));
  })();
  return db;
}

function countsPerTable(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

describe("backup", () => {
  it("copies every committed row while another connection keeps writing (a plain file copy misses the WAL)", async () => {
    const dir = tempDir();
    const file = path.join(dir, "live.db");
    const server = rolebookDb(file, 20_000);
    // Committed rows still in the WAL: a plain copy of the main file does not have them.
    server.pragma("wal_autocheckpoint = 0");
    const insert = server.prepare("INSERT INTO filler (body) VALUES (?)");
    for (let i = 0; i < 200; i++) insert.run("in the wal");
    fs.copyFileSync(file, path.join(dir, "plain-copy.db"));
    const plain = new Database(path.join(dir, "plain-copy.db"));
    expect((plain.prepare("SELECT count(*) AS n FROM filler").get() as { n: number }).n).toBeLessThan(20_200);
    plain.close();

    // A second connection (another process in real life) writes in a loop during the backup.
    const writer = new Database(file);
    const write = writer.prepare("INSERT INTO filler (body) VALUES ('during the backup')");
    let writing = true;
    let writesDuring = 0;
    const loop = () => {
      if (!writing) return;
      write.run();
      writesDuring++;
      setImmediate(loop);
    };
    const committedBefore = (server.prepare("SELECT count(*) AS n FROM filler").get() as { n: number }).n;
    setImmediate(loop);
    const { file: copy } = await backupDatabase(file, { dir: path.join(dir, "backups"), keep: 14 });
    writing = false;
    const committedAfter = (server.prepare("SELECT count(*) AS n FROM filler").get() as { n: number }).n;
    writer.close();
    server.close();

    expect(writesDuring).toBeGreaterThan(0);
    expect(integrityOk(copy)).toBe(true);
    const db = new Database(copy, { readonly: true });
    const { n, max } = db.prepare("SELECT count(*) AS n, max(id) AS max FROM filler").get() as { n: number; max: number };
    expect(db.pragma("journal_mode", { simple: true })).toBe("delete");
    db.close();
    // Every row committed before the backup started, and a consistent prefix of the rest: no gaps.
    expect(n).toBeGreaterThanOrEqual(committedBefore);
    expect(n).toBeLessThanOrEqual(committedAfter);
    expect(max).toBe(n);
    expect(path.basename(copy)).toMatch(/^rolebook-\d{8}T\d{9}Z\.db$/);
  });

  it("keeps nothing when the copy fails the integrity check", async () => {
    const dir = tempDir();
    const file = path.join(dir, "live.db");
    rolebookDb(file, 10).close();
    const backups = path.join(dir, "backups");
    await expect(backupDatabase(file, { dir: backups, keep: 14, check: () => false })).rejects.toBeInstanceOf(BackupError);
    expect(fs.readdirSync(backups)).toEqual([]);
  });

  it("integrity_check: a damaged file or one that is not a database is not ok", () => {
    const dir = tempDir();
    const file = path.join(dir, "live.db");
    rolebookDb(file, 2_000).close();
    expect(integrityOk(file)).toBe(true);
    const damaged = path.join(dir, "damaged.db");
    const bytes = fs.readFileSync(file);
    // Overwrite pages in the middle (b-tree pages of the tables) with garbage.
    for (let i = 8192; i < bytes.length - 4096; i += 4096) bytes.fill(0xa5, i, i + 64);
    fs.writeFileSync(damaged, bytes);
    expect(integrityOk(damaged)).toBe(false);
    const text = path.join(dir, "notes.db");
    fs.writeFileSync(text, "not a database at all, just some text ".repeat(200));
    expect(integrityOk(text)).toBe(false);
    expect(integrityOk(path.join(dir, "missing.db"))).toBe(false);
  });

  it("keeps the newest BACKUP_KEEP backups and leaves other files alone", async () => {
    const dir = tempDir();
    const file = path.join(dir, "live.db");
    rolebookDb(file, 10).close();
    const backups = path.join(dir, "backups");
    fs.mkdirSync(backups);
    fs.writeFileSync(path.join(backups, "notes.txt"), "mine");
    const days = ["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"];
    let pruned: string[] = [];
    for (const day of days) pruned = (await backupDatabase(file, { dir: backups, keep: 3, now: new Date(`${day}T02:00:00Z`) })).pruned;
    expect(pruned.map((f) => path.basename(f))).toEqual([backupFileName(new Date("2026-11-29T02:00:00Z"))]);
    expect(listBackups(backups).map((f) => path.basename(f))).toEqual(days.slice(2).map((d) => backupFileName(new Date(`${d}T02:00:00Z`))));
    expect(fs.existsSync(path.join(backups, "notes.txt"))).toBe(true);
    expect(pruneBackups(backups, 1)).toHaveLength(2);
    expect(listBackups(backups)).toHaveLength(1);
  });

  it("reads BACKUP_DIR and BACKUP_KEEP, with defaults", () => {
    expect(backupSettings({} as NodeJS.ProcessEnv).keep).toBe(14);
    expect(backupSettings({} as NodeJS.ProcessEnv).dir).toBe(path.resolve("data", "backups"));
    expect(backupSettings({ BACKUP_DIR: "/srv/backups", BACKUP_KEEP: "7" } as unknown as NodeJS.ProcessEnv)).toEqual({ dir: "/srv/backups", keep: 7 });
    expect(backupSettings({ BACKUP_KEEP: "-1" } as unknown as NodeJS.ProcessEnv).keep).toBe(14);
    expect(backupSettings({ BACKUP_KEEP: "two" } as unknown as NodeJS.ProcessEnv).keep).toBe(14);
  });
});

describe("restore", () => {
  it("backup then restore into a fresh path gives the same row counts per table", async () => {
    const dir = tempDir();
    const file = path.join(dir, "live.db");
    const live = rolebookDb(file, 500);
    live.prepare("INSERT INTO filler (body) VALUES ('last')").run();
    const { file: copy } = await backupDatabase(live, { dir: path.join(dir, "backups"), keep: 14 });
    live.close();
    const target = path.join(dir, "elsewhere", "restored.db");
    const { aside } = await restoreDatabase(copy, target);
    expect(aside).toBeNull();
    expect(isRolebookDatabase(target)).toBe(true);
    expect(countsPerTable(target)).toEqual(countsPerTable(file));
    expect(countsPerTable(target).filler).toBe(501);
  });

  it("keeps the current database aside (with what is in its WAL) and removes its -wal and -shm", async () => {
    const dir = tempDir();
    const file = path.join(dir, "live.db");
    rolebookDb(file, 5).close();
    const { file: copy } = await backupDatabase(file, { dir: path.join(dir, "backups"), keep: 14 });
    const target = path.join(dir, "current.db");
    const current = rolebookDb(target, 42);
    current.pragma("wal_autocheckpoint = 0");
    current.prepare("INSERT INTO filler (body) VALUES ('only in the wal')").run();
    // A crashed server: its WAL is left behind (closing would checkpoint it).
    const walCopy = fs.readFileSync(`${target}-wal`);
    current.close();
    fs.writeFileSync(`${target}-wal`, walCopy);
    const { aside } = await restoreDatabase(copy, target, new Date("2026-12-02T07:30:00Z"));
    expect(path.basename(aside!)).toBe("current.pre-restore-20261202T073000000Z.db");
    expect(countsPerTable(aside!).filler).toBe(43);
    expect(countsPerTable(target).filler).toBe(5);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(fs.existsSync(`${target}-shm`)).toBe(false);
  });

  it("refuses a file that is not a Rolebook database, a damaged one or a missing one, and changes nothing", async () => {
    const dir = tempDir();
    const target = path.join(dir, "current.db");
    rolebookDb(target, 3).close();
    const before = fs.readFileSync(target);

    const other = path.join(dir, "other.db");
    const db = new Database(other);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello');");
    db.close();
    await expect(restoreDatabase(other, target)).rejects.toThrow(/not a Rolebook database/);

    const damaged = path.join(dir, "damaged.db");
    fs.writeFileSync(damaged, "SQLite format 3\0".padEnd(8192, "garbage"));
    await expect(restoreDatabase(damaged, target)).rejects.toThrow(/integrity_check/);

    await expect(restoreDatabase(path.join(dir, "missing.db"), target)).rejects.toThrow(/no such file/);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes("pre-restore") || f.includes("restoring"))).toEqual([]);
  });

  it("refuses while a server's pid file names a live process", async () => {
    const dir = tempDir();
    const target = path.join(dir, "current.db");
    rolebookDb(target, 3).close();
    const { file: copy } = await backupDatabase(target, { dir: path.join(dir, "backups"), keep: 14 });
    fs.writeFileSync(pidFileOf(target), `${process.pid}\n`);
    expect(serverRunning(target)).toBe(process.pid);
    await expect(restoreDatabase(copy, target)).rejects.toThrow(/stop it first/);
    // A stale pid file (the process is gone) does not block a restore.
    fs.writeFileSync(pidFileOf(target), "999999999\n");
    expect(serverRunning(target)).toBeNull();
    await expect(restoreDatabase(copy, target)).resolves.toMatchObject({ aside: expect.any(String) });
  });
});
