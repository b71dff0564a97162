/**
 * npm run bench [-- --quick] (issue 15): builds if no build exists, prepares the demo and the
 * generated large organisation (cached by seed under data/bench/), starts two production servers
 * (scripts/server.mjs) side by side, signs in the demo accounts, loads each main page with
 * autocannon as the person who sees it (demo and large interleaved), times the main Server
 * Actions, measures client JavaScript per route, runs Lighthouse (./lighthouse.ts) on four pages
 * before the load, memory and start-up time, prints the table and
 * writes bench/RESULTS.md. Options: see parseArgs in ./report.ts.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { bin, root, serverEnv, serverNodeArgs } from "../env.mjs";
import { generateFile } from "./generate";
import { runLighthouse } from "./lighthouse";
import { type ActionRow, type JsRow, type LighthouseRow, type Measure, type PageRow, type SizeRow, type Slice, kb, sizeTable, surveyRoutes, lighthouseTable, markdown, pageTable, actionTable, jsTable, checks, pairedP95Ratio, parseArgs, percentile, pool, sliceOrder } from "./report";

const DEMO_PASSWORD = "rolebook-demo";
const args = parseArgs(process.argv.slice(2));
const started = Date.now();
const log = (msg: string) => console.log(`bench [${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`);
const notes: string[] = [];
const serverErrors = new Set<string>();

// ---------- build and databases ----------

function ensureBuild() {
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  log("no build found, building (a few minutes)…");
  const r = spawnSync(bin("next"), ["build"], { cwd: root, env: serverEnv(), stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** What the databases are made from: migrations and the demo seed (and, for the large one, the generator). */
function sourceHash(withGenerator: boolean): string {
  const h = crypto.createHash("sha256");
  const files = [
    ...fs.readdirSync(path.join(root, "db", "migrations"), { recursive: true }).map((f) => path.join("db", "migrations", String(f))),
    ...fs.readdirSync(path.join(root, "db")).filter((f) => f.startsWith("seed") && f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join("db", f)),
    ...(withGenerator ? [path.join("scripts", "bench", "generate.ts")] : []),
  ].sort();
  for (const f of files) {
    const full = path.join(root, f);
    if (fs.statSync(full).isFile()) h.update(f).update(fs.readFileSync(full));
  }
  return h.digest("hex").slice(0, 12);
}

