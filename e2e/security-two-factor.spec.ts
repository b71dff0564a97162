import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Secret, TOTP } from "otpauth";
import { type Browser, type Page } from "@playwright/test";
import { expect, test, waitForHydrationOnNavigation } from "./fixtures";
import { DEMO, expectNoSeriousViolations, signIn, unique } from "./helpers";
import { startAppServer, type AppServer } from "./support/app-server";

/*
 * Two-factor sign-in (issue 14 point 4), as a person HR creates for this test (never a shared demo
 * account): enrolment from the secret's text, the code step at sign-in, replay and recovery codes
 * refused the second time, HR's reset, and (on a server of its own, so no shared HR session is
 * affected) the setting that sends an HR admin without a factor to the enrolment page.
 */

// Several sign-ins and two accessibility scans per test: more than the default minute on a busy machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const DB = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db");
const PASSWORD = "Violet-Harbour-Glides-71";
const id = unique();
const name = `Tessa Totp ${id}`;
const email = `tessa.totp.${id}@example.com`;
let personId = 0;
let secret = "";
let recovery: string[] = [];
let usedCode = "";

/** The code an authenticator app would show at `at` (ms). */
const totp = (at: number) => TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: at });

async function freshPage(browser: Browser, baseURL?: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB", ...(baseURL ? { baseURL } : {}) });
  return waitForHydrationOnNavigation(await context.newPage());
}

