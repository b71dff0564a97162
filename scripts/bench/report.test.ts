import { describe, expect, it } from "vitest";
import { type ActionRow, type LighthouseRow, type Measure, type PageRow, type SizeRow, checks, lighthouseTable, markdown, pageTable, pairedP95Ratio, parseArgs, percentile, pool, ratio, sizeTable, sliceOrder, surveyRoutes } from "./report";

/** The benchmark's pure parts (issue 15): command line, table and thresholds. */

const m = (p95: number, rps: number, bytes: number, extra: Partial<Measure> = {}): Measure => ({ p95, rps, bytes, non2xx: 0, errors: 0, requests: 100, ...extra });

describe("parseArgs", () => {
  it("defaults to the issue's run: 20 connections, 15 s per page, seed 15, 10,000 people", () => {
    expect(parseArgs([])).toMatchObject({ quick: false, duration: 15, connections: 20, actionConnections: 5, seed: 15, people: 10_000, port: 4100, only: null, out: "bench/RESULTS.md" });
  });
  it("--quick shortens every run", () => {
    const q = parseArgs(["--quick"]);
    expect(q.quick).toBe(true);
    expect(q.duration).toBeLessThan(15);
    expect(q.actionDuration).toBeLessThan(10);
  });
  it("takes numbers as `--name value` or `--name=value`, and an explicit duration wins over --quick", () => {
    expect(parseArgs(["--quick", "--duration", "7", "--seed=3", "--port", "4150", "--only", "audit"])).toMatchObject({ duration: 7, seed: 3, port: 4150, only: "audit" });
  });
  it("refuses unknown options and bad numbers", () => {
    expect(() => parseArgs(["--fast"])).toThrow(/unknown option/);
    expect(() => parseArgs(["--seed", "abc"])).toThrow(/positive number/);
    expect(() => parseArgs(["--duration"])).toThrow(/positive number/);
    expect(() => parseArgs(["--out"])).toThrow(/needs a value/);
  });
});

describe("runs in slices, the two organisations taking turns", () => {
  it("cuts each page's time into 3 runs per organisation (2 with --quick); --slices sets it", () => {
    expect(parseArgs([]).slices).toBe(3);
    expect(parseArgs(["--quick"]).slices).toBe(2);
    expect(parseArgs(["--slices", "5"]).slices).toBe(5);
    expect(() => parseArgs(["--slices", "0"])).toThrow(/positive number/);
  });

  it("alternates which organisation goes first, so neither always runs on a machine that has warmed up or slowed down", () => {
    expect(sliceOrder(1)).toEqual(["demo", "big"]);
    expect(sliceOrder(3)).toEqual(["demo", "big", "big", "demo", "demo", "big"]);
    const order = sliceOrder(4);
    expect(order.filter((k) => k === "demo")).toHaveLength(4);
    expect(order.filter((k) => k === "big")).toHaveLength(4);
  });

  it("pools the runs: throughput over the summed time, bytes per response, p95 the median of the runs' p95s", () => {
    const run = (ms: number, count = 50) => ({ latencies: Array.from({ length: count }, () => ms), seconds: 2, bytes: count * 1000, non2xx: 0, errors: 0 });
    const fast = { ...run(10, 90), non2xx: 1 };
    const slow = { ...run(100, 10), bytes: 10 * 3000, errors: 2 };
    const m = pool([fast, slow]);
    expect(m.requests).toBe(100);
    expect(m.rps).toBe(25);
    expect(m.bytes).toBe(1200);
    expect(m.non2xx).toBe(1);
    expect(m.errors).toBe(2);
    // Two runs: the mean of their p95s.
    expect(m.p95).toBe(55);
    // Three runs, one of them slowed down by something else on the machine: the other two decide.
    expect(pool([run(10), run(12), run(900)]).p95).toBe(12);
    // …but a page that is slow in most runs is slow.
    expect(pool([run(10), run(800), run(900)]).p95).toBe(800);
  });

  it("compares the p95s round by round (the two organisations' i-th runs, back to back) and takes the median round", () => {
    const run = (ms: number, count = 50) => ({ latencies: Array.from({ length: count }, () => ms), seconds: 2, bytes: 0, non2xx: 0, errors: 0 });
    // The machine slowed down in the middle round for both: the ratio stays 1.
    expect(pairedP95Ratio([run(100), run(300), run(100)], [run(100), run(300), run(100)])).toBe(1);
    // The pooled p95s would say 2 here (demo's median 100, 10k's 200) though each round is even but one.
    expect(pairedP95Ratio([run(100), run(200), run(100)], [run(100), run(200), run(400)])).toBe(1);
    // A page that is slower at 10k in most rounds is slower.
    expect(pairedP95Ratio([run(100), run(100), run(100)], [run(150), run(160), run(100)])).toBe(1.5);
    // Rounds without an answer on one side are left out; none left: no ratio.
    expect(pairedP95Ratio([run(100), run(100, 0)], [run(120), run(100)])).toBe(1.2);
    expect(pairedP95Ratio([run(100, 0)], [run(100)])).toBeNull();
  });

  it("answers nothing measurable for runs that got no answer", () => {
    const m = pool([{ latencies: [], seconds: 2, bytes: 0, non2xx: 0, errors: 5 }]);
    expect(m.requests).toBe(0);
    expect(m.rps).toBe(0);
    expect(Number.isNaN(m.p95)).toBe(true);
  });
});

