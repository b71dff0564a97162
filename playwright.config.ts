import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const DATABASE_PATH = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db");
/** The main server writes emails as .eml files here (no SMTP_URL): e2e/helpers.ts `e2eOutboxDir`. */
const OUTBOX_DIR = `${DATABASE_PATH}.outbox`;
// A fresh folder per run (in the runner only: workers load this file too).
if (!process.env.TEST_WORKER_INDEX) fs.rmSync(OUTBOX_DIR, { recursive: true, force: true });
const chromium =
  process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "en-GB",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, dependencies: ["setup"], testIgnore: /many-teams\.spec\.ts/ },
    // Adds teams to the shared database (more than a filter lists), so it runs after everything else.
    { name: "many-teams", use: { ...devices["Desktop Chrome"], channel: undefined }, dependencies: ["chromium"], testMatch: /many-teams\.spec\.ts/ },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_PATH,
      EMAIL_OUTBOX_DIR: OUTBOX_DIR,
    },
  },
});