function prepareDatabases(): { demo: string; big: string } {
  const dir = path.join(root, "data", "bench");
  fs.mkdirSync(dir, { recursive: true });
  const demoCache = path.join(dir, `demo-${sourceHash(false)}.db`);
  const bigCache = path.join(dir, `big-${args.seed}-${args.people}-${sourceHash(true)}.db`);
  if (!fs.existsSync(demoCache)) {
    log("seeding the demo database…");
    const tmp = `${demoCache}.tmp`;
    for (const s of ["", "-wal", "-shm"]) fs.rmSync(tmp + s, { force: true });
    const r = spawnSync(bin("tsx"), ["--conditions=react-server", "db/prepare.ts"], { cwd: root, env: serverEnv({ DATABASE_PATH: tmp }), stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
    fs.renameSync(tmp, demoCache);
  }
  if (!fs.existsSync(bigCache)) {
    log(`generating the large organisation (seed ${args.seed}, ${args.people} people)…`);
    const t = Date.now();
    generateFile(demoCache, `${bigCache}.tmp`, { seed: args.seed, people: args.people, teams: Math.min(300, args.people) });
    fs.renameSync(`${bigCache}.tmp`, bigCache);
    notes.push(`Generating the large organisation took ${((Date.now() - t) / 1000).toFixed(1)} s (cached by seed for the next run)`);
  }
  // Work on copies: the Server Actions write.
  const copy = (from: string, name: string) => {
    const to = path.join(dir, name);
    for (const s of ["", "-wal", "-shm"]) fs.rmSync(to + s, { force: true });
    fs.copyFileSync(from, to);
    return to;
  };
  return { demo: copy(demoCache, "run-demo.db"), big: copy(bigCache, "run-big.db") };
}

interface Fixtures {
  askers: { email: string; ackId: number; revision: number }[];
  items: { itemId: number; planId: number; done: boolean }[];
  roles: { slug: string; doc: string }[];
}

/** Picks (and puts into the right state) what the Server Actions work on: one record per user. */
function fixtures(file: string): Fixtures {
  const db = new Database(file);
  try {
    const askers = db
      .prepare(
        `SELECT a.id AS ackId, a.revision AS revision, p.email AS email FROM acknowledgements a JOIN people p ON p.id = a.person_id
         WHERE p.active = 1 AND p.email NOT IN ('hr@example.com', 'manager@example.com') AND a.id = (SELECT min(id) FROM acknowledgements WHERE person_id = p.id)
         ORDER BY p.id LIMIT ${args.actionConnections}`,
      )
      .all() as Fixtures["askers"];
    const setState = db.prepare("UPDATE acknowledgements SET state = 'clarification' WHERE id = ?");
    for (const a of askers) setState.run(a.ackId);
    const items = (
      db
        .prepare(
          `SELECT i.id AS itemId, i.onboarding_id AS planId, i.done_at IS NOT NULL AS done FROM onboarding_items i JOIN onboardings o ON o.id = i.onboarding_id
           WHERE o.status = 'open' ORDER BY o.id, i.position LIMIT ${args.actionConnections}`,
        )
        .all() as { itemId: number; planId: number; done: number }[]
    ).map((i) => ({ ...i, done: !!i.done }));
    const roles = db
      .prepare(`SELECT r.slug AS slug, v.content AS doc FROM job_roles r JOIN role_versions v ON v.job_role_id = r.id AND v.number = r.current_version ORDER BY r.id LIMIT ${args.actionConnections}`)
      .all() as Fixtures["roles"];
    db.prepare(`DELETE FROM role_drafts WHERE job_role_id IN (SELECT id FROM job_roles ORDER BY id LIMIT ${args.actionConnections})`).run();
    return { askers, items, roles };
  } finally {
    db.close();
  }
}

// ---------- servers ----------

interface Server {
  name: string;
  base: string;
  port: number;
  proc: ChildProcess;
  startupMs: number;
}

async function startServer(name: string, port: number, dbFile: string): Promise<Server> {
  // scripts/server.mjs sets NODE_ENV=production itself.
  // SCHEDULER=off: the daily jobs would otherwise catch up inside the measurements (at 10,000 people
  // the first run of the reminders writes some 25,000 notifications and their emails).
  const env = serverEnv({ PORT: String(port), DATABASE_PATH: dbFile, SCHEDULER: "off" });
  const t = Date.now();
  const proc = spawn(process.execPath, [...serverNodeArgs(env), path.join(root, "scripts", "server.mjs")], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  // What the server logs as errors goes into the report's notes (once per distinct line).
  proc.stderr?.setEncoding("utf8");
  proc.stderr?.on("data", (text: string) => {
    process.stderr.write(text);
    for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 3)) {
      const note = `The ${name} server logged: \`${line.slice(0, 160).replace(/`/g, "'")}\``;
      if (!serverErrors.has(note) && serverErrors.size < 8) serverErrors.add(note);
    }
  });
  const base = `http://localhost:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the ${name} server exited (${proc.exitCode}); is port ${port} free?`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - t > 120_000) throw new Error(`the ${name} server did not answer /api/health within 2 minutes`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return { name, base, port, proc, startupMs: Date.now() - t };
}

function rssMb(proc: ChildProcess): number {
  const status = fs.readFileSync(`/proc/${proc.pid}/status`, "utf8");
  const kbs = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kbs / 1024;
}

/** Auth.js credentials sign-in over HTTP; answers the Cookie header of the session. */
async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/" }).toString(),
  });
  keep(res);
  const location = res.headers.get("location") ?? "";
  if (location.includes("/sign-in") || ![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`sign-in as ${email} on ${base} failed (${res.status} → ${location})`);
  }
  return cookie();
}

// ---------- pages ----------

interface Page {
  label: string;
  path: string;
  as: string | null;
  /** The status the page answers (the reference not-found page: 404); 2xx when unset. */
  status?: number;
  reference?: boolean;
}

