import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, unique, withDb } from "./helpers";

/*
 * Issue 13: HR's email page (points 3 and 4) and invitations (point 6). The full path through a
 * real email (invitation → set password → sign in) is the cross-part spec after the merge.
 */

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
  await expectNoSeriousViolations(page, { exclude: "iframe" });

  // The demo's notifications queued emails; the outbox worker (every 10 s) writes them: one opens on its own page.
  const first = page.getByRole("table").getByRole("link").first();
  await expect(async () => {
    await page.reload();
    await expect(first).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
  await first.click();
  await expect(page.getByRole("link", { name: "All emails" })).toBeVisible();
  await expect(page.getByTestId("email-facts")).toBeVisible();
  await expectNoSeriousViolations(page, { exclude: "iframe" });
});

test("HR creates a person with an invitation: the invitation email is queued and the person page offers to resend it", async ({ hrPage: page }) => {
  const id = unique();
  const name = `Iveta Invited ${id}`;
  await page.goto("/people/new");
  await expect(page.getByLabel("Send an invitation email (they choose their own password)")).toBeChecked();
  await expect(page.getByLabel("Initial password")).toHaveCount(0);
  await expectNoSeriousViolations(page, { exclude: "iframe" });
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
  await expectNoSeriousViolations(page, { exclude: "iframe" });
  await page.goto("/invite/not-a-token");
  await expect(page.getByTestId("invite-invalid")).toBeVisible();
});

test("HR's Failed tab shows a failed delivery with the server's answer; Retry puts it back in the queue and it goes out", async ({ hrPage: page }) => {
  const subject = `Reminder that failed ${unique()}`;
  const at = new Date(Date.now() - 25 * 3600_000).toISOString();
  // A notification whose email the mail server refused for 24 hours (written as the worker leaves it).
  const deliveryId = withDb((db) => {
    const person = db.prepare("select id, email from people where email = ?").get("andreea.ionescu@example.com") as { id: number; email: string };
    const n = db.prepare("insert into notifications (person_id, kind, params, link, created_at) values (?, 'ack.reminder', '{}', '/changes/1', ?)").run(person.id, at);
    const nid = Number(n.lastInsertRowid);
    return Number(
      db
        .prepare(
          `insert into notification_deliveries (notification_id, person_id, channel, kind, status, payload, attempts, next_attempt_at, last_error, attempted_at, message_key, to_address, subject, created_at)
           values (?, ?, 'email', 'notification', 'failed', '{}', 9, ?, '421 4.7.0 Try again later', ?, ?, ?, ?, ?)`,
        )
        .run(nid, person.id, at, at, `n${nid}`, person.email, subject, at).lastInsertRowid,
    );
  });
  const statusOf = () => withDb((db) => db.prepare("select status, attempts, notification_id as nid from notification_deliveries where id = ?").get(deliveryId) as { status: string; attempts: number; nid: number });

  await page.goto("/settings/email?tab=failed");
  await expect(page.getByRole("heading", { level: 2, name: "Failed" })).toBeVisible();
  const row = page.getByTestId(`email-${deliveryId}`);
  await expect(row).toContainText(subject);
  await expect(row).toContainText("Failed");
  await expect(row).toContainText("9 attempts");
  await expect(row.getByTestId("email-answer")).toHaveText("421 4.7.0 Try again later");
  await expectNoSeriousViolations(page, { exclude: "iframe" });

  await row.getByRole("button", { name: `Retry ${subject}` }).click();
  const retried = page.getByRole("status").filter({ hasText: "1 email is back in the queue." });
  await expect(retried).toBeVisible();
  // The list refreshes without the row; the confirmation stays (it is the page's, not the row's).
  await expect(page.getByTestId(`email-${deliveryId}`)).toHaveCount(0);
  await expect(retried).toBeVisible();
  // Back in the queue with a fresh retry window: waiting, or already taken by the worker (every 10 s).
  const after = statusOf();
  expect(["pending", "sent"]).toContain(after.status);
  expect(after.attempts).toBeLessThanOrEqual(1);
  await page.reload();
  await expect(page.getByTestId(`email-${deliveryId}`)).toHaveCount(0);
  // The worker sends it (the e2e server writes .eml files): it shows in the Sent tab with the answer.
  await expect.poll(() => statusOf().status, { timeout: 40_000 }).toBe("sent");
  await page.goto("/settings/email");
  await expect(page.getByTestId(`email-${deliveryId}`).getByTestId("email-answer")).toHaveText(`written to n${statusOf().nid}.eml`);
});
