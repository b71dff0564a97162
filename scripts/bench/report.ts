/**
 * The benchmark's pure parts (issue 15): its command line, the table of pages, the thresholds of
 * the issue and the markdown of bench/RESULTS.md. No I/O here; scripts/bench/run.ts measures.
 */

export interface BenchArgs {
  quick: boolean;
  seed: number;
  /** Seconds per page and organisation, in `slices` runs (autocannon) alternating between the two. */
  duration: number;
  /**
   * Each page's time on each organisation is cut into this many runs, demo and 10k taking turns
   * (demo, 10k, 10k, demo, demo, 10k…), and pooled: a machine that slows down or speeds up during
   * the run (other jobs on it) then weighs on both organisations alike, not on whichever ran second.
   */
  slices: number;
  /** Seconds per Server Action. */
  actionDuration: number;
  connections: number;
  actionConnections: number;
  /** First of the two ports (demo); the 10k server listens on the next one. */
  port: number;
  people: number;
  /** Only pages whose label contains this (for quick checks while working on one page). */
  only: string | null;
  out: string;
  /** Lighthouse (desktop preset) on the four pages of point 5, before the load runs. */
  lighthouse: boolean;
  /** Also the mobile preset (slow 4G, 4× CPU slowdown): reported, not judged. */
  lighthouseMobile: boolean;
}

