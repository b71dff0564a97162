import { expect, test } from "./fixtures";

/** Integrations (issue 12, point 9). The live bell is covered by the real rating path in feedback-path.spec.ts. */

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
