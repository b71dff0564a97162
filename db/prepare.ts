/**
 * Run before the server starts: applies migrations, then seeds the demo organisation when the
 * database is empty. `--reset` first deletes the database file (npm run db:reset).
 */
import fs from "node:fs";
import { applyMigrations } from "./migrate";
import { databasePath, openDatabase } from "./open";
import { isEmpty, seedDemo } from "./seed";

async function main() {
  const file = databasePath();
  if (process.argv.includes("--reset")) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    console.log(`rolebook: removed ${file}`);
  }
  const sqlite = openDatabase(file);
  try {
    applyMigrations(sqlite);
    if (isEmpty(sqlite)) {
      await seedDemo(sqlite);
      console.log(`rolebook: seeded the demo organisation into ${file}`);
    } else {
      console.log(`rolebook: database ready at ${file}`);
    }
  } finally {
    sqlite.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
