import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { covered, type ClientNamespaces } from "./pick-messages";

export type { ClientNamespaces };
export { namespacesFor, pickMessages } from "./pick-messages";

/*
 * Which message namespaces run in the browser, per area of the app (issue 15: no page ships the
 * whole messages file). A client component's translations are serialised into every page that
 * renders a NextIntlClientProvider, so each area's layout provides only what the client modules
 * reachable from that area use (components/shell/scoped-messages.tsx reads the committed
 * i18n/client-namespaces.json). This module computes that map from the source: the import graph
 * of app/, components/ and lib/, "use client" modules and everything they import, and their
 * `useTranslations("namespace")` calls. The unit test beside it fails when the committed map is
 * stale, when an area that needs namespaces has no layout providing them, or when a client module
 * asks for translations in a way this analysis cannot see.
 *
 * Areas: files directly in app/ or directly in a top-level route group (app/(portal)/layout.tsx,
 * error and not-found pages) are "global": they render above every area layout. Any other file
 * belongs to the area named by its path up to the first segment that is not a route group
 * ("(portal)/roles", "invite", "(portal)/(home)"), unless a deeper folder has a layout that
 * declares its own area (`areaLayout("(portal)/roles/[slug]/edit")`): then the files under that
 * folder belong to it, and its provider (which replaces its parent's) gives them only what they use.
 * Only route files (page, layout, loading, error, not-found, template, default) count: a
 * component under `_components/` adds its namespaces to the areas of the pages that import it,
 * not to the area of the folder it sits in.
 */


const SOURCE_DIRS = ["app", "components", "lib", "i18n"];
const EXTENSIONS = [".tsx", ".ts", ".jsx", ".js", ".mjs"];

type Module = { file: string; client: boolean; imports: string[]; namespaces: string[]; unscoped: string[] };

function walk(dir: string, out: string[]) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      walk(full, out);
    } else if (EXTENSIONS.some((e) => name.endsWith(e)) && !/\.(test|spec)\.tsx?$/.test(name)) {
      out.push(full);
    }
  }
}

function resolveImport(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  for (const ext of EXTENSIONS) if (existsSync(path.join(base, "index" + ext))) return path.join(base, "index" + ext);
  return null;
}

function parse(root: string, file: string): Module {
  const source = readFileSync(file, "utf8");
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const client = /^\s*["']use client["']/.test(code);
  const imports: string[] = [];
  for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (m[0].includes("import type") || /export\s+type\s/.test(m[0])) continue;
    const target = resolveImport(root, file, spec);
    if (target && !target.endsWith(".json")) imports.push(target);
  }
  const namespaces: string[] = [];
  const unscoped: string[] = [];
  for (const m of code.matchAll(/useTranslations\(\s*([^)]*)\)/g)) {
    const arg = m[1].trim();
    const literal = /^["']([A-Za-z0-9_.]+)["']$/.exec(arg);
    if (literal) namespaces.push(literal[1]);
    else unscoped.push(arg || "(none)");
  }
  return { file, client, imports, namespaces, unscoped };
}

/** Route files: what Next renders for a folder. Other files count through the route files that import them. */
const ROUTE_FILE = /^(page|layout|loading|error|not-found|template|default|forbidden|unauthorized)\.(tsx|ts|jsx|js)$/;

/** The area a layout declares (`areaLayout("…")` or `<ScopedMessages area="…">`), if any. */
export function declaredArea(source: string): string | null {
  const named = /areaLayout\("([^"]+)"\)|<ScopedMessages area="([^"]+)">/.exec(source);
  return named ? (named[1] ?? named[2]) : null;
}

/**
 * The area a file under app/ belongs to ("global" above every area layout), or null outside app/.
 * `nested`: folders (relative to app/, "(portal)/roles/[slug]/edit") whose layout declares their
 * own area; a file under one belongs to the deepest.
 */
export function areaOf(relativeFile: string, nested: Iterable<string> = []): string | null {
  const parts = relativeFile.split(/[\\/]/);
  if (parts[0] !== "app") return null;
  const dirs = parts.slice(1, -1);
  if (dirs.length === 0) return "global";
  if (dirs.length === 1 && /^\(.*\)$/.test(dirs[0])) return "global";
  const area: string[] = [];
  for (const d of dirs) {
    area.push(d);
    if (!/^\(.*\)$/.test(d)) break;
    if (area.length === 2) break;
  }
  let best = area.join("/");
  const dirPath = dirs.join("/");
  for (const n of nested) if (n.length > best.length && (dirPath === n || dirPath.startsWith(n + "/"))) best = n;
  return best;
}

export type Analysis = {
  map: ClientNamespaces;
  /** Folders under app/ whose layout declares their own area. */
  nested: string[];
  /** Client-side modules that call useTranslations without a literal namespace. */
  unscoped: { file: string; call: string }[];
};

/** Computes the map from the source tree under `root`. */
export function analyseClientNamespaces(root: string): Analysis {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(root, dir))) walk(path.join(root, dir), files);
  const modules = new Map(files.map((f) => [f, parse(root, f)]));

  // Every module that runs in the browser: "use client" modules and what they import.
  const clientSide = new Set<string>();
  const stack = [...modules.values()].filter((m) => m.client).map((m) => m.file);
  while (stack.length) {
    const f = stack.pop()!;
    if (clientSide.has(f)) continue;
    clientSide.add(f);
    for (const i of modules.get(f)?.imports ?? []) stack.push(i);
  }

  // The client namespaces reachable from a file (through server and client imports).
  const reachCache = new Map<string, Set<string>>();
  const reach = (start: string): Set<string> => {
    const cached = reachCache.get(start);
    if (cached) return cached;
    const seen = new Set<string>();
    const found = new Set<string>();
    const todo = [start];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      const m = modules.get(f);
      if (!m) continue;
      if (clientSide.has(f)) for (const n of m.namespaces) found.add(n);
      todo.push(...m.imports);
    }
    reachCache.set(start, found);
    return found;
  };

  // Folders whose layout declares their own area.
  const nested: string[] = [];
  for (const file of files) {
    const rel = path.relative(root, file);
    if (!rel.startsWith("app" + path.sep) || path.basename(rel) !== "layout.tsx") continue;
    const declared = declaredArea(readFileSync(file, "utf8"));
    const dir = path.dirname(rel).split(path.sep).slice(1).join("/");
    if (declared && declared === dir) nested.push(dir);
  }

  const global = new Set<string>();
  const areas = new Map<string, Set<string>>();
  for (const file of files) {
    const rel = path.relative(root, file);
    if (!ROUTE_FILE.test(path.basename(rel))) continue;
    const area = areaOf(rel, nested);
    if (!area) continue;
    const target = area === "global" ? global : areas.get(area) ?? areas.set(area, new Set()).get(area)!;
    for (const n of reach(file)) target.add(n);
  }

  const sorted = (s: Iterable<string>) => [...new Set(s)].sort();
  const map: ClientNamespaces = { global: sorted(global), areas: {} };
  for (const [area, names] of [...areas].sort(([a], [b]) => a.localeCompare(b))) {
    const extra = sorted([...names].filter((n) => !covered(n, global)));
    if (extra.length) map.areas[area] = extra;
  }

  const unscoped = [...clientSide].flatMap((f) => (modules.get(f)?.unscoped ?? []).map((call) => ({ file: path.relative(root, f), call })));
  return { map, nested, unscoped };
}
