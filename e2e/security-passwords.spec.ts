import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import type { Browser, Page } from "@playwright/test";
import { expect, test, waitForHydrationOnNavigation } from "./fixtures";
import { e2eOutboxDir, expectNoSeriousViolations, signIn, unique } from "./helpers";

/*
 * Issue 14 point 3: passwords. Every person here is a NEW one HR creates with a first password, so
 * the shared demo sessions are never touched. The reset email travels through the real outbox
 * (.eml files on the e2e server).
 */

/** HR creates a person who signs in with a password HR sets now. */
async function createPerson(hrPage: Page, first: string) {
  const id = unique();
  const email = `${first.toLowerCase()}.${id}@example.com`;
  const password = `first lantern ${id}`;
  await hrPage.goto("/people/new");
  await hrPage.getByLabel("Full name").fill(`${first} Sleutel${id}`);
  await hrPage.getByLabel("Email", { exact: true }).fill(email);
  await hrPage.getByLabel("Set a password now").check();
  await hrPage.getByLabel("Initial password").fill(password);
  await hrPage.getByRole("button", { name: "Create person" }).click();
  await expect(hrPage).toHaveURL(/\/people\/\d+\?created=1/);
  return { email, password };
}

/** A new browser context signed in as this person (its own session). */
async function signedIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = waitForHydrationOnNavigation(await context.newPage());
  await signIn(page, email, password);
  await expect(page.getByTestId("current-user")).toBeAttached();
  return { context, page };
}

/** Waits for the .eml addressed to `to` (written by the outbox worker) and parses it. */
async function emailTo(to: string, timeout = 60_000) {
  const dir = e2eOutboxDir();
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")) : [];
    for (const f of files) {
      const raw = fs.readFileSync(path.join(dir, f), "utf8");
      if (raw.toLowerCase().includes(`<${to}>`) || raw.toLowerCase().includes(`to: ${to}`)) return simpleParser(raw);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no email to ${to} in ${dir}`);
}

test("a person changes their password: a weak one is refused next to the field, the current one is required, their other session ends and this one stays", async ({ hrPage, browser }) => {
  test.setTimeout(300_000);
  const { email, password } = await createPerson(hrPage, "Paula");
  const here = await signedIn(browser, email, password);
  const elsewhere = await signedIn(browser, email, password);
  const page = here.page;

  await page.goto("/security");
  const section = page.locator("#password");
  await expect(section.getByRole("heading", { name: "Password" })).toBeVisible();
  await expectNoSeriousViolations(page);

  // A common password, refused next to its field.
  await section.getByLabel("Current password").fill(password);
  await section.getByLabel("New password", { exact: true }).fill("password1234");
  await section.getByLabel("Repeat the new password").fill("password1234");
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByText("This password is too easy to guess")).toBeVisible();
  await expect(section.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // A wrong current password, refused next to it.
  const next = `violet harbour ${unique()}`;
  await section.getByLabel("Current password").fill("not my password at all");
  await section.getByLabel("New password", { exact: true }).fill(next);
  await section.getByLabel("Repeat the new password").fill(next);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByText("Your current password is not correct.")).toBeVisible();
  await expect(section.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await section.getByLabel("Current password").fill(password);
  await section.getByLabel("New password", { exact: true }).fill(next);
  await section.getByLabel("Repeat the new password").fill(next);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Your password is changed" })).toBeVisible();

  // This device stays signed in; the other one is signed out on its next request.
  await page.reload();
  await expect(page).toHaveURL(/\/security$/);
  await expect(page.getByTestId("current-user")).toBeAttached();
  await elsewhere.page.goto("/");
  await expect(elsewhere.page).toHaveURL(/\/sign-in/);

  // The old password no longer works; the new one does.
  await signIn(elsewhere.page, email, password);
  await expect(elsewhere.page.getByRole("alert").filter({ hasText: "The email or password is not correct." })).toBeVisible();
  await signIn(elsewhere.page, email, next);
  await expect(elsewhere.page.getByTestId("current-user")).toBeAttached();

  await here.context.close();
  await elsewhere.context.close();
});

test("forgot password: the same answer for any address, an emailed link sets a new password once and ends every session", async ({ hrPage, browser }) => {
  test.setTimeout(300_000);
  const { email, password } = await createPerson(hrPage, "Ruta");
  const before = await signedIn(browser, email, password);

  const context = await browser.newContext({ locale: "en-GB" });
  const page = waitForHydrationOnNavigation(await context.newPage());
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await expectNoSeriousViolations(page);

  const answer = "If that address belongs to an account, we sent a link to it.";
  // An unknown address gets exactly the same answer.
  await page.getByLabel("Email").fill(`nobody.${unique()}@example.com`);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status").filter({ hasText: answer })).toBeVisible();
  await page.reload();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status").filter({ hasText: answer })).toBeVisible();

  const mail = await emailTo(email);
  expect(mail.subject).toBe("Choose a new password for Rolebook");
  const link = /https?:\/\/[^\s]+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")?.[0];
  expect(link, mail.text).toBeTruthy();
  const resetPath = new URL(link!).pathname;

  await page.goto(resetPath);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password, Ruta" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByLabel("New password").fill("iloveyou12345");
  await page.getByLabel("Repeat the password").fill("iloveyou12345");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("This password is too easy to guess")).toBeVisible();
  const next = `quiet meadow ${unique()}`;
  await page.getByLabel("New password").fill(next);
  await page.getByLabel("Repeat the password").fill(next);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { name: "Your new password is set" })).toBeVisible();

  // Every session of the person ended.
  await before.page.goto("/");
  await expect(before.page).toHaveURL(/\/sign-in/);

  await page.getByRole("link", { name: "Go to sign-in" }).click();
  await signIn(page, email, next);
  await expect(page.getByTestId("current-user")).toBeAttached();

  // The link works once.
  const again = waitForHydrationOnNavigation(await context.newPage());
  await again.goto(resetPath);
  await expect(again.getByRole("heading", { level: 1, name: "This link was already used" })).toBeVisible();
  await expect(again.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
  await context.close();
  await before.context.close();
});

test("an unknown reset link says so and offers to ask again", async ({ page }) => {
  await page.goto(`/reset-password/${"a".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});
