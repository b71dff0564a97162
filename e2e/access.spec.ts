import { expect, test } from "./fixtures";

test("an employee has no People link, and People or another person's record by URL is not found", async ({ employeePage: page }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toHaveCount(0);
  const res = await page.goto("/people");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  for (const id of [1, 2, 3]) {
    const r = await page.goto(`/people/${id}`);
    // Their own record is the only one they may open.
    if (r?.status() === 200) await expect(page.getByRole("heading", { level: 1, name: "Elif Yılmaz" })).toBeVisible();
    else expect(r?.status()).toBe(404);
  }
});

test("a supervisor sees their direct reports but not HR's record", async ({ supervisorPage: page, hrPage }) => {
  await page.goto("/people");
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: "Elif Yılmaz" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Helena Rossi" })).toHaveCount(0);
  await hrPage.goto("/people?q=hr%40example.com");
  const href = await hrPage.getByRole("link", { name: "Helena Rossi" }).getAttribute("href");
  const res = await page.goto(href!);
  expect(res?.status()).toBe(404);
});

test("a direct POST of the HR-only create-person action is refused for an employee", async ({ hrPage, employeePage }) => {
  // Capture the real action request as HR would send it, without letting it through.
  await hrPage.goto("/people/new");
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await hrPage.route("**/people/new", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { headers: req.headers(), body: req.postDataBuffer()! };
      await route.abort();
    } else await route.continue();
  });
  const email = `forged-${Date.now()}@example.com`;
  await hrPage.getByLabel("Full name").fill("Forged Person");
  await hrPage.getByLabel("Email", { exact: true }).fill(email);
  await hrPage.getByLabel("Set a password now").check();
  await hrPage.getByLabel("Initial password").fill("forged-password-123");
  await hrPage.getByRole("button", { name: "Create person" }).click();
  await expect.poll(() => captured !== null).toBe(true);

  // Replay it with the employee's session.
  const { headers, body } = captured!;
  const res = await employeePage.request.post("/people/new", {
    headers: {
      "next-action": headers["next-action"],
      "content-type": headers["content-type"],
      accept: "text/x-component",
      "next-router-state-tree": headers["next-router-state-tree"] ?? "",
    },
    data: body,
  });
  const text = await res.text();
  expect(text).toContain("You are not allowed to do that.");
  expect(text).not.toContain('"ok":true');

  await hrPage.unroute("**/people/new");
  await hrPage.goto(`/people?q=${encodeURIComponent(email)}&status=all`);
  await expect(hrPage.getByText("No people match your search.")).toBeVisible();
});