export function parseArgs(argv: string[]): BenchArgs {
  const quick = argv.includes("--quick");
  const args: BenchArgs = {
    quick,
    seed: 15,
    duration: quick ? 2 : 15,
    slices: quick ? 2 : 3,
    actionDuration: quick ? 2 : 10,
    connections: 20,
    actionConnections: 5,
    port: 4100,
    people: 10_000,
    only: null,
    out: "bench/RESULTS.md",
    lighthouse: true,
    lighthouseMobile: false,
  };
  const numeric: Record<string, keyof BenchArgs> = {
    "--seed": "seed",
    "--duration": "duration",
    "--slices": "slices",
    "--action-duration": "actionDuration",
    "--connections": "connections",
    "--port": "port",
    "--people": "people",
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") continue;
    if (a === "--no-lighthouse") {
      args.lighthouse = false;
      continue;
    }
    if (a === "--lighthouse-mobile") {
      args.lighthouseMobile = true;
      continue;
    }
    const [name, inline] = a.split("=", 2);
    const value = inline ?? argv[i + 1];
    if (name in numeric) {
      const n = Number(value);
      if (value === undefined || !Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
      (args as unknown as Record<string, unknown>)[numeric[name]] = n;
      if (inline === undefined) i++;
    } else if (name === "--only" || name === "--out") {
      if (!value) throw new Error(`${name} needs a value`);
      if (name === "--only") args.only = value;
      else args.out = value;
      if (inline === undefined) i++;
    } else {
      throw new Error(`unknown option ${a} (options: --quick --no-lighthouse --lighthouse-mobile --seed N --duration S --slices N --action-duration S --connections N --port P --people N --only TEXT --out FILE)`);
    }
  }
  return args;
}

/** One autocannon run, reduced to what the table shows. */
export interface Measure {
  p95: number;
  rps: number;
  /** Mean bytes per response. */
  bytes: number;
  non2xx: number;
  errors: number;
  requests: number;
}

/** One autocannon run: its latencies (ms), its length (s) and what it counted. */
export interface Slice {
  latencies: number[];
  seconds: number;
  bytes: number;
  non2xx: number;
  errors: number;
}

/**
 * Several runs of one page on one server, pooled: throughput over the summed time, and the p95 as
 * the median of the runs' p95s (a burst of other work on the machine during one run then moves
 * one run's p95, not the page's; with two runs, their mean).
 */
export function pool(slices: Slice[]): Measure {
  const latencies = slices.flatMap((s) => s.latencies);
  const seconds = slices.reduce((a, s) => a + s.seconds, 0);
  const n = latencies.length;
  const p95s = slices.filter((s) => s.latencies.length).map((s) => percentile(s.latencies, 95));
  return {
    p95: p95s.length ? median(p95s) : NaN,
    rps: seconds > 0 ? n / seconds : 0,
    bytes: n ? slices.reduce((a, s) => a + s.bytes, 0) / n : 0,
    non2xx: slices.reduce((a, s) => a + s.non2xx, 0),
    errors: slices.reduce((a, s) => a + s.errors, 0),
    requests: n,
  };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The order of the runs: the two organisations take turns, and which goes first alternates (AB BA AB…). */
export function sliceOrder(slices: number): ("demo" | "big")[] {
  const out: ("demo" | "big")[] = [];
  for (let i = 0; i < slices; i++) out.push(...(i % 2 === 0 ? (["demo", "big"] as const) : (["big", "demo"] as const)));
  return out;
}

/**
 * The 10k / demo ratio of p95s from runs taken in turns: round i is the demo's i-th run and the
 * 10k's i-th run, back to back (sliceOrder); each round gives the ratio of its two p95s, and the
 * median of the rounds is the page's. A slowdown of the machine that lasts a while then moves both
 * sides of a round alike, and one round hit by a burst does not decide it. Null without a round in
 * which both answered.
 */
export function pairedP95Ratio(demo: Slice[], big: Slice[]): number | null {
  const rounds: number[] = [];
  for (let i = 0; i < Math.min(demo.length, big.length); i++) {
    if (!demo[i].latencies.length || !big[i].latencies.length) continue;
    const r = ratio(percentile(big[i].latencies, 95), percentile(demo[i].latencies, 95));
    if (r !== null) rounds.push(r);
  }
  return rounds.length ? median(rounds) : null;
}

export interface PageRow {
  label: string;
  path: string;
  demo: Measure | null;
  big: Measure | null;
  /** The p95 ratio of runs taken in turns (pairedP95Ratio); without it, the ratio of the pooled p95s. */
  p95Ratio?: number | null;
  /**
   * A reference, not a page of the issue: measured and shown, never judged (the not-found page of a
   * signed-in person: what the root layout and Next's rendering cost with no page of ours in it).
   */
  reference?: boolean;
}

/** The p95 ratio the table shows and point 2 judges. */
export const p95Ratio = (r: PageRow): number | null => (r.p95Ratio !== undefined ? r.p95Ratio : ratio(r.big?.p95, r.demo?.p95));

export interface ActionRow {
  label: string;
  demo: Measure | null;
  big: Measure | null;
  /** Answers that did not say ok (a 4xx/5xx, or {ok:false}). */
  failures: { demo: number; big: number };
}

export interface JsRow {
  route: string;
  gzip: number;
}

/** One Lighthouse run: scores 0..100, or why there are none. */
export interface LighthouseRow {
  label: string;
  path: string;
  preset: "desktop" | "mobile";
  performance: number | null;
  accessibility: number | null;
  error: string | null;
}

/**
 * The pages the size survey fetches, from the build's app-paths manifest keys ("/(portal)/readiness/page"):
 * every page without a dynamic segment, route groups removed, Next's own error pages left out.
 */
export function surveyRoutes(manifestKeys: string[]): string[] {
  const routes = manifestKeys
    .filter((k) => k.endsWith("/page") && !k.includes("["))
    .map((k) => k.replace(/\/page$/, "").replace(/\/\([^)]*\)/g, "") || "/")
    .filter((r) => !r.startsWith("/_"));
  return [...new Set(routes)].sort();
}

/** One page of the size survey: the largest answer among the demo accounts, on each organisation (bytes). */
export interface SizeRow {
  route: string;
  as: string;
  demo: number;
  big: number;
}

export interface Resources {
  startupMs: { demo: number; big: number };
  rssMb: { demo: number; big: number };
}

export const THRESHOLDS = {
  /** Point 2: p95 at 10k at most this many times the demo's. */
  latencyRatio: 1.3,
  /** Point 2: response at 10k at most this many times the demo's. */
  bytesRatio: 1.2,
  /** Point 3: throughput at least this share of /api/health on the same server. */
  healthShare: 0.25,
  /** Point 3: no HTML response over this many bytes. */
  htmlBytes: 100 * 1024,
  /** Point 4: Server Action p95 at 10k, ms. */
  actionP95: 100,
  /** Point 5: gzipped client JavaScript per route. */
  jsBytes: 150 * 1024,
  /** Point 6. */
  rssMb: 300,
  startupMs: 3000,
  /** Point 5: Lighthouse scores (desktop preset) on sign-in, My role, a role page and People. */
  lighthousePerformance: 95,
  lighthouseAccessibility: 100,
} as const;

/** p-th percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const ratio = (big: number | undefined, demo: number | undefined): number | null =>
  big === undefined || demo === undefined || !(demo > 0) ? null : big / demo;

export interface Check {
  what: string;
  pass: boolean;
  detail: string;
}

const isHealth = (r: PageRow) => r.path === "/api/health";
const isStatic = (r: PageRow) => r.path.startsWith("/_next/static/");
/** A ratio as the thresholds table shows it, or why there is none. */
const judged = (r: PageRow, x: number | null) =>
  !r.demo || !r.big ? "not measured" : r.demo.requests === 0 || r.big.requests === 0 ? `no answer within the run${r.demo.requests === 0 ? " (demo)" : ""}${r.big.requests === 0 ? " (10k)" : ""}` : `${fmtRatio(x)}×`;
const fmtRatio = (x: number | null) => (x === null || !Number.isFinite(x) ? "—" : x.toFixed(1));

/** Every threshold of the issue the bench can judge, with the pages that fail it. */
/** `only`: the run's --only filter; when it left no Server Action to time, point 4 is not judged (rather than failed). */
/** `sizes`: the survey of every page (judged when there is one: point 3's 100 KB applies to every HTML response). */
export function checks(
  pages: PageRow[],
  actions: ActionRow[],
  js: JsRow[],
  res: Resources | null,
  lighthouse: LighthouseRow[] = [],
  only: string | null = null,
  sizes: SizeRow[] = [],
): Check[] {
  const out: Check[] = [];
  const signedIn = pages.filter((r) => !isHealth(r) && !isStatic(r) && !r.reference);
  const health = pages.find(isHealth);

  // A missing run, no answer or NaN fails: only a measured ratio within the limit passes.
  const over = (x: number | null, limit: number) => x === null || !Number.isFinite(x) || x > limit;
  const slow = signedIn.filter((r) => !r.big || !r.demo || over(p95Ratio(r), THRESHOLDS.latencyRatio));
  out.push({ what: `p95 at 10k ≤ ${THRESHOLDS.latencyRatio}× demo (point 2)`, pass: slow.length === 0, detail: slow.map((r) => `${r.label} ${judged(r, p95Ratio(r))}`).join(", ") });
  const grows = signedIn.filter((r) => !r.big || !r.demo || r.big.requests === 0 || over(ratio(r.big.bytes, r.demo.bytes), THRESHOLDS.bytesRatio));
  out.push({ what: `bytes at 10k ≤ ${THRESHOLDS.bytesRatio}× demo (point 2)`, pass: grows.length === 0, detail: grows.map((r) => `${r.label} ${judged(r, ratio(r.big?.bytes, r.demo?.bytes))}`).join(", ") });

  const share = (m: Measure | null, h: Measure | null | undefined) => (m && h && h.rps > 0 ? m.rps / h.rps : 0);
  const lowShare = signedIn.filter((r) => share(r.demo, health?.demo) < THRESHOLDS.healthShare || share(r.big, health?.big) < THRESHOLDS.healthShare);
  out.push({
    what: `throughput ≥ ${THRESHOLDS.healthShare * 100} % of /api/health (point 3)`,
    pass: !!health && lowShare.length === 0,
    detail: lowShare.map((r) => `${r.label} ${pct(share(r.demo, health?.demo))}/${pct(share(r.big, health?.big))}`).join(", "),
  });
  const large = signedIn.filter((r) => Math.max(r.demo?.bytes ?? 0, r.big?.bytes ?? 0) > THRESHOLDS.htmlBytes);
  out.push({ what: `no HTML response over ${kb(THRESHOLDS.htmlBytes)} (point 3)`, pass: large.length === 0, detail: large.map((r) => `${r.label} ${kb(Math.max(r.demo?.bytes ?? 0, r.big?.bytes ?? 0))}`).join(", ") });
  if (sizes.length) {
    const largePages = sizes.filter((r) => Math.max(r.demo, r.big) > THRESHOLDS.htmlBytes);
    out.push({
      what: `no HTML response over ${kb(THRESHOLDS.htmlBytes)}, every page surveyed (${sizes.length} pages; point 3)`,
      pass: largePages.length === 0,
      detail: largePages.map((r) => `\`${r.route}\` (${r.as}) ${kb(Math.max(r.demo, r.big))}`).join(", "),
    });
  }
  const failing = signedIn.filter((r) => (r.demo?.non2xx ?? 1) + (r.big?.non2xx ?? 1) + (r.demo?.errors ?? 0) + (r.big?.errors ?? 0) > 0);
  out.push({ what: "every page answers 2xx", pass: failing.length === 0, detail: failing.map((r) => `${r.label} (${(r.demo?.non2xx ?? "?")}/${(r.big?.non2xx ?? "?")} non-2xx, ${(r.demo?.errors ?? 0) + (r.big?.errors ?? 0)} errors/timeouts)`).join(", ") });

  const slowActions = actions.filter((a) => !a.big || over(a.big.p95, THRESHOLDS.actionP95) || a.failures.big > 0 || a.big.requests === 0);
  if (actions.length > 0 || !only)
    out.push({
      what: `Server Action p95 at 10k < ${THRESHOLDS.actionP95} ms, all ok (point 4)`,
      pass: actions.length > 0 && slowActions.length === 0,
      detail: slowActions.map((a) => `${a.label} ${a.big ? `${Math.round(a.big.p95)} ms` : "not measured"}${a.failures.big ? `, ${a.failures.big} failed` : ""}`).join(", "),
    });

  const heavy = js.filter((j) => j.gzip > THRESHOLDS.jsBytes);
  out.push({ what: `client JS per route ≤ ${kb(THRESHOLDS.jsBytes)} gzipped (point 5)`, pass: js.length > 0 && heavy.length === 0, detail: heavy.map((j) => `${j.route} ${kb(j.gzip)}`).join(", ") });

  const judgedLh = lighthouse.filter((l) => l.preset === "desktop");
  if (judgedLh.length) {
    const lowPerf = judgedLh.filter((l) => l.performance === null || l.performance < THRESHOLDS.lighthousePerformance);
    out.push({ what: `Lighthouse performance ≥ ${THRESHOLDS.lighthousePerformance}, desktop (point 5)`, pass: lowPerf.length === 0, detail: lowPerf.map((l) => `${l.label} ${l.performance ?? l.error ?? "—"}`).join(", ") });
    const lowA11y = judgedLh.filter((l) => l.accessibility === null || l.accessibility < THRESHOLDS.lighthouseAccessibility);
    out.push({ what: `Lighthouse accessibility = ${THRESHOLDS.lighthouseAccessibility} (point 5)`, pass: lowA11y.length === 0, detail: lowA11y.map((l) => `${l.label} ${l.accessibility ?? l.error ?? "—"}`).join(", ") });
  }

  if (res) {
    const rss = Math.max(res.rssMb.demo, res.rssMb.big);
    out.push({ what: `server memory after the run ≤ ${THRESHOLDS.rssMb} MB (point 6)`, pass: rss <= THRESHOLDS.rssMb, detail: `${Math.round(res.rssMb.demo)} MB demo, ${Math.round(res.rssMb.big)} MB 10k` });
    const start = Math.max(res.startupMs.demo, res.startupMs.big);
    out.push({ what: `start to first healthy answer ≤ ${THRESHOLDS.startupMs / 1000} s (point 6)`, pass: start <= THRESHOLDS.startupMs, detail: `${(res.startupMs.demo / 1000).toFixed(1)} s demo, ${(res.startupMs.big / 1000).toFixed(1)} s 10k` });
  }
  return out;
}

export const kb = (bytes: number) => (bytes >= 10 * 1024 ? `${Math.round(bytes / 1024).toLocaleString("en")} KB` : `${(bytes / 1024).toFixed(1)} KB`);
export const pct = (x: number) => `${Math.round(x * 100)} %`;
const ms = (m: Measure | null) => (m ? `${Math.round(m.p95).toLocaleString("en")} ms` : "—");
const rps = (m: Measure | null) => (m ? Math.round(m.rps).toLocaleString("en") : "—");

/** The page table as markdown rows (the header included). */
export function pageTable(pages: PageRow[]): string[] {
  const health = pages.find(isHealth);
  const share = (m: Measure | null, h: Measure | null | undefined) => (m && h && h.rps > 0 ? pct(m.rps / h.rps) : "—");
  const lines = [
    "| page (as) | demo p95 | 10k p95 | 10k / demo | bytes demo | bytes at 10k | req/s demo | req/s 10k | share of health demo | share of health 10k | non-2xx demo/10k |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of pages) {
    const noAnswer = (m: Measure | null) => (m && m.requests === 0 ? "no answer" : ms(m));
    const size = (m: Measure | null) => (m && m.requests > 0 ? kb(m.bytes) : "—");
    lines.push(
      `| ${r.label} | ${noAnswer(r.demo)} | ${noAnswer(r.big)} | ${fmtRatio(p95Ratio(r))} | ${size(r.demo)} | ${size(r.big)} | ${rps(r.demo)} | ${rps(r.big)} | ${share(r.demo, health?.demo)} | ${share(r.big, health?.big)} | ${r.demo ? r.demo.non2xx + r.demo.errors : "—"}/${r.big ? r.big.non2xx + r.big.errors : "—"} |`,
    );
  }
  return lines;
}

export function actionTable(actions: ActionRow[]): string[] {
  const lines = ["| Server Action (5 users) | demo p95 | 10k p95 | 10k / demo | req/s demo | req/s 10k | not ok demo/10k |", "|---|---|---|---|---|---|---|"];
  for (const a of actions) {
    lines.push(`| ${a.label} | ${ms(a.demo)} | ${ms(a.big)} | ${fmtRatio(ratio(a.big?.p95, a.demo?.p95))} | ${rps(a.demo)} | ${rps(a.big)} | ${a.failures.demo}/${a.failures.big} |`);
  }
  return lines;
}

export function jsTable(js: JsRow[], top = 15): string[] {
  const sorted = [...js].sort((a, b) => b.gzip - a.gzip);
  const lines = ["| route | client JS, gzipped | ≤ 150 KB |", "|---|---|---|"];
  for (const j of sorted.slice(0, top)) lines.push(`| \`${j.route}\` | ${kb(j.gzip)} | ${j.gzip <= THRESHOLDS.jsBytes ? "yes" : "**no**"} |`);
  if (sorted.length > top) lines.push(`| (${sorted.length - top} more routes, all smaller) | | |`);
  return lines;
}

/**
 * The size survey as markdown rows: every page over `shownOver` bytes or growing more than
 * bytesRatio from the demo to 10k, largest first, then a count of the rest.
 */
export function sizeTable(rows: SizeRow[], shownOver = 60 * 1024): string[] {
  const grows = (r: SizeRow) => r.demo > 0 && r.big / r.demo > THRESHOLDS.bytesRatio;
  const sorted = [...rows].sort((a, b) => Math.max(b.demo, b.big) - Math.max(a.demo, a.big));
  const shown = sorted.filter((r) => Math.max(r.demo, r.big) > shownOver || grows(r));
  const lines = [`| page (largest for) | demo | 10k | 10k / demo | ≤ ${kb(THRESHOLDS.htmlBytes)} |`, "|---|---|---|---|---|"];
  for (const r of shown) lines.push(`| \`${r.route}\` (${r.as}) | ${kb(r.demo)} | ${kb(r.big)} | ${fmtRatio(ratio(r.big, r.demo))} | ${Math.max(r.demo, r.big) <= THRESHOLDS.htmlBytes ? "yes" : "**no**"} |`);
  if (sorted.length > shown.length) lines.push(`| (${sorted.length - shown.length} more pages, each at most ${kb(shownOver)} and growing at most ${THRESHOLDS.bytesRatio}×) | | | | |`);
  return lines;
}

export function lighthouseTable(rows: LighthouseRow[]): string[] {
  const lines = ["| page (as) | preset | performance | accessibility |", "|---|---|---|---|"];
  for (const l of rows) lines.push(`| ${l.label} | ${l.preset} | ${l.performance ?? (l.error ? `failed: ${l.error}` : "—")} | ${l.accessibility ?? "—"} |`);
  return lines;
}

export interface ReportInput {
  args: BenchArgs;
  date: string;
  machine: string;
  pages: PageRow[];
  actions: ActionRow[];
  js: JsRow[];
  resources: Resources | null;
  lighthouse?: LighthouseRow[];
  sizes?: SizeRow[];
  notes: string[];
}

export function markdown(r: ReportInput): string {
  const list = checks(r.pages, r.actions, r.js, r.resources, r.lighthouse ?? [], r.args.only, r.sizes ?? []);
  const out = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench${r.args.quick ? " -- --quick" : ""}\` (scripts/bench/run.ts); see the README's "Benchmark" section for how to read it.`,
    "",
    `- Date: ${r.date}`,
    `- Machine: ${r.machine}`,
    `- Organisations: the 25-person demo and the generated one (seed ${r.args.seed}, ${r.args.people.toLocaleString("en")} more people), served by two production servers side by side, pages interleaved`,
    `- Load: ${r.args.connections} connections, ${r.args.duration} s per page and organisation (in ${r.args.slices} runs each, the two organisations taking turns); Server Actions ${r.args.actionConnections} users, ${r.args.actionDuration} s each${r.args.quick ? " (**--quick**: short runs, expect noise)" : ""}`,
    ...r.notes.map((n) => `- ${n}`),
    "",
    "## Pages",
    "",
    ...pageTable(r.pages),
    "",
    ...(r.sizes?.length
      ? [
          "## Every page's size",
          "",
          "Each page without an id in its path, fetched once as each demo account that may open it (HR, manager, supervisor, employee) on both organisations; the largest answer per page. Lists paginate, so a page whose demo list is shorter than one page grows until its page is full, then stays.",
          "",
          ...sizeTable(r.sizes),
          "",
        ]
      : []),
    "## Server Actions",
    "",
    ...actionTable(r.actions),
    "",
    "## Client JavaScript per route",
    "",
    ...jsTable(r.js),
    "",
    "## Lighthouse",
    "",
    ...(r.lighthouse?.length
      ? [
          "Headless Debian Chromium with the person's session cookie, on the demo server before any load; the desktop preset is judged, the mobile one (slow 4G, 4× CPU slowdown) only reported.",
          "",
          ...lighthouseTable(r.lighthouse),
        ]
      : ["Not run (`--no-lighthouse`)."]),
    "",
    "## Resources",
    "",
  ];
  if (r.resources) {
    out.push(
      `- Server memory (RSS) after the run: ${Math.round(r.resources.rssMb.demo)} MB (demo), ${Math.round(r.resources.rssMb.big)} MB (10k)`,
      `- From starting the server on an existing build to the first healthy \`/api/health\`: ${(r.resources.startupMs.demo / 1000).toFixed(1)} s (demo), ${(r.resources.startupMs.big / 1000).toFixed(1)} s (10k)`,
    );
  }
  out.push("", "## Against the issue's thresholds", "", "| threshold | result | failing |", "|---|---|---|");
  for (const c of list) out.push(`| ${c.what} | ${c.pass ? "pass" : "**FAIL**"} | ${c.detail || ""} |`);
  out.push("");
  return out.join("\n");
}