/**
 * One autocannon run against a page. Its length is taken up to the last answer, not the whole
 * duration: autocannon drops the requests still in flight when the time is up (one per connection),
 * which for a page answering in half a second would hide a good part of a short run's work.
 */
function measure(url: string, cookie: string | null, duration: number, connections: number): Promise<Slice> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let bytes = 0;
    const start = performance.now();
    let last = start;
    const instance = autocannon(
      { url, connections, duration, timeout: Math.max(10, duration), headers: cookie ? { cookie } : {} },
      (err: Error | null, result: autocannon.Result) => {
        if (err) return reject(err);
        const seconds = latencies.length ? (last - start) / 1000 : result.duration || duration;
        resolve({ latencies, seconds, bytes, non2xx: result.non2xx, errors: result.errors + result.timeouts });
      },
    );
    instance.on("response", (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
      latencies.push(responseTime);
      bytes += resBytes;
      last = performance.now();
    });
  });
}

/** The /_next/static scripts a page's HTML loads in a modern browser (the noModule polyfills left out). */
function moduleScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => !/\bnomodule\b/i.test(tag))
    .map((tag) => /\bsrc="(\/_next\/static\/[^"?]+\.js)/.exec(tag)?.[1])
    .filter((src): src is string => !!src);
}

/** Gzipped bytes of the scripts a page's HTML loads (a cross-check of the manifest-based sizes). */
function scriptTagsGzip(html: string): number {
  const files = new Set(moduleScripts(html).map((src) => src.replace(/^\/_next\//, "")));
  let total = 0;
  for (const f of files) {
    const full = path.join(root, ".next", f);
    if (fs.existsSync(full)) total += zlib.gzipSync(fs.readFileSync(full), { level: 9 }).length;
  }
  return total;
}
const scriptTags = new Map<string, number>();

async function checkPage(base: string, page: Page, cookie: string | null): Promise<string | null> {
  const res = await fetch(base + page.path, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await res.text();
  if ((res.headers.get("content-type") ?? "").includes("text/html")) scriptTags.set(page.path.split("?")[0], scriptTagsGzip(html));
  const expected = page.status ? res.status === page.status : res.status >= 200 && res.status < 300;
  return expected ? null : `${page.label} answered ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""} on ${base}`;
}

/**
 * Every page's size (point 3's 100 KB; point 2's growth): each page of the build without an id in
 * its path, fetched once as each account on both servers; an answer other than 200 (a page the
 * account may not open, a redirect) is left out. The largest answer per page is kept.
 */
async function surveySizes(servers: { demo: Server; big: Server }, cookies: Record<"demo" | "big", Record<string, string>>, accounts: string[]): Promise<SizeRow[]> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const rows: SizeRow[] = [];
  for (const route of surveyRoutes(Object.keys(manifest))) {
    let best: SizeRow | null = null;
    for (const as of accounts) {
      const size = async (key: "demo" | "big") => {
        const res = await fetch(servers[key].base + route, { headers: { cookie: cookies[key][as]! }, redirect: "manual" });
        const body = await res.arrayBuffer();
        return res.status === 200 && (res.headers.get("content-type") ?? "").includes("text/html") ? body.byteLength : null;
      };
      // The two servers side by side, one request each (the survey is a fifth of --quick's time otherwise).
      const [demoBytes, bigBytes] = await Promise.all([size("demo"), size("big")]);
      if (demoBytes === null || bigBytes === null) continue;
      if (!best || Math.max(demoBytes, bigBytes) > Math.max(best.demo, best.big)) best = { route, as, demo: demoBytes, big: bigBytes };
    }
    if (best) rows.push(best);
  }
  return rows;
}

// ---------- Server Actions ----------

/** The Server Action ids by exported name, from the build's manifest. */
function actionIds(): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName) ids.set(entry.exportedName, id);
  return ids;
}

interface ActionUser {
  cookie: string;
  path: string;
  /** The argument of each call; the previous answer's data passed in (a revision to follow). */
  next: (previous: unknown) => unknown;
}

async function callAction(base: string, id: string, user: ActionUser, input: unknown, signal: AbortSignal): Promise<{ ok: boolean; data: unknown; ms: number }> {
  const t = performance.now();
  let res: Response;
  let body: string;
  try {
    res = await fetch(base + user.path, {
      method: "POST",
      headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: base, cookie: user.cookie },
      body: JSON.stringify([null, input]),
      signal,
    });
    body = await res.text();
  } catch {
    // Still running well after the run's end: counted as a failure, with the time it had taken.
    return { ok: false, data: null, ms: performance.now() - t };
  }
  const ms = performance.now() - t;
  // The flight answer's line 1 is the action's result: {"ok":true,"data":…}.
  const line = body.split("\n").find((l) => l.startsWith("1:"));
  let parsed: { ok?: boolean; data?: unknown } = {};
  try {
    parsed = line ? JSON.parse(line.slice(2)) : {};
  } catch {
    parsed = {};
  }
  return { ok: res.ok && parsed.ok === true, data: parsed.data, ms };
}

