// Shared by start and test: the defaults that let `npm start` run with no env var set.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** AUTH_SECRET, generated once into data/auth-secret when unset, and AUTH_TRUST_HOST. */
export function serverEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  if (!env.AUTH_SECRET) {
    const dir = path.join(root, "data");
    const file = path.join(dir, "auth-secret");
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
    }
    env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
  }
  env.AUTH_TRUST_HOST ??= "true";
  env.NEXT_TELEMETRY_DISABLED ??= "1";
  return env;
}

export const bin = (name) => path.join(root, "node_modules", ".bin", name);

/**
 * Node flags for the server process: a heap cap (issue 15, point 6: at most 300 MB resident after
 * load). V8 otherwise grows the heap far past what the pages need before it collects. 256 MB is about
 * twice the live heap of a server that has loaded every route (128 ran out of memory after the whole
 * end-to-end suite). ROLEBOOK_HEAP_MB changes the cap; a --max-old-space-size in NODE_OPTIONS wins,
 * and so does a --max-semi-space-size there over the young generation's 8 MB.
 */
export function serverNodeArgs(env = process.env) {
  const options = env.NODE_OPTIONS ?? "";
  const mb = Number(env.ROLEBOOK_HEAP_MB ?? 256);
  const heap = options.includes("--max-old-space-size") || !(Number.isInteger(mb) && mb >= 64) ? [] : [`--max-old-space-size=${mb}`];
  // The young generation: V8 lets each semi-space grow to 16 MB under a render-heavy load; at 8 MB
  // the server stayed 12–24 MB smaller after the bench's pages at 10,000 people, for a few percent
  // of throughput (measured twice each way on this machine).
  const young = options.includes("--max-semi-space-size") ? [] : ["--max-semi-space-size=8"];
  return [...heap, ...young];
}
