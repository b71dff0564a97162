import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { expect, test } from "./fixtures";
import { e2eOutboxDir, signIn, unique } from "./helpers";

/*
 * Issue 13 with no setup: the e2e server has no SMTP_URL, so its emails are .eml files (as on a
 * fresh `npm start`). The invitation travels through the real outbox: HR creates the person, the
 * worker writes the email, the link in it sets the password, and the person signs in.
 */

/** Waits for the .eml addressed to `to`, written by the outbox worker, and parses it. */
async function emailTo(to: string, timeout = 45_000) {
  const dir = e2eOutboxDir();
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")) : [];
    for (const f of files) {
      const raw = fs.readFileSync(path.join(dir, f), "utf8");
      if (raw.toLowerCase().includes(`to: ${to}`) || raw.toLowerCase().includes(`<${to}>`)) return simpleParser(raw);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no email to ${to} in ${dir}`);
}

test("an invited person gets the email, sets a password with its one-time link and signs in; HR sees the email", async ({ hrPage, browser }) => {
  test.setTimeout(120_000);
  const id = unique();
  const name = `Ieva Kalna ${id}`;
  const email = `ieva.${id}@example.com`;
  await hrPage.goto("/people/new");
  await hrPage.getByLabel("Full name").fill(name);
  await hrPage.getByLabel("Email", { exact: true }).fill(email);
  await hrPage.getByRole("button", { name: "Create person" }).click();
  await expect(hrPage.getByText("An invitation email is on its way")).toBeVisible();

  const mail = await emailTo(email);
  expect(mail.subject).toContain("Rolebook");
  expect(mail.text).toBeTruthy();
  expect(typeof mail.html === "string" && mail.html.length > 0).toBe(true);
  const link = /https?:\/\/[^\s]+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")?.[0];
  expect(link, mail.text).toBeTruthy();
  const invitePath = new URL(link!).pathname;

  // Signed out, on a phone-sized screen.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(invitePath);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ieva");
  const password = `correct horse ${id}`;
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await page.getByRole("link", { name: "Go to sign-in" }).click();
  await signIn(page, email, password);
  // On a phone the name sits in the menu: signed in means the portal's page, not the sign-in form.
  await expect(page.getByTestId("current-user")).toBeAttached();
  await expect(page).not.toHaveURL(/sign-in/);

  // The link works once.
  const again = await context.newPage();
  await again.goto(invitePath);
  await expect(again.getByRole("heading", { level: 1, name: "This link was already used" })).toBeVisible();
  await context.close();

  // HR's Sent emails list shows it; its page shows the text part.
  await hrPage.goto("/settings/email");
  const row = hrPage.getByRole("row").filter({ hasText: email }).first();
  await expect(row).toBeVisible();
  await row.getByRole("link").first().click();
  await expect(hrPage.getByTestId("email-facts")).toContainText(email);
});