async function loadAction(base: string, id: string, users: ActionUser[], duration: number): Promise<{ m: Measure; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  const end = Date.now() + duration * 1000;
  const t = Date.now();
  // Calls still in flight 5 s after the end are cut off (and counted as failures).
  const signal = AbortSignal.timeout(duration * 1000 + 5000);
  await Promise.all(
    users.map(async (user) => {
      let previous: unknown = null;
      while (Date.now() < end) {
        const r = await callAction(base, id, user, user.next(previous), signal);
        latencies.push(r.ms);
        if (r.ok) previous = r.data;
        else failures++;
      }
    }),
  );
  const n = latencies.length;
  return { m: { p95: percentile(latencies, 95), rps: n / ((Date.now() - t) / 1000), bytes: 0, non2xx: 0, errors: 0, requests: n }, failures };
}

// ---------- client JavaScript ----------

/** Each route's client JavaScript, gzipped, from the build's client reference manifests. */
function jsSizes(): JsRow[] {
  const appDir = path.join(root, ".next", "server", "app");
  const gz = new Map<string, number>();
  const size = (file: string) => {
    if (!gz.has(file)) {
      const full = path.join(root, ".next", file.replace(/^\/?_next\//, ""));
      gz.set(file, fs.existsSync(full) ? zlib.gzipSync(fs.readFileSync(full), { level: 9 }).length : 0);
    }
    return gz.get(file)!;
  };
  const rows: JsRow[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === "page_client-reference-manifest.js") {
        const text = fs.readFileSync(full, "utf8");
        const route = "/" + path.relative(appDir, dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/");
        const files = new Set<string>();
        for (const m of text.matchAll(/"((?:\/_next\/)?static\/[^"]+?\.js)"/g)) files.add(m[1].replace(/^\/_next\//, ""));
        // The shared chunks every page loads (the framework, main, polyfills are in rootMainFiles).
        for (const f of shared) files.add(f);
        rows.push({ route: route === "/" ? "/" : route.replace(/\/$/, ""), gzip: [...files].reduce((s, f) => s + size(f), 0) });
      }
    }
  };
  const buildManifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "build-manifest.json"), "utf8")) as { rootMainFiles?: string[]; polyfillFiles?: string[] };
  const shared = [...(buildManifest.rootMainFiles ?? [])];
  walk(appDir);
  return rows;
}

// ---------- main ----------

