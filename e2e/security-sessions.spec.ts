import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test, waitForHydrationOnNavigation } from "./fixtures";
import { DEMO_PASSWORD, expectNoSeriousViolations, message, signInAndWait, unique, withDb } from "./helpers";
import { describeUserAgent } from "../lib/auth/user-agent";

// Each test signs in fresh (once or twice): slow on a busy two-core machine.
test.beforeEach(() => test.slow());

/**
 * Issue 14 point 1: sessions that really end. Every sign-in here is fresh, in its own browser
 * context, and as a person this spec creates (never a shared demo session: those live for the run).
 */

const COOKIE = "authjs.session-token";

/** A new active employee with the demo password (a copy of the employee's hash), for this test only. */
function newPerson(): string {
  const email = `sessions-${unique()}@example.com`;
  withDb((db) =>
    db
      .prepare(
        "insert into people (name, email, search_text, password_hash, app_role, start_date) select ?, ?, '', password_hash, 'employee', start_date from people where email = 'employee@example.com'",
      )
      .run(`Session Tester ${email.slice(9, 15)}`, email),
  );
  return email;
}

const sessionsOf = (email: string) =>
  withDb((db) => db.prepare("select s.id, s.revoked_at as revokedAt, s.revoked_reason as reason from sessions s join people p on p.id = s.person_id where p.email = ? order by s.created_at").all(email)) as {
    id: string;
    revokedAt: number | null;
    reason: string | null;
  }[];

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = waitForHydrationOnNavigation(await context.newPage());
  await signInAndWait(page, email, DEMO_PASSWORD);
  return { context, page };
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === COOKIE);
  expect(cookie?.value, "a session cookie after signing in").toBeTruthy();
  return cookie!.value;
}

/** The Set-Cookie headers of a response that would give the browser a session (a non-empty token). */
function sessionSetCookies(headers: { name: string; value: string }[]): string[] {
  return headers.filter((h) => h.name.toLowerCase() === "set-cookie" && new RegExp(`^(__Secure-)?${COOKIE}(\\.\\d+)?=[^;]+`).test(h.value)).map((h) => h.value);
}

