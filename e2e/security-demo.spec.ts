import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { waitForHydrationOnNavigation } from "./fixtures";
import { message } from "./helpers";
import { startAppServer, type AppServer } from "./support/app-server";

/*
 * Issue 14, point 2: the demo says it is the demo, and a real installation (ROLEBOOK_DEMO=false)
 * starts empty with a one-time setup page instead of an HR admin with a public password.
 */

test.describe("the demo organisation", () => {
  test("a banner says the demo accounts have public passwords on sign-in, portal and public pages", async ({ page, employeePage }) => {
    // Four page loads in two contexts: slow on a busy machine.
    test.setTimeout(150_000);
    await page.goto("/sign-in");
    const banner = page.getByRole("region", { name: "Demo organisation" });
    await expect(banner).toContainText("Demo organisation: these accounts have public passwords.");
    // A public page (PublicShell).
    await page.goto("/receipt");
    await expect(page.getByTestId("demo-banner")).toBeVisible();

    await employeePage.goto("/");
    await expect(employeePage.getByRole("region", { name: "Demo organisation" })).toContainText("these accounts have public passwords");
    // Readable on a phone: it wraps inside the viewport.
    await employeePage.setViewportSize({ width: 360, height: 740 });
    const box = await employeePage.getByTestId("demo-banner").boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    // A plain http test server is not a public production server: no warning card for anyone.
    await expect(employeePage.getByTestId("demo-production-warning")).toHaveCount(0);
  });

  test("/setup is not found once anybody exists", async ({ page }) => {
    const res = await page.goto("/setup");
    expect(res?.status()).toBe(404);
  });
});

test.describe("a real installation: ROLEBOOK_DEMO=false on an empty database", () => {
  test.describe.configure({ mode: "serial" });
  const PORT = Number(process.env.E2E_PORT ?? 3100) + 17;
  const DB = path.join(os.tmpdir(), `rolebook-e2e-setup-${PORT}.db`);
  let app: AppServer;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) fs.rmSync(f, { force: true });
    app = await startAppServer({ port: PORT, databasePath: DB, env: { ROLEBOOK_DEMO: "false", SCHEDULER: "off" } });
  });

  test.afterAll(async () => {
    await app?.kill("SIGTERM");
    for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) fs.rmSync(f, { force: true });
  });

  test("every page leads to the one-time setup, which creates the organisation and its first HR admin", async ({ browser }) => {
    // A second server, axe over a page with the whole time-zone list, and two argon2 hashes: slow on a busy machine.
    test.setTimeout(180_000);
    const db = new Database(DB, { readonly: true });
    try {
      expect((db.prepare("select count(*) as n from people").get() as { n: number }).n).toBe(0);
      expect((db.prepare("select count(*) as n from job_roles").get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
    const context = await browser.newContext({ baseURL: app.url, locale: "en-GB" });
    const page = waitForHydrationOnNavigation(await context.newPage());
    for (const start of ["/", "/people", "/sign-in"]) {
      await page.goto(start);
      await expect(page).toHaveURL(`${app.url}/setup`);
    }
    await expect(page.getByRole("heading", { name: "Set up Rolebook" })).toBeVisible();
    // Not the demo: no banner.
    await expect(page.getByTestId("demo-banner")).toHaveCount(0);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    await page.getByLabel("Organisation name").fill("Noord Garage");
    await page.getByLabel("Time zone").selectOption("Europe/Riga");
    await page.getByLabel("Organisation language").selectOption("en");
    await page.getByLabel("Full name").fill("Ilze Berzina");
    await page.getByLabel("Email").fill("ilze@noord.example");
    await expect(page.getByLabel("Require a second factor for HR admins")).toBeChecked();
    // A short password is refused next to its field.
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Repeat the password").fill("short");
    await page.getByRole("button", { name: "Create the organisation" }).click();
    const password = page.getByLabel("Password", { exact: true });
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(message("en", "errors.passwordTooShort"))).toBeVisible();

    const secret = "lantern orbit velvet quarry 42";
    await password.fill(secret);
    await page.getByLabel("Repeat the password").fill(secret);
    await page.getByRole("button", { name: "Create the organisation" }).click();
    await expect(page).toHaveURL(/\/sign-in\?setup=1$/);
    await expect(page.getByTestId("setup-done")).toBeVisible();
    await expect(page.getByTestId("demo-banner")).toHaveCount(0);

    await page.getByLabel("Email").fill("ilze@noord.example");
    await page.getByLabel("Password").fill(secret);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toHaveText("Ilze Berzina");

    const res = await page.goto("/setup");
    expect(res?.status()).toBe(404);
    await context.close();

    const check = new Database(DB, { readonly: true });
    try {
      expect(check.prepare("select name, time_zone as zone, locale, demo from organisation where id = 1").get()).toEqual({ name: "Noord Garage", zone: "Europe/Riga", locale: "en", demo: 0 });
      expect(check.prepare("select name, email, app_role as role from people").all()).toEqual([{ name: "Ilze Berzina", email: "ilze@noord.example", role: "hr_admin" }]);
      expect((check.prepare("select require_second_factor_for_hr as v from security_settings where id = 1").get() as { v: number }).v).toBe(1);
      expect((check.prepare("select count(*) as n from audit_log where action = 'security.setupCompleted'").get() as { n: number }).n).toBe(1);
      // No demo data at all.
      expect((check.prepare("select count(*) as n from job_roles").get() as { n: number }).n).toBe(0);
      expect((check.prepare("select count(*) as n from teams").get() as { n: number }).n).toBe(0);
    } finally {
      check.close();
    }
  });
});
