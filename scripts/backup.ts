// npm run backup: a consistent copy of the live database (DATABASE_PATH, default data/rolebook.db)
// into BACKUP_DIR (default data/backups) as rolebook-<UTC timestamp>.db, checked with
// PRAGMA integrity_check; keeps the newest BACKUP_KEEP (default 14). Safe while the server runs.
import fs from "node:fs";
import { backupDatabase, backupSettings, databaseFile } from "../lib/backup/backup";

async function main() {
  const source = databaseFile();
  if (!fs.existsSync(source)) {
    console.error(`rolebook backup: no database at ${source}`);
    process.exit(1);
  }
  const { dir, keep } = backupSettings();
  const { file, pruned } = await backupDatabase(source, { dir, keep });
  console.log(`rolebook backup: ${file} (integrity ok)`);
  for (const f of pruned) console.log(`rolebook backup: removed the old backup ${f} (keeping ${keep})`);
}

main().catch((e) => {
  console.error(`rolebook backup failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