test("signing out ends the session on the server: the old cookie opens nothing, writes nothing, and is not renewed", async ({ browser, playwright, baseURL }) => {
  const email = newPerson();
  const { context, page } = await signedIn(browser, email);
  const cookie = await sessionCookie(context);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${COOKIE}=${cookie}` } });

  // Positive control: while signed in, the cookie is a session.
  const before = await api.get("/api/auth/session");
  expect(await before.json()).toMatchObject({ user: { id: expect.any(String) } });

  // A page with a Server Action form, loaded while signed in.
  await page.goto("/preferences");
  const zoneBefore = withDb((db) => (db.prepare("select time_zone as z from people where email = ?").get(email) as { z: string | null }).z);

  // Sign out in a second tab of the same browser.
  const other = waitForHydrationOnNavigation(await context.newPage());
  await other.goto("/security");
  await other.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(other).toHaveURL(/\/sign-in/);
  expect(sessionsOf(email).map((s) => s.reason)).toEqual(["signout"]);

  // An attacker who kept the cookie: pages send them to sign in…
  await context.addCookies([{ name: COOKIE, value: cookie, url: baseURL! }]);
  await other.goto("/preferences");
  await expect(other).toHaveURL(/\/sign-in/);

  // …a Server Action posted with it does nothing…
  await context.addCookies([{ name: COOKIE, value: cookie, url: baseURL! }]);
  await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: message("en", "errors.unauthenticated") })).toBeVisible();
  expect(withDb((db) => (db.prepare("select time_zone as z from people where email = ?").get(email) as { z: string | null }).z)).toBe(zoneBefore);

  // …and Auth.js's session endpoint gives nothing and renews nothing.
  const after = await api.get("/api/auth/session");
  expect(after.status()).toBe(200);
  expect(await after.text()).toBe("null");
  expect(sessionSetCookies(after.headersArray())).toEqual([]);
  await api.dispose();
  await context.close();
});

test("two browsers of one person: one sees both, ends the other, the other is signed out on its next request", async ({ browser }) => {
  const email = newPerson();
  const a = await signedIn(browser, email);
  const b = await signedIn(browser, email);
  await a.page.goto("/security");
  const list = a.page.getByTestId("session");
  await expect(list).toHaveCount(2);
  await expect(list.filter({ hasText: "This device" })).toHaveCount(1);
  const device = describeUserAgent(await a.page.evaluate(() => navigator.userAgent));
  await expect(a.page.locator("#sessions")).toContainText(`${device.browser} on ${device.os}`);
  await expect(a.page.locator("#sessions")).toContainText("Last active");
  await expectNoSeriousViolations(a.page);
  const other = list.filter({ hasNotText: "This device" });
  await other.getByRole("button", { name: /^End/ }).click();
  await expect(list).toHaveCount(1);

  await b.page.goto("/security");
  await expect(b.page).toHaveURL(/\/sign-in/);
  await a.page.reload();
  await expect(a.page.getByTestId("current-user")).toBeVisible();
  expect(sessionsOf(email).map((s) => s.reason)).toEqual([null, "ended"]);
  const audited = withDb((db) => db.prepare("select count(*) as n from audit_log a join people p on p.id = cast(a.entity_id as integer) where a.action = 'security.sessionRevoked' and p.email = ?").get(email)) as { n: number };
  expect(audited.n).toBe(1);
  await a.context.close();
  await b.context.close();
});

test("sign out everywhere else keeps this browser; sign out everywhere ends it too", async ({ browser }) => {
  const email = newPerson();
  const a = await signedIn(browser, email);
  const b = await signedIn(browser, email);
  await a.page.goto("/security");
  await expect(a.page.getByTestId("session")).toHaveCount(2);
  await a.page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(a.page.getByTestId("session")).toHaveCount(1);
  await b.page.reload();
  await expect(b.page).toHaveURL(/\/sign-in/);
  await a.page.reload();
  await expect(a.page.getByTestId("current-user")).toBeVisible();
  expect(sessionsOf(email).map((s) => s.reason)).toEqual([null, "everywhere"]);

  a.page.once("dialog", (d) => void d.accept());
  await a.page.getByRole("button", { name: "Sign out everywhere", exact: true }).click();
  await expect(a.page).toHaveURL(/\/sign-in/);
  expect(sessionsOf(email).map((s) => s.reason)).toEqual(["everywhere", "everywhere"]);
  await a.page.goto("/security");
  await expect(a.page).toHaveURL(/\/sign-in/);
  await a.context.close();
  await b.context.close();
});

test("a session idle longer than the idle timeout is signed out", async ({ browser }) => {
  const email = newPerson();
  const { context, page } = await signedIn(browser, email);
  await page.goto("/security");
  await expect(page.getByTestId("session")).toHaveCount(1);
  // The run's idle timeout (e2e/auth.setup.ts sets 480 minutes): one minute more without a request.
  withDb((db) => {
    const { idle } = db.prepare("select idle_minutes as idle from security_settings where id = 1").get() as { idle: number };
    db.prepare("update sessions set last_seen_at = ? where person_id = (select id from people where email = ?)").run(Date.now() - (idle + 1) * 60_000, email);
  });
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("HR's sign-in security settings: out of range refused next to the field, a valid value saved", async ({ hrPage }) => {
  await hrPage.goto("/settings");
  await hrPage.getByRole("link", { name: "Sign-in security" }).click();
  await expect(hrPage).toHaveURL(/\/settings\/security$/);
  const idle = hrPage.getByLabel("Idle timeout (minutes)");
  const current = await idle.inputValue();
  await expect(hrPage.getByLabel("Require a second factor for HR admins")).toBeVisible();
  await expect(hrPage.getByLabel("Let single sign-on create employees for verified emails nobody has yet")).toBeVisible();
  await expectNoSeriousViolations(hrPage);
  await idle.fill("4");
  await hrPage.getByRole("button", { name: "Save" }).click();
  await expect(hrPage.getByText("Enter a whole number of minutes from 5 to 480.")).toBeVisible();
  await expect(idle).toHaveAttribute("aria-invalid", "true");
  // Saving the run's own value again (the shared sessions rely on it) bumps the revision.
  await idle.fill(current);
  await hrPage.getByRole("button", { name: "Save" }).click();
  await expect(hrPage.getByRole("status").filter({ hasText: "Sign-in security saved." })).toBeVisible();
  await hrPage.reload();
  await expect(hrPage.getByTestId("security-settings-updated")).toContainText("Helena Rossi");
});