describe("percentile and ratio", () => {
  it("nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });
  it("ratio is null without a demo value", () => {
    expect(ratio(20, 10)).toBe(2);
    expect(ratio(20, 0)).toBeNull();
    expect(ratio(undefined, 10)).toBeNull();
  });
});

const health: PageRow = { label: "health", path: "/api/health", demo: m(14, 1800, 700), big: m(14, 1800, 700) };
const chunk: PageRow = { label: "chunk", path: "/_next/static/chunks/a.js", demo: m(4, 6600, 35_000), big: m(5, 6600, 35_000) };
const flat: PageRow = { label: "flat", path: "/my-role", demo: m(100, 600, 50_000), big: m(120, 550, 55_000) };
const growing: PageRow = { label: "growing", path: "/audit", demo: m(200, 100, 60_000), big: m(2230, 9, 1_444_000) };
const action = (p95: number, failures = 0): ActionRow => ({ label: "tick", demo: m(30, 100, 0), big: m(p95, 100, 0), failures: { demo: 0, big: failures } });
const byWhat = (list: ReturnType<typeof checks>, part: string) => list.find((c) => c.what.includes(part))!;

describe("checks against the issue's thresholds", () => {
  it("passes a flat, fast page and fails a growing one, naming it", () => {
    const ok = checks([health, chunk, flat], [action(50)], [{ route: "/", gzip: 100_000 }], { startupMs: { demo: 2000, big: 2500 }, rssMb: { demo: 200, big: 250 } });
    expect(ok.every((c) => c.pass)).toBe(true);

    const bad = checks([health, chunk, flat, growing], [action(150)], [{ route: "/roles/[slug]/edit", gzip: 200_000 }], { startupMs: { demo: 2000, big: 4000 }, rssMb: { demo: 200, big: 400 } });
    expect(byWhat(bad, "p95 at 10k")).toMatchObject({ pass: false, detail: "growing 11.2×" });
    expect(byWhat(bad, "bytes at 10k").detail).toContain("growing");
    expect(byWhat(bad, "% of /api/health")).toMatchObject({ pass: false });
    expect(byWhat(bad, "% of /api/health").detail).toMatch(/^growing 6 %\/1 %$/);
    expect(byWhat(bad, "no HTML response over").detail).toContain("growing");
    expect(byWhat(bad, "Server Action")).toMatchObject({ pass: false });
    expect(byWhat(bad, "client JS").detail).toContain("/roles/[slug]/edit");
    expect(byWhat(bad, "memory").pass).toBe(false);
    expect(byWhat(bad, "healthy answer").pass).toBe(false);
  });
  it("the static chunk and /api/health are not judged as pages", () => {
    const slowChunk: PageRow = { ...chunk, big: m(50, 600, 35_000) };
    expect(checks([health, slowChunk, flat], [], [], null).find((c) => c.what.startsWith("p95"))!.pass).toBe(true);
  });
  it("judges the round-by-round p95 ratio when there is one, and never a reference row", () => {
    const evenByRounds: PageRow = { ...growing, p95Ratio: 1.1 };
    expect(byWhat(checks([health, evenByRounds], [], [], null), "p95 at 10k").pass).toBe(true);
    expect(pageTable([health, evenByRounds]).find((l) => l.startsWith("| growing"))).toContain("| 200 ms | 2,230 ms | 1.1 |");
    const slowerByRounds: PageRow = { ...flat, p95Ratio: 1.6 };
    expect(byWhat(checks([health, slowerByRounds], [], [], null), "p95 at 10k")).toMatchObject({ pass: false, detail: `${flat.label} 1.6×` });
    const floor: PageRow = { ...growing, label: "not-found page", reference: true, demo: m(200, 60, 7_000, { non2xx: 100 }), big: m(200, 60, 7_000, { non2xx: 100 }) };
    const list = checks([health, flat, floor], [], [], null);
    for (const part of ["p95 at 10k", "bytes at 10k", "% of /api/health", "2xx"]) expect(byWhat(list, part).detail).not.toContain("not-found");
    expect(pageTable([health, floor]).some((l) => l.startsWith("| not-found page"))).toBe(true);
  });
  it("a page with no answer at 10k fails, as does a Server Action that did not say ok", () => {
    const none: PageRow = { label: "whose", path: "/whose-task", demo: m(300, 60, 50_000), big: m(NaN, 0, 0, { requests: 0, errors: 20 }) };
    const list = checks([health, none], [action(50, 3)], [], null);
    expect(byWhat(list, "p95 at 10k").pass).toBe(false);
    expect(byWhat(list, "2xx").pass).toBe(false);
    expect(byWhat(list, "Server Action").detail).toContain("3 failed");
  });
  it("judges no Server Action only when --only left none to time; a full run without any fails", () => {
    const has = (only: string | null) => checks([health], [], [], null, [], only).some((c) => c.what.includes("Server Action"));
    expect(has("person")).toBe(false);
    expect(has(null)).toBe(true);
    expect(byWhat(checks([health], [], [], null), "Server Action").pass).toBe(false);
    expect(byWhat(checks([health], [action(150)], [], null, [], "draft"), "Server Action").pass).toBe(false);
  });
});

describe("the report", () => {
  it("the table shows ratio, share of health and 'no answer'", () => {
    const none: PageRow = { label: "whose", path: "/whose-task", demo: m(300, 60, 50_000), big: m(NaN, 0, 0, { requests: 0 }) };
    const lines = pageTable([health, growing, none]);
    expect(lines[0]).toMatch(/^\| page \(as\) \| demo p95 \| 10k p95 \| 10k \/ demo/);
    expect(lines.find((l) => l.startsWith("| growing"))).toContain("| 200 ms | 2,230 ms | 11.2 |");
    expect(lines.find((l) => l.startsWith("| growing"))).toContain("| 6 % | 1 % |");
    expect(lines.find((l) => l.startsWith("| whose"))).toContain("| no answer |");
  });
  it("RESULTS.md has every section and a pass/fail line per threshold", () => {
    const md = markdown({ args: parseArgs(["--quick"]), date: "2026-12-02 12:00 UTC", machine: "2 cores", pages: [health, flat], actions: [action(50)], js: [{ route: "/", gzip: 1000 }], resources: { startupMs: { demo: 1000, big: 1000 }, rssMb: { demo: 100, big: 100 } }, notes: ["noisy"] });
    for (const h of ["## Pages", "## Server Actions", "## Client JavaScript per route", "## Resources", "## Against the issue's thresholds"]) expect(md).toContain(h);
    expect(md).toContain("--quick");
    expect(md).toContain("- noisy");
    expect(md.match(/\| (pass|\*\*FAIL\*\*) \|/g)!.length).toBe(9);
  });
});

describe("Lighthouse (point 5)", () => {
  const lh = (label: string, performance: number | null, accessibility: number | null, preset: "desktop" | "mobile" = "desktop", error: string | null = null): LighthouseRow => ({ label, path: "/x", preset, performance, accessibility, error });
  it("runs by default; --no-lighthouse skips it and --lighthouse-mobile adds the mobile preset", () => {
    expect(parseArgs([])).toMatchObject({ lighthouse: true, lighthouseMobile: false });
    expect(parseArgs(["--quick", "--no-lighthouse"])).toMatchObject({ lighthouse: false, quick: true });
    expect(parseArgs(["--lighthouse-mobile"])).toMatchObject({ lighthouse: true, lighthouseMobile: true });
  });
  it("judges the desktop scores: performance at least 95, accessibility 100; mobile is only reported", () => {
    const find = (rows: LighthouseRow[], what: string) => checks([], [], [], null, rows).find((c) => c.what.includes(what))!;
    const good = [lh("sign-in", 100, 100), lh("My role", 96, 100), lh("My role", 60, 100, "mobile")];
    expect(find(good, "performance").pass).toBe(true);
    expect(find(good, "accessibility").pass).toBe(true);
    const bad = [lh("sign-in", 94, 100), lh("People", 99, 98), lh("role page", null, null, "desktop", "landed on /sign-in")];
    expect(find(bad, "performance")).toMatchObject({ pass: false, detail: "sign-in 94, role page landed on /sign-in" });
    expect(find(bad, "accessibility")).toMatchObject({ pass: false, detail: "People 98, role page landed on /sign-in" });
    // not run: no Lighthouse check at all rather than a pass
    expect(checks([], [], [], null, []).some((c) => c.what.includes("Lighthouse"))).toBe(false);
  });
  it("lists each run with its preset, and says when a run failed", () => {
    expect(lighthouseTable([lh("sign-in", 100, 100), lh("People", null, null, "mobile", "timeout")]).slice(2)).toEqual(["| sign-in | desktop | 100 | 100 |", "| People | mobile | failed: timeout | — |"]);
  });
});

describe("every page's size (point 3: no HTML response over 100 KB)", () => {
  const row = (route: string, demo: number, big: number): SizeRow => ({ route, as: "hr", demo, big });
  it("surveys each page without an id in its path, route groups removed, Next's error pages left out", () => {
    expect(surveyRoutes(["/(portal)/readiness/page", "/(portal)/(home)/page", "/(portal)/people/[id]/page", "/(portal)/people/(list)/page", "/_not-found/page", "/api/health/route", "/(auth)/sign-in/page"])).toEqual([
      "/",
      "/people",
      "/readiness",
      "/sign-in",
    ]);
  });
  it("judges every surveyed page against 100 KB, and only when there was a survey", () => {
    const find = (sizes: SizeRow[]) => checks([], [], [], null, [], null, sizes).find((c) => c.what.includes("every page surveyed"));
    expect(find([row("/a", 50_000, 60_000), row("/b", 102_400, 90_000)])).toMatchObject({ pass: true });
    expect(find([row("/a", 50_000, 60_000), row("/readiness", 330_000, 310_000)])).toMatchObject({ pass: false, detail: "`/readiness` (hr) 322 KB" });
    expect(find([])).toBeUndefined();
  });
  it("shows the large and the growing pages, largest first, then counts the rest", () => {
    const lines = sizeTable([row("/small", 20_000, 21_000), row("/grows", 20_000, 40_000), row("/large", 90_000, 200_000)]);
    expect(lines.slice(2)).toEqual([
      "| `/large` (hr) | 88 KB | 195 KB | 2.2 | **no** |",
      "| `/grows` (hr) | 20 KB | 39 KB | 2.0 | yes |",
      "| (1 more pages, each at most 60 KB and growing at most 1.2×) | | | | |",
    ]);
  });
});