/** Password first; the form then asks for the code and keeps the email and password. */
async function signInWithCode(page: Page, code: string) {
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "Enter the 6-digit code from your authenticator app" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue(PASSWORD);
  const field = page.getByLabel("Authentication code");
  await expect(field).toHaveAttribute("autocomplete", "one-time-code");
  await expect(field).toHaveAttribute("inputmode", "numeric");
  await expect(page.getByText("A recovery code works too.")).toBeVisible();
  await field.fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const refused = (page: Page) => page.getByRole("alert").filter({ hasText: "That code is not correct or was already used." });

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

function auditActions(personIdValue: number): string[] {
  const db = new Database(DB, { readonly: true });
  try {
    return (db.prepare("select action from audit_log where entity_type = 'person' and entity_id = ? and action like 'security.%' order by id").all(String(personIdValue)) as { action: string }[]).map((r) => r.action);
  } finally {
    db.close();
  }
}

/** Reads the secret from the enrolment page's text (as someone typing it into their app would). */
async function readSecret(page: Page): Promise<string> {
  const text = (await page.getByTestId("totp-secret").textContent()) ?? "";
  return text.replace(/\s+/g, "");
}

async function confirmEnrolment(page: Page): Promise<string[]> {
  await page.getByLabel("Code from your authenticator app").fill(totp(Date.now()));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByTestId("recovery-codes");
  await expect(codes.getByRole("status").filter({ hasText: "Two-factor sign-in is on." })).toBeVisible();
  const items = await codes.getByRole("listitem").allTextContents();
  expect(items).toHaveLength(10);
  for (const c of items) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  return items;
}

test("HR creates the person this spec signs in as", async ({ hrPage }) => {
  await hrPage.goto("/people/new");
  await hrPage.getByLabel("Full name").fill(name);
  await hrPage.getByLabel("Email", { exact: true }).fill(email);
  await hrPage.getByLabel("Set a password now").check();
  await hrPage.getByLabel("Initial password").fill(PASSWORD);
  await hrPage.getByRole("button", { name: "Create person" }).click();
  await expect(hrPage.getByRole("heading", { level: 1, name })).toBeVisible();
  personId = Number(/\/people\/(\d+)/.exec(hrPage.url())![1]);
  expect(personId).toBeGreaterThan(0);
  // No second factor yet: HR is not offered a reset.
  await expect(hrPage.getByRole("button", { name: "Reset two-factor sign-in" })).toHaveCount(0);
});

test("the person enrols from the secret's text and gets ten recovery codes once", async ({ browser }) => {
  const page = await freshPage(browser);
  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId("current-user")).toHaveText(name);
  await page.goto("/security");
  const section = page.locator("#two-factor");
  await expect(section.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  await section.getByRole("link", { name: "Set up two-factor sign-in" }).click();
  await expect(page).toHaveURL(/\/security\/two-factor$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-factor sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code to add Rolebook to an authenticator app" })).toBeVisible();
  secret = await readSecret(page);
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // A reload keeps the same secret (the app may already have it).
  await page.reload();
  expect(await readSecret(page)).toBe(secret);
  await expectNoSeriousViolations(page);

  // A wrong code is refused next to the field.
  await page.getByLabel("Code from your authenticator app").fill(totp(Date.now() - 10 * 60_000));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("That code is not correct or was already used. Enter the current code from your app.")).toBeVisible();

  recovery = await confirmEnrolment(page);
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "I have saved them" }).click();
  await expect(page.locator("#two-factor").getByTestId("two-factor-status")).toContainText("10 unused recovery codes left.");
  // The codes are not shown again, and the enrolment page is done.
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  await page.goto("/security/two-factor");
  await expect(page).toHaveURL(/\/security(#two-factor)?$/);
  expect(auditActions(personId)).toContain("security.secondFactorEnrolled");
  await page.context().close();
});

test("sign-in asks for the code; a wrong or replayed code is refused; a recovery code works once", async ({ browser }) => {
  const page = await freshPage(browser);
  // The enrolment used the current 30-second step: the next one's code is accepted (one step of drift allowed).
  usedCode = totp(Date.now() + 30_000);
  await signInWithCode(page, totp(Date.now() - 10 * 60_000));
  await expect(refused(page)).toBeVisible();
  await page.getByLabel("Authentication code").fill(usedCode);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(name);
  await expectNoSeriousViolations(page);
  await signOut(page);

  // The same code a second time: refused (no replay).
  await signInWithCode(page, usedCode);
  await expect(refused(page)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  // A recovery code, once.
  await page.getByLabel("Authentication code").fill(recovery[0].toUpperCase());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(name);
  await page.goto("/security");
  await expect(page.getByTestId("two-factor-status")).toContainText("9 unused recovery codes left.");
  await signOut(page);
  await signInWithCode(page, recovery[0]);
  await expect(refused(page)).toBeVisible();
  await page.context().close();

  const actions = auditActions(personId);
  expect(actions.filter((a) => a === "security.secondFactorUsed")).toHaveLength(2);
  expect(actions).toContain("security.signinFailed");
});

test("HR resets the person's second factor: their session ends and the password alone signs in again", async ({ hrPage, browser }) => {
  const page = await freshPage(browser);
  await signInWithCode(page, recovery[1]);
  await expect(page.getByTestId("current-user")).toHaveText(name);

  await hrPage.goto(`/people/${personId}`);
  await hrPage.getByRole("button", { name: "Reset two-factor sign-in" }).click();
  const dialog = hrPage.getByRole("dialog", { name: `Reset two-factor sign-in for ${name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Reset" }).click();
  await expect(dialog).toBeHidden();
  await expect(hrPage.getByRole("button", { name: "Reset two-factor sign-in" })).toHaveCount(0);
  expect(auditActions(personId)).toContain("security.secondFactorReset");

  // Their open session is over on its next request.
  await page.goto("/security");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId("current-user")).toHaveText(name);
  await page.goto("/security");
  await expect(page.locator("#two-factor").getByRole("link", { name: "Set up two-factor sign-in" })).toBeVisible();
  await page.context().close();
});

test.describe("required for HR admins", () => {
  // Its own server and database: the setting would otherwise send the shared HR session to enrolment.
  const PORT = Number(process.env.E2E_PORT ?? 3100) + 13;
  const OWN_DB = path.join(os.tmpdir(), `rolebook-e2e-2fa-${PORT}.db`);
  let app: AppServer;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    for (const f of [OWN_DB, `${OWN_DB}-wal`, `${OWN_DB}-shm`]) fs.rmSync(f, { force: true });
    app = await startAppServer({ port: PORT, databasePath: OWN_DB });
    const db = new Database(OWN_DB);
    try {
      db.prepare("update security_settings set require_second_factor_for_hr = 1 where id = 1").run();
    } finally {
      db.close();
    }
  });

  test.afterAll(async () => {
    await app?.kill();
    for (const f of [OWN_DB, `${OWN_DB}-wal`, `${OWN_DB}-shm`]) fs.rmSync(f, { force: true });
  });

  test("an HR admin without a second factor is sent to enrolment until they have one", async ({ browser }) => {
    const page = await freshPage(browser, app.url);
    await signIn(page, DEMO.hr.email);
    await expect(page).toHaveURL(/\/security\/two-factor$/);
    await expect(page.getByRole("note").filter({ hasText: "HR admins must use two-factor sign-in in this organisation." })).toBeVisible();
    await page.goto("/people");
    await expect(page).toHaveURL(/\/security\/two-factor$/);
    // The security page itself stays reachable (sessions, password), and says why.
    await page.goto("/security");
    await expect(page).toHaveURL(/\/security$/);
    await expect(page.locator("#two-factor").getByText("HR admins must use two-factor sign-in in this organisation.")).toBeVisible();

    await page.goto("/security/two-factor");
    secret = await readSecret(page);
    await confirmEnrolment(page);
    await page.goto("/people");
    await expect(page).toHaveURL(/\/people$/);
    // While it is required, it cannot be turned off.
    await page.goto("/security");
    await expect(page.locator("#two-factor").getByText("so it cannot be turned off")).toBeVisible();
    await expect(page.getByRole("button", { name: "Turn off two-factor sign-in" })).toHaveCount(0);
    await page.context().close();
  });
});
