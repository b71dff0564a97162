import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/*
 * Backup and restore (issue 14, point 10). Plain Node (no "server-only"): `npm run backup` and
 * `npm run restore` (scripts/*.ts) and the scheduler's `backup` job (lib/jobs/jobs.ts) all use it.
 *
 * A copy is made with SQLite's online backup API through a connection to the live database, in ONE
 * step: one read transaction sees one consistent state (committed rows in the WAL included), and
 * WAL mode lets the server keep writing meanwhile. A plain file copy would miss the WAL.
 */

/** Backups are named rolebook-<UTC timestamp>.db, so their names sort by age. */
export const BACKUP_PATTERN = /^rolebook-\d{8}T\d{6}(?:\d{3})?Z\.db$/;
export const BACKUP_KEEP_DEFAULT = 14;

export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH || path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "rolebook.db"));
}

/** BACKUP_DIR (default data/backups) and BACKUP_KEEP (default 14; a positive whole number). */
export function backupSettings(env: NodeJS.ProcessEnv = process.env): { dir: string; keep: number } {
  const keep = Number(env.BACKUP_KEEP);
  return {
    dir: path.resolve(/*turbopackIgnore: true*/ env.BACKUP_DIR || path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "backups")),
    keep: Number.isInteger(keep) && keep > 0 ? keep : BACKUP_KEEP_DEFAULT,
  };
}

/** "rolebook-20261202T071500123Z.db" for 2026-12-02T07:15:00.123Z. */
export function backupFileName(now: Date): string {
  return `rolebook-${now.toISOString().replace(/[-:.]/g, "")}.db`;
}

/** The file the server's start script writes its pid to while it serves this database. */
export function pidFileOf(databasePath: string): string {
  return `${databasePath}.pid`;
}

/** A server started by scripts/start.mjs is serving this database (its pid file names a live process). */
export function serverRunning(databasePath: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFileOf(databasePath), "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: it exists but belongs to someone else: still running.
    return (e as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

/** `PRAGMA integrity_check` says "ok" (a file that is not a database at all is not ok). */
export function integrityOk(file: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    return rows.length === 1 && rows[0]!.integrity_check === "ok";
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** A Rolebook database: it has the migrations table and the people table. */
export function isRolebookDatabase(file: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    const names = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('__drizzle_migrations', 'people')").all() as { name: string }[]).map((r) => r.name),
    );
    return names.has("__drizzle_migrations") && names.has("people");
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** The backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => BACKUP_PATTERN.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Deletes all but the newest `keep` backups in `dir`. Returns the deleted files. */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const f of old) fs.rmSync(f, { force: true });
  return old;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/**
 * Copies the live database (an open connection, or a path) into `dir` as rolebook-<timestamp>.db,
 * checks the copy with `PRAGMA integrity_check` (not "ok": the copy is deleted and this throws),
 * then keeps the newest `keep` backups. The copy is a single file (rollback journal, no WAL).
 */
export async function backupDatabase(
  source: Database.Database | string,
  options: { dir: string; keep: number; now?: Date; check?: (file: string) => boolean },
): Promise<{ file: string; pruned: string[] }> {
  const check = options.check ?? integrityOk;
  const now = options.now ?? new Date();
  fs.mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, backupFileName(now));
  const partial = path.join(options.dir, `.${backupFileName(now)}.partial`);
  fs.rmSync(partial, { force: true });
  const db = typeof source === "string" ? new Database(source, { fileMustExist: true }) : source;
  try {
    // The first step sizes the copy; the progress answer makes the next step copy every page at once.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    if (typeof source === "string") db.close();
  }
  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
  } catch {
    // integrity_check below reports it.
  }
  if (!check(partial)) {
    removeDatabaseFiles(partial);
    throw new BackupError(`the copy failed PRAGMA integrity_check; nothing was kept`);
  }
  fs.renameSync(partial, file);
  return { file, pruned: pruneBackups(options.dir, options.keep) };
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

/**
 * Puts a backup in place of the database at `target` (the server must be stopped: refused while
 * its pid file names a live process). The backup is first copied next to the target and checked
 * there (integrity_check "ok" and a Rolebook database); the current database is then saved aside
 * with the online backup API (WAL included) as <name>.pre-restore-<timestamp>.db, its -wal and
 * -shm are removed, and the checked copy takes its place.
 */
export async function restoreDatabase(backup: string, target: string, now = new Date()): Promise<{ aside: string | null }> {
  if (!fs.existsSync(backup)) throw new BackupError(`no such file: ${backup}`);
  const running = serverRunning(target);
  if (running) throw new BackupError(`a Rolebook server (pid ${running}) is serving ${target}: stop it first`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staged = `${target}.restoring`;
  removeDatabaseFiles(staged);
  fs.copyFileSync(backup, staged);
  if (!integrityOk(staged)) {
    removeDatabaseFiles(staged);
    throw new BackupError(`${backup} failed PRAGMA integrity_check (not a database, or damaged): nothing was changed`);
  }
  if (!isRolebookDatabase(staged)) {
    removeDatabaseFiles(staged);
    throw new BackupError(`${backup} is not a Rolebook database (no migrations table): nothing was changed`);
  }
  // Opening it for the checks may have left a WAL or journal beside it.
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(staged + suffix, { force: true });
  let aside: string | null = null;
  if (fs.existsSync(target)) {
    const stamp = now.toISOString().replace(/[-:.]/g, "");
    aside = path.join(path.dirname(target), `${path.basename(target, ".db")}.pre-restore-${stamp}.db`);
    const current = new Database(target, { fileMustExist: true });
    try {
      await current.backup(aside, { progress: () => 0x7fffffff });
    } finally {
      current.close();
    }
  }
  removeDatabaseFiles(target);
  fs.renameSync(staged, target);
  return { aside };
}
