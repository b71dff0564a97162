/**
 * Lighthouse for the bench (issue 15, point 5): headless Debian Chromium, the person's session
 * cookie sent with every request, performance and accessibility only. It runs in a plain Node
 * child process (./lighthouse-child.mjs): see there why not under tsx.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { canInstallDebianChromium, findChromium, installDebianChromium } from "../chromium.mjs";
import { root } from "../env.mjs";
import type { LighthouseRow } from "./report";

export interface LighthousePage {
  label: string;
  path: string;
  cookie: string | null;
}

/** Debian's Chromium, installed (as npm test does) when missing and this process may; else null. */
function chromium(log: (msg: string) => void): string | null {
  const found = findChromium();
  if (found || !canInstallDebianChromium()) return found;
  log("no Chromium found: installing Debian's chromium package for Lighthouse…");
  return installDebianChromium();
}
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

export function runLighthouse(base: string, pages: LighthousePage[], presets: ("desktop" | "mobile")[], log: (msg: string) => void): Promise<LighthouseRow[]> {
  const failed = (error: string): LighthouseRow[] => pages.flatMap((p) => presets.map((preset) => ({ label: p.label, path: p.path, preset, performance: null, accessibility: null, error })));
  const browser = chromium(log);
  if (!browser) return Promise.resolve(failed("no Chromium: install Debian's chromium package or set CHROMIUM_PATH"));
  const input = JSON.stringify({ base, chromium: browser, flags: FLAGS, presets, pages });
  const child = spawn(process.execPath, [path.join(root, "scripts", "bench", "lighthouse-child.mjs"), input], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (t: string) => (out += t));
  child.stderr.setEncoding("utf8").on("data", (t: string) => {
    for (const line of t.split("\n").filter((l) => l.startsWith("Lighthouse ("))) log(line);
  });
  return new Promise((resolve) => {
    child.on("close", (code) => {
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as LighthouseRow[]);
      } catch {
        resolve(failed(`the Lighthouse process exited (${code}) without results`));
      }
    });
  });
}
