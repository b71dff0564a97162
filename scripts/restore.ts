// npm run restore FILE: puts a backup in place of the database (DATABASE_PATH, default
// data/rolebook.db) of a STOPPED instance. Refused while `npm start` serves it (its pid file
// <database>.pid names a live process), or when FILE fails PRAGMA integrity_check or is not a
// Rolebook database. The current database is kept aside as <name>.pre-restore-<timestamp>.db.
import { databaseFile, restoreDatabase } from "../lib/backup/backup";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run restore <backup file>");
    process.exit(2);
  }
  const target = databaseFile();
  const { aside } = await restoreDatabase(file, target);
  if (aside) console.log(`rolebook restore: the previous database is kept as ${aside}`);
  console.log(`rolebook restore: ${file} restored to ${target}; start the server again with npm start`);
}

main().catch((e) => {
  console.error(`rolebook restore refused: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
