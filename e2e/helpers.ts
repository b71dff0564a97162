import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";

export const DEMO_PASSWORD = "rolebook-demo";

export const DEMO = {
  hr: { email: "hr@example.com", role: "HR Partner" },
  manager: { email: "manager@example.com", role: "Service Manager" },
  supervisor: { email: "supervisor@example.com", role: "Workshop Foreman" },
  employee: { email: "employee@example.com", role: "Service Advisor" },
  newhire: { email: "newhire@example.com", role: "Service Advisor" },
} as const;
export type DemoAccount = keyof typeof DEMO;

/** The database the e2e server runs on (playwright.config.ts passes the same path to it). */
export const E2E_DB_PATH = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db");

/** Opens the e2e server's database for a test's setup or check, and closes it again. */
export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_PATH);
  try {
    db.pragma("busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

export const storageStatePath = (account: DemoAccount) => path.join(__dirname, ".auth", `${account}.json`);

type Tree = { [k: string]: string | Tree };
/** A message from a locale file, so tests follow the real UI text. */
export function message(locale: string, key: string): string {
  const tree = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "i18n", "messages", `${locale}.json`), "utf8")) as Tree;
  const value = key.split(".").reduce<string | Tree>((t, k) => (t as Tree)[k], tree);
  if (typeof value !== "string") throw new Error(`no message ${locale}:${key}`);
  return value;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndWait(page: Page, email: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** A unique suffix for records a test creates. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Today in the demo organisation's zone (Amsterdam), as the app counts days: YYYY-MM-DD. */
export const orgToday = (now = new Date()) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);

/** Where the main e2e server writes its emails (.eml files; playwright.config.ts sets EMAIL_OUTBOX_DIR). */
export function e2eOutboxDir(): string {
  return `${process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db")}.outbox`;
}

/**
 * axe finds no serious or critical violation on the page (the standing rule). Waits for a <title>
 * first: after a client-side navigation (a Server Action's redirect) the new page's title can land a
 * moment after its content. `exclude`: selectors axe cannot enter (a sandboxed iframe).
 */
export async function expectNoSeriousViolations(page: Page, options: { exclude?: string } = {}) {
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page });
  if (options.exclude) builder = builder.exclude(options.exclude);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
