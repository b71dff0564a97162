/**
 * Run before the server starts: applies migrations, then seeds the demo organisation when the
 * database is empty. `--reset` first deletes the database file (npm run db:reset).
 * ROLEBOOK_DEMO=false: never the demo; an empty database stays empty and the first visitor sets up
 * the organisation and its first HR admin on /setup (issue 14, point 2).
 */
import fs from "node:fs";
import { getSqlite } from "./client";
import { applyMigrations } from "./migrate";
import { databasePath } from "./open";
import { isEmpty, seedDemo } from "./seed";
import { applyDueTransfers } from "../lib/communication/transfers";
import { ensureInitialVersions } from "../lib/roles/bootstrap";
import { getDb } from "./client";

async function main() {
  const file = databasePath();
  if (process.argv.includes("--reset")) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    console.log(`rolebook: removed ${file}`);
  }
  const sqlite = getSqlite();
  try {
    applyMigrations(sqlite);
    if (isEmpty() && process.env.ROLEBOOK_DEMO === "false") {
      console.log(`rolebook: empty database at ${file} (ROLEBOOK_DEMO=false): open /setup to create the organisation and its first HR admin`);
    } else if (isEmpty()) {
      await seedDemo();
      console.log(`rolebook: seeded the demo organisation into ${file}`);
    } else {
      // Databases from before role versioning get their first versions.
      getDb().transaction((tx) => ensureInitialVersions(tx));
      applyDueTransfers();
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
