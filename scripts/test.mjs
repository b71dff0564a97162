#!/usr/bin/env node
// npm test: type check, lint, unit tests, then Playwright against a production build on its own
// database file and port. Installs a Chromium when none is found.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { canInstallDebianChromium, findChromium, installDebianChromium } from "./chromium.mjs";
import { bin, root, serverEnv } from "./env.mjs";

// The build and the server set NODE_ENV themselves.
const { NODE_ENV: _ignored, ...env } = serverEnv();

function step(title, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
}

function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (canInstallDebianChromium()) {
    console.log("\n▶ install Chromium (Debian package)");
    const installed = installDebianChromium();
    if (!installed) {
      console.error("✖ no Chromium found after installing");
      process.exit(1);
    }
    return installed;
  }
  step("install Chromium (Playwright)", bin("playwright"), ["install", "chromium"]);
  return ""; // Playwright uses its own browser
}

const only = process.argv[2];
if (!only || only === "static") {
  step("route types", bin("next"), ["typegen"]);
  step("type check", bin("tsc"), ["--noEmit"]);
  step("lint", bin("eslint"), [".", "--max-warnings=0"]);
}
if (!only || only === "unit") step("unit tests", bin("vitest"), ["run"]);
if (!only || only === "e2e") {
  const chromium = ensureChromium();
  step("production build", bin("next"), ["build"]);
  const db = path.join(root, "data", "e2e.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  step("end-to-end tests (Playwright, Chromium)", bin("playwright"), ["test"], {
    CHROMIUM_PATH: chromium,
    E2E_DATABASE_PATH: db,
  });
}
console.log("\n✔ all tests passed");
