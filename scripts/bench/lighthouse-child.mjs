// Lighthouse for the bench, in a plain Node process: under tsx, esbuild's keepNames wraps functions
// in __name(), and Lighthouse sends functions to the page as source text, where __name does not
// exist. Input: one JSON argument { base, chromium, flags, presets, pages: [{ label, path, cookie }] }.
// Output: one JSON line, the rows (see LighthouseRow in ./report.ts).
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";

const { base, chromium, flags, presets, pages } = JSON.parse(process.argv[2]);
const rows = [];
const failAll = (error) => pages.flatMap((p) => presets.map((preset) => ({ label: p.label, path: p.path, preset, performance: null, accessibility: null, error })));

let chrome;
try {
  chrome = await chromeLauncher.launch({ chromePath: chromium, chromeFlags: flags, logLevel: "silent" });
} catch (e) {
  process.stdout.write(JSON.stringify(failAll(`Chromium did not start (${String(e?.message ?? e).split("\n")[0]})`)) + "\n");
  process.exit(0);
}
try {
  for (const preset of presets) {
    for (const p of pages) {
      process.stderr.write(`Lighthouse (${preset}): ${p.label}…\n`);
      // Lighthouse sometimes loses the trace of a load (NO_NAVSTART, NO_FCP) on a busy machine:
      // such a runtime error is retried, up to three attempts; a score is never retried.
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          const result = await lighthouse(
            `${base}${p.path}`,
            { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: p.cookie ? { Cookie: p.cookie } : undefined },
            preset === "desktop" ? desktopConfig : undefined,
          );
          const lhr = result?.lhr;
          const score = (id) => {
            const s = lhr?.categories?.[id]?.score;
            return typeof s === "number" ? Math.round(s * 100) : null;
          };
          // A redirect (to the sign-in page, say) would score the wrong page.
          const landed = lhr?.finalDisplayedUrl ? new URL(lhr.finalDisplayedUrl).pathname : null;
          const wrong = landed && landed !== new URL(`${base}${p.path}`).pathname ? `landed on ${landed}` : null;
          const error = wrong ?? lhr?.runtimeError?.message ?? null;
          if (lhr?.runtimeError && !wrong && attempt < 3) {
            process.stderr.write(`Lighthouse (${preset}): ${p.label}: ${lhr.runtimeError.code}, again…\n`);
            continue;
          }
          rows.push({ label: p.label, path: p.path, preset, performance: error ? null : score("performance"), accessibility: error ? null : score("accessibility"), error });
        } catch (e) {
          rows.push({ label: p.label, path: p.path, preset, performance: null, accessibility: null, error: String(e?.message ?? e).split("\n")[0] });
        }
        break;
      }
    }
  }
} finally {
  chrome.kill();
}
process.stdout.write(JSON.stringify(rows) + "\n");
