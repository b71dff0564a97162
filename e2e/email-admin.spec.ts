import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { unique } from "./helpers";

/*
 * Issue 13: HR's email page (points 3 and 4) and invitations (point 6). The full path through a
 * real email (invitation → set password → sign in) is the cross-part spec after the merge.
 */

async function expectNoSeriousViolations(page: Page) {
  // The email's own HTML sits in a sandboxed iframe (no scripts), which axe cannot enter.
  const results = await new AxeBuilder({ page }).exclude("iframe").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("HR opens the email page: where emails go and the lists render; one email opens", async ({ hrPage: page }) => {
  await page.goto("/settings");
  await page.getByRole("link", { name: "Open email deliveries" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Email" })).toBeVisible();
  // The e2e server has no SMTP_URL: emails are written as files.
  await expect(page.getByTestId("email-transport")).toContainText("(no SMTP_URL set)");
  const lists = page.getByRole("navigation", { name: "Email lists" });
  await expect(lists.getByRole("link", { name: /Sent emails/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: "Sent emails" })).toBeVisible();
  await expect(page.getByRole("table").or(page.getByText("No emails sent yet."))).toBeVisible();
  await expectNoSeriousViolations(page);

  // The demo's notifications queued emails; the outbox worker (every 10 s) writes them: one opens on its own page.
  const first = page.getByRole("table").getByRole("link").first();
  await expect(async () => {
    await page.reload();
    await expect(first).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
  await first.click();
  await expect(page.getByRole("link", { name: "All emails" })).toBeVisible();
  await expect(page.getByTestId("email-facts")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("HR creates a person with an invitation: the invitation email is queued and the person page offers to resend it", async ({ hrPage: page }) => {
  const id = unique();
  const name = `Iveta Invited ${id}`;
  await page.goto("/people/new");
  await expect(page.getByLabel("Send an invitation email (they choose their own password)")).toBeChecked();
  await expect(page.getByLabel("Initial password")).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email", { exact: true }).fill(`iveta.${id}@example.com`);
  await page.getByRole("button", { name: "Create person" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("An invitation email is on its way")).toBeVisible();
  await expect(page.getByTestId("invitation-state")).toContainText("has not chosen a password yet");

  await page.getByRole("button", { name: "Resend invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A new invitation is on its way" })).toBeVisible();

  // The invitation is in HR's lists: waiting, or already written by the outbox worker.
  await page.goto("/settings/email?tab=queued");
  const queued = page.getByRole("row").filter({ hasText: name });
  if ((await queued.count()) === 0) {
    await page.goto("/settings/email");
    await expect(page.getByRole("row").filter({ hasText: name }).first()).toBeVisible();
  } else {
    await expect(queued.first()).toContainText("Waiting");
  }
});

test("an invitation link that does not work shows a clear page, signed out", async ({ page }) => {
  await page.goto(`/invite/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to sign-in" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/invite/not-a-token");
  await expect(page.getByTestId("invite-invalid")).toBeVisible();
});
