/**
 * Lighthouse for the bench (issue 15, point 5): headless Debian Chromium, the person's session
 * cookie sent with every request, performance and accessibility only. One Chromium for all runs.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import type { LighthouseRow } from "./report";

export interface LighthousePage {
  label: string;
  path: string;
  cookie: string | null;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

export async function runLighthouse(base: string, pages: LighthousePage[], presets: ("desktop" | "mobile")[], log: (msg: string) => void): Promise<LighthouseRow[]> {
  const rows: LighthouseRow[] = [];
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: "silent" });
  } catch (e) {
    const error = `Chromium did not start (${(e as Error).message.split("\n")[0]})`;
    return pages.flatMap((p) => presets.map((preset) => ({ label: p.label, path: p.path, preset, performance: null, accessibility: null, error })));
  }
  try {
    for (const preset of presets) {
      for (const p of pages) {
        log(`Lighthouse (${preset}): ${p.label}…`);
        try {
          const flags = {
            port: chrome.port,
            output: "json" as const,
            logLevel: "error" as const,
            onlyCategories: ["performance", "accessibility"],
            extraHeaders: p.cookie ? { Cookie: p.cookie } : undefined,
          };
          const result = await lighthouse(`${base}${p.path}`, flags, preset === "desktop" ? desktopConfig : undefined);
          const lhr = result?.lhr;
          const score = (id: string) => {
            const s = lhr?.categories[id]?.score;
            return typeof s === "number" ? Math.round(s * 100) : null;
          };
          // A redirect to the sign-in page would score the wrong page.
          const landed = lhr?.finalDisplayedUrl ?? "";
          const wrong = landed && new URL(landed).pathname !== new URL(`${base}${p.path}`).pathname ? `landed on ${new URL(landed).pathname}` : null;
          const runtime = lhr?.runtimeError?.message ?? null;
          rows.push({ label: p.label, path: p.path, preset, performance: wrong ? null : score("performance"), accessibility: wrong ? null : score("accessibility"), error: wrong ?? runtime });
        } catch (e) {
          rows.push({ label: p.label, path: p.path, preset, performance: null, accessibility: null, error: (e as Error).message.split("\n")[0] });
        }
      }
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
