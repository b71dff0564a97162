import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { waitForHydrationOnNavigation } from "./fixtures";
import { DEMO, message, unique } from "./helpers";
import { startAppServer, type AppServer } from "./support/app-server";
import { startOidcProvider, type OidcProvider } from "./support/oidc";

/*
 * Single sign-on against a real local OpenID provider (issue 14 point 5): oidc-provider on a
 * loopback port, and this spec's own Rolebook server (its own port and fresh demo database) started
 * with the OIDC_* variables. Chromium goes through the provider's login form and back.
 */

test.describe.configure({ mode: "serial" });

const APP_PORT = Number(process.env.E2E_PORT ?? 3100) + 23;
const OIDC_PORT = Number(process.env.E2E_PORT ?? 3100) + 24;
const DB = path.join(os.tmpdir(), `rolebook-e2e-sso-${APP_PORT}.db`);
/*
 * The browser uses "localhost", not 127.0.0.1: Next hands route handlers a URL with a loopback
 * address normalised to "localhost", so Auth.js's callback would compute a redirect_uri that differs
 * from the one its Server Action half sent to the provider (from the Host header).
 */
const APP_URL = `http://localhost:${APP_PORT}`;
const BUTTON = "Sign in with Test ID";
let idp: OidcProvider;
let app: AppServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) fs.rmSync(f, { force: true });
  idp = await startOidcProvider({ port: OIDC_PORT, appUrl: APP_URL, accounts: [] });
  app = await startAppServer({
    port: APP_PORT,
    databasePath: DB,
    env: { APP_URL, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_NAME: "Test ID" },
  });
});

test.afterAll(async () => {
  await app?.kill("SIGTERM");
  await idp?.close();
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) fs.rmSync(f, { force: true });
});

function sql<T>(query: string, ...params: unknown[]): T | undefined {
  const db = new Database(DB);
  try {
    const statement = db.prepare(query);
    return (statement.reader ? statement.get(...params) : statement.run(...params)) as T | undefined;
  } finally {
    db.close();
  }
}

/** The newest audit entry about an SSO sign-in or refusal. */
function lastSsoAudit() {
  return sql<{ action: string; entity_id: string | null; actor_id: number | null; detail: string }>(
    "select action, entity_id, actor_id, detail from audit_log where action like 'security.sso%' order by id desc limit 1",
  );
}

/** A fresh browser (no Rolebook or provider cookies) that signs in through the provider as `email`. */
async function signInWithSso(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: APP_URL, locale: "en-GB" });
  // The provider's development login page imports a web font: no network needed.
  await context.route(/fonts\.googleapis\.com/, (route) => route.abort());
  const page = waitForHydrationOnNavigation(await context.newPage());
  await page.goto("/sign-in");
  await page.getByRole("button", { name: BUTTON }).click();
  // oidc-provider's own login form (any password), then its consent screen.
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.origin === APP_URL);
  return page;
}

test("the sign-in page offers single sign-on when it is configured", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: APP_URL, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await context.close();
});

test("a demo person signs in through the provider by their verified email, audited", async ({ browser }) => {
  idp.accounts.push({ email: DEMO.manager.email, emailVerified: true });
  const page = await signInWithSso(browser, DEMO.manager.email);
  await expect(page.getByTestId("current-user")).toBeVisible();
  const manager = sql<{ id: number }>("select id from people where email = ?", DEMO.manager.email)!;
  const entry = lastSsoAudit()!;
  expect(entry).toMatchObject({ action: "security.ssoSignin", actor_id: manager.id, entity_id: String(manager.id) });
  expect(sql<{ n: number }>("select count(*) as n from sessions where person_id = ? and method = 'sso' and revoked_at is null", manager.id)!.n).toBeGreaterThan(0);
  await page.context().close();
});

test("an email nobody has is refused with a clear message, and nobody is created", async ({ browser }) => {
  const email = `stranger-${unique()}@example.org`;
  idp.accounts.push({ email, emailVerified: true, name: "A Stranger" });
  const page = await signInWithSso(browser, email);
  await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied/);
  await expect(page.getByRole("alert").filter({ hasText: message("en", "signIn.ssoRefused") })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  expect(sql("select id from people where email = ?", email)).toBeUndefined();
  expect(lastSsoAudit()).toMatchObject({ action: "security.ssoRefused" });
  expect(JSON.parse(lastSsoAudit()!.detail)).toMatchObject({ reason: "unknown", email });
  await page.context().close();
});

test("an email the provider has not verified is refused, even a person's", async ({ browser }) => {
  // A second provider account claiming the employee's address, unverified (another login name for the same email).
  idp.accounts.push({ email: DEMO.employee.email, emailVerified: false });
  const page = await signInWithSso(browser, DEMO.employee.email);
  await expect(page.getByRole("alert").filter({ hasText: message("en", "signIn.ssoRefused") })).toBeVisible();
  expect(JSON.parse(lastSsoAudit()!.detail)).toMatchObject({ reason: "unverified" });
  await page.context().close();
});

test("a deactivated person is refused", async ({ browser }) => {
  // This spec's own database: the shared demo accounts of the main server are not touched.
  sql("update people set active = 0 where email = ?", DEMO.supervisor.email);
  idp.accounts.push({ email: DEMO.supervisor.email, emailVerified: true });
  const page = await signInWithSso(browser, DEMO.supervisor.email);
  await expect(page.getByRole("alert").filter({ hasText: message("en", "signIn.ssoRefused") })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  expect(JSON.parse(lastSsoAudit()!.detail)).toMatchObject({ reason: "deactivated" });
  await page.context().close();
});

test("with HR's setting on, an unknown verified email becomes an employee and is signed in", async ({ browser }) => {
  sql("update security_settings set sso_creates_people = 1, revision = revision + 1 where id = 1");
  try {
    const email = `new-starter-${unique()}@example.org`;
    idp.accounts.push({ email, emailVerified: true, name: "Nova Starter" });
    const page = await signInWithSso(browser, email);
    await expect(page.getByTestId("current-user")).toBeVisible();
    const person = sql<{ id: number; name: string; app_role: string; active: number }>("select id, name, app_role, active from people where email = ?", email);
    expect(person).toMatchObject({ name: "Nova Starter", app_role: "employee", active: 1 });
    expect(lastSsoAudit()).toMatchObject({ action: "security.ssoSignin", actor_id: person!.id });
    expect(sql("select id from audit_log where action = 'person.create' and entity_id = ?", String(person!.id))).toBeDefined();
    await page.context().close();
  } finally {
    sql("update security_settings set sso_creates_people = 0, revision = revision + 1 where id = 1");
  }
});
