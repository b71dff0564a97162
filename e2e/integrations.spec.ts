import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";

const DB_PATH = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db");

test("HR creates an API key, a system makes a rating link with it, and once revoked the key gets 401 (counted)", async ({ hrPage: page, request }) => {
  const name = `Helpdesk ${Date.now()}`;
  await page.goto("/settings");
  await page.getByRole("link", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Key created." })).toBeVisible();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^rbk_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 12) + "…");
  await expect(row.getByTestId("last-used")).toHaveText("Never");

  // The key is shown once: after a reload only its first characters remain.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);

  const made = await request.post("/api/v1/rating-links", {
    headers: { Authorization: `Bearer ${key}` },
    data: { email: "employee@example.com", reference: "RO-1234" },
  });
  expect(made.status()).toBe(201);
  const body = (await made.json()) as { url: string; expiresAt: string };
  expect(body.url).toMatch(/^https?:\/\/[^/]+\/r\/[A-Za-z0-9_-]{43}$/);
  expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());

  const unknown = await request.post("/api/v1/rating-links", { headers: { Authorization: `Bearer ${key}` }, data: { email: "nobody@example.com" } });
  expect(unknown.status()).toBe(422);
  expect(((await unknown.json()) as { error: string }).error).toBe("unknown_person");

  await page.reload();
  await expect(row.getByTestId("last-used")).not.toHaveText("Never");

  await row.getByRole("button", { name: `Revoke: ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke the key “${name}”?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Revoke the key" }).click();
  await expect(row).toContainText("Revoked");

  const refused = await request.post("/api/v1/rating-links", { headers: { Authorization: `Bearer ${key}` }, data: { email: "employee@example.com" } });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: string }).error).toBe("key_revoked");
  const wrong = await request.post("/api/v1/rating-links", { headers: { Authorization: "Bearer rbk_wrong" }, data: { email: "employee@example.com" } });
  expect(wrong.status()).toBe(401);

  await page.reload();
  await expect(row.getByTestId("refused-calls")).toHaveText("1");
});

test("a webhook URL that is not http(s) is refused next to the field; an https one shows its secret once", async ({ hrPage: page }) => {
  await page.goto("/settings/integrations");
  const url = page.getByLabel("Webhook URL");
  await url.fill("ftp://x");
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText("Enter a web address that starts with https:// or http://")).toBeVisible();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("row").filter({ hasText: "ftp://x" })).toHaveCount(0);

  const hook = `https://hooks.example.com/rolebook-${Date.now()}`;
  await url.fill(hook);
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Webhook added." })).toBeVisible();
  await expect(page.getByTestId("new-webhook-secret")).toHaveText(/^whsec_/);
  const row = page.getByRole("row").filter({ hasText: hook });
  await expect(row).toContainText("Nothing sent yet.");
  await row.getByRole("button", { name: `Remove: ${hook}` }).click();
  await page.getByRole("dialog", { name: "Remove this webhook?" }).getByRole("button", { name: "Remove the webhook" }).click();
  await expect(page.getByRole("row").filter({ hasText: hook })).toHaveCount(0);
});

test("the bell and the notification centre update without a reload when a notification arrives", async ({ employeePage: page }) => {
  await page.goto("/notifications");
  const bell = page.getByTestId("bell");
  const before = Number((await bell.getAttribute("aria-label"))!.match(/\d+/)?.[0] ?? 0);
  // A reload would drop this mark; router.refresh() keeps the document.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // A rating arrives for Elif (what the public rating page does through recordRating): written straight to the database.
  const db = new Database(DB_PATH);
  try {
    db.pragma("busy_timeout = 5000");
    const elif = db.prepare("select id from people where email = 'employee@example.com'").get() as { id: number };
    db.prepare("insert into notifications (person_id, kind, params, link, created_at) values (?, 'rating.received', ?, '/feedback#rating-999999', ?)").run(
      elif.id,
      JSON.stringify({ stars: 5 }),
      new Date().toISOString(),
    );
  } finally {
    db.close();
  }

  await expect(bell).toHaveAttribute("aria-label", `Notifications, ${before + 1} unread`, { timeout: 15_000 });
  await expect(page.getByTestId("live-notifications")).toContainText("New notification");
  await expect(page.getByRole("main").getByText("A customer rated your service 5 of 5").first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