async function main() {
  ensureBuild();
  const files = prepareDatabases();
  const fx = { demo: fixtures(files.demo), big: fixtures(files.big) };
  log(`starting the servers on ports ${args.port} (demo) and ${args.port + 1} (10k)…`);
  const servers: Server[] = [];
  const stop = () => {
    for (const s of servers) if (s.proc.exitCode === null) s.proc.kill("SIGTERM");
  };
  process.on("exit", stop);
  process.on("SIGINT", () => process.exit(130));
  // One at a time, so each start-up time is the server's own.
  servers.push(await startServer("demo", args.port, files.demo));
  servers.push(await startServer("10k", args.port + 1, files.big));
  const [demo, big] = servers;
  log(`healthy after ${demo.startupMs} ms (demo) and ${big.startupMs} ms (10k)`);

  const accounts = ["hr", "manager", "supervisor", "employee"];
  const cookies: Record<string, Record<string, string>> = { demo: {}, big: {} };
  for (const [key, s] of [["demo", demo], ["big", big]] as const) {
    for (const a of accounts) cookies[key][a] = await signIn(s.base, `${a}@example.com`);
  }

  // A static chunk: the first script of the sign-in page.
  const signInHtml = await (await fetch(`${demo.base}/sign-in`)).text();
  const chunk = moduleScripts(signInHtml)[0] ?? "/_next/static/chunks/missing.js";
  const pages: Page[] = [
    { label: "`/api/health`", path: "/api/health", as: null },
    { label: "a static JS chunk", path: chunk, as: null },
    { label: "My role (employee)", path: "/my-role", as: "employee" },
    { label: "role page (HR)", path: "/roles/service-advisor", as: "hr" },
    { label: "person page (HR)", path: "/people/2", as: "hr" },
    { label: "audit log (HR)", path: "/audit", as: "hr" },
    { label: "onboarding tasks (HR)", path: "/onboarding/tasks", as: "hr" },
    { label: "answers tracking (manager)", path: "/roles/service-advisor/versions/2/tracking", as: "manager" },
    { label: "whose task? (employee)", path: "/whose-task?q=customer", as: "employee" },
    { label: "whose task? (manager)", path: "/whose-task?q=customer", as: "manager" },
    { label: "onboarding overview (HR)", path: "/onboarding", as: "hr" },
    { label: "People (HR)", path: "/people", as: "hr" },
    // The floor under every page: a signed-in person's not-found page is the root layout, the proxy's
    // session check and Next's rendering, with nothing of a page in it (shown, not judged).
    { label: "not-found page (employee; reference: nothing but the root layout)", path: "/bench-reference-not-found", as: "employee", status: 404, reference: true },
  ].filter((p) => !args.only || p.label.includes(args.only) || p.path === "/api/health");

  for (const p of pages) {
    for (const [key, s] of [["demo", demo], ["big", big]] as const) {
      const problem = await checkPage(s.base, p, p.as ? cookies[key][p.as] : null);
      if (problem) notes.push(`Check before loading: ${problem}`);
    }
  }

  // Every page's size, once per account (skipped with --only: a quick check of one page).
  let sizes: SizeRow[] = [];
  if (!args.only) {
    log("every page's size, as each account…");
    sizes = await surveySizes({ demo, big }, cookies, accounts);
  }

  // Lighthouse first, on the quiet demo server (point 5: sign-in, My role, a role page, People).
  let lighthouse: LighthouseRow[] = [];
  if (args.lighthouse) {
    lighthouse = await runLighthouse(
      demo.base,
      [
        { label: "sign-in", path: "/sign-in", cookie: null },
        { label: "My role (employee)", path: "/my-role", cookie: cookies.demo.employee },
        { label: "role page (HR)", path: "/roles/service-advisor", cookie: cookies.demo.hr },
        { label: "People (HR)", path: "/people", cookie: cookies.demo.hr },
      ],
      args.lighthouseMobile ? ["desktop", "mobile"] : ["desktop"],
      log,
    );
  }

  const rows: PageRow[] = [];
  const byKey = { demo, big };
  for (const p of pages) {
    log(`${p.label}: ${args.slices} × (demo, 10k) runs of ${(args.duration / args.slices).toFixed(1)} s…`);
    const slices: Record<"demo" | "big", Slice[]> = { demo: [], big: [] };
    for (const key of sliceOrder(args.slices)) {
      slices[key].push(await measure(byKey[key].base + p.path, p.as ? cookies[key][p.as] : null, args.duration / args.slices, args.connections));
    }
    rows.push({ label: p.label, path: p.path, demo: pool(slices.demo), big: pool(slices.big), p95Ratio: pairedP95Ratio(slices.demo, slices.big), ...(p.reference ? { reference: true } : {}) });
  }

  // Server Actions, 5 users each.
  const ids = actionIds();
  const actions: ActionRow[] = [];
  const actionSpecs: { label: string; name: string; users: (key: "demo" | "big", s: Server) => Promise<ActionUser[]> }[] = [
    {
      label: "tick an onboarding item (HR)",
      name: "setItemDoneAction",
      users: async (key) =>
        fx[key].items.map((it) => {
          let done = it.done;
          return { cookie: cookies[key].hr, path: `/onboarding/${it.planId}`, next: () => ({ itemId: it.itemId, planId: it.planId, done: (done = !done) }) };
        }),
    },
    {
      label: "answer a change (holder asks)",
      name: "askAction",
      users: async (key, s) =>
        Promise.all(
          fx[key].askers.map(async (a) => {
            const cookie = await signIn(s.base, a.email);
            let revision = a.revision;
            return { cookie, path: `/changes/${a.ackId}`, next: (prev: unknown) => ({ id: a.ackId, revision: prev === null ? revision : ++revision, body: "Does this apply on Saturdays too?" }) };
          }),
        ),
    },
    {
      label: "save a role draft (HR)",
      name: "saveDraftAction",
      users: async (key) =>
        fx[key].roles.map((r, i) => {
          let n = 0;
          return {
            cookie: cookies[key].hr,
            path: `/roles/${r.slug}/edit`,
            next: (prev: unknown) => {
              const doc = JSON.parse(r.doc) as { purpose?: string };
              doc.purpose = `${doc.purpose ?? ""} (bench ${i}.${n++})`;
              return { slug: r.slug, revision: (prev as { revision?: number } | null)?.revision ?? 0, doc: JSON.stringify(doc) };
            },
          };
        }),
    },
  ];
  for (const spec of actionSpecs.filter((a) => !args.only || a.label.includes(args.only))) {
    const id = ids.get(spec.name);
    const row: ActionRow = { label: spec.label, demo: null, big: null, failures: { demo: 0, big: 0 } };
    if (!id) notes.push(`No Server Action named ${spec.name} in the build's manifest`);
    else {
      for (const [key, s] of [["demo", demo], ["big", big]] as const) {
        log(`${spec.label} on ${s.name}…`);
        const users = await spec.users(key, s);
        if (users.length === 0) {
          notes.push(`${spec.label}: nothing to act on in the ${s.name} database`);
          continue;
        }
        const r = await loadAction(s.base, id, users, args.actionDuration);
        row[key] = r.m;
        row.failures[key] = r.failures;
      }
    }
    actions.push(row);
  }

  const healthRow = rows.find((r) => r.path === "/api/health");
  if (healthRow?.demo && healthRow.demo.rps < 1000) {
    notes.push(
      `The machine was busy: \`/api/health\` served only ${Math.round(healthRow.demo.rps)} req/s (issue 15 measured 1,800 on this machine when quiet); compare the shares of health and the ratios rather than the milliseconds, and rerun on a quiet machine before drawing conclusions`,
    );
  }
  const resources = { startupMs: { demo: demo.startupMs, big: big.startupMs }, rssMb: { demo: rssMb(demo.proc), big: rssMb(big.proc) } };
  stop();
  const js = jsSizes();
  for (const [route, gzip] of [...scriptTags].slice(0, 3)) {
    const fromManifest = js.find((j) => j.route === route)?.gzip;
    notes.push(`Cross-check of the JS sizes: \`${route}\`'s script tags load ${kb(gzip)} gzipped${fromManifest ? ` (from the build's manifests: ${kb(fromManifest)})` : ""}`);
  }

  const report = {
    args,
    date: new Date().toISOString().replace("T", " ").slice(0, 16) + " UTC",
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; load average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")} (other jobs may share the CPU: numbers are noisy)`,
    pages: rows,
    actions,
    js,
    resources,
    lighthouse,
    sizes,
    notes: [...notes, ...serverErrors],
  };
  console.log(["", ...pageTable(rows), "", ...(sizes.length ? [...sizeTable(sizes), ""] : []), ...actionTable(actions), "", ...jsTable(js, 8), "", ...(lighthouse.length ? [...lighthouseTable(lighthouse), ""] : [])].join("\n"));
  for (const c of checks(rows, actions, js, resources, lighthouse, args.only, sizes)) console.log(`${c.pass ? "pass" : "FAIL"}  ${c.what}${c.detail ? `: ${c.detail}` : ""}`);
  for (const n of report.notes) console.log(`note: ${n}`);
  const out = path.resolve(root, args.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, markdown(report));
  log(`wrote ${path.relative(root, out)}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
