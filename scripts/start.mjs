#!/usr/bin/env node
// npm start: build if no build exists, apply migrations, seed the demo on an empty database,
// then serve (scripts/server.mjs) on PORT (default 3000) with the database at DATABASE_PATH (default data/rolebook.db).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bin, root, serverEnv, serverNodeArgs } from "./env.mjs";

const env = serverEnv();
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("rolebook: no build found, building (this takes a minute or two)…");
  run(bin("next"), ["build"]);
}
// react-server: lets the server-only domain modules load outside Next.
run(bin("tsx"), ["--conditions=react-server", "db/prepare.ts"]);

// While serving, <database>.pid holds this script's pid: `npm run restore` refuses to replace a
// database a server is using (lib/backup/backup.ts serverRunning). Removed when the server stops.
const pidFile = `${path.resolve(root, env.DATABASE_PATH || path.join("data", "rolebook.db"))}.pid`;
fs.writeFileSync(pidFile, `${process.pid}\n`);
process.on("exit", () => fs.rmSync(pidFile, { force: true }));

const port = env.PORT || "3000";
console.log(`rolebook: serving http://localhost:${port}`);
// scripts/server.mjs: `next start` behind a plain Node server that sets the client's socket address
// (x-rolebook-peer) and answers over-large request bodies with 413.
const server = spawn(process.execPath, [...serverNodeArgs(env), path.join(root, "scripts", "server.mjs")], { cwd: root, env: { ...env, PORT: port }, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
