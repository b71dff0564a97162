import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/**
 * A second Rolebook server for specs that need their own environment (a real SMTP server, a
 * kill -9): `npm start`'s script on its own port and database file, in its own process group so a
 * kill reaches `next start` too. The production build made for the main e2e server is reused.
 */
export async function startAppServer(options: { port: number; databasePath: string; env?: Record<string, string> }) {
  const url = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | null = null;
  const output: string[] = [];

  async function start() {
    const { NODE_ENV: _n, ...inherited } = process.env;
    const c = spawn("node", ["scripts/start.mjs"], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...inherited, PORT: String(options.port), DATABASE_PATH: options.databasePath, APP_URL: url, ...options.env } as unknown as NodeJS.ProcessEnv,
    });
    child = c;
    c.stdout?.on("data", (d) => output.push(String(d)));
    c.stderr?.on("data", (d) => output.push(String(d)));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (c.exitCode !== null) throw new Error(`server exited: ${output.join("")}`);
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`server did not start: ${output.join("")}`);
  }

  /** Kills the whole process group (the start script and `next start`) and waits for it to go. */
  async function kill(signal: NodeJS.Signals = "SIGKILL") {
    const c: ChildProcess | null = child;
    if (!c?.pid || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    try {
      process.kill(-c.pid, signal);
    } catch {
      // already gone
    }
    await exited;
    // `next start` may outlive the script by a moment: wait until the port is free.
    for (let i = 0; i < 40; i++) {
      try {
        await fetch(`${url}/api/health`);
        await new Promise((r) => setTimeout(r, 250));
      } catch {
        return;
      }
    }
  }

  await start();
  return { url, start, kill, output };
}
export type AppServer = Awaited<ReturnType<typeof startAppServer>>;
