// Debian's Chromium, for the end-to-end tests (scripts/test.mjs) and the bench's Lighthouse
// (scripts/bench/run.ts): found at CHROMIUM_PATH or /usr/bin/chromium(-browser), or installed from
// the Debian package when running as root with apt-get.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export function findChromium() {
  for (const p of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (p && fs.existsSync(p)) return p;
  }
  return null;
}

/** Whether this process may install Debian's package (root, with apt-get). */
export function canInstallDebianChromium() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
}

/** Installs Debian's chromium package; answers its path, or null when that failed. */
export function installDebianChromium() {
  const r = spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], { stdio: "inherit" });
  return r.status === 0 ? findChromium() : null;
}
