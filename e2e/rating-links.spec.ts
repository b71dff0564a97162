import type { Browser, Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { expect, test } from "./fixtures";
import { unique } from "./helpers";

/** Rating links and personal QR codes (issue 12, points 1–3). */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Makes a per-service link on /feedback/links and returns its URL (shown once). */
async function makeLink(page: Page, reference: string): Promise<string> {
  await page.goto("/feedback/links");
  await page.getByLabel("Service reference (optional)").fill(reference);
  await page.getByRole("button", { name: "Make link" }).click();
  const made = page.getByTestId("made-link");
  await expect(made).toBeVisible();
  await expect(made.getByRole("img", { name: "QR code of the new link" })).toBeVisible();
  const url = await page.locator("#made-link-url").inputValue();
  expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
  return url;
}

async function phone(browser: Browser, options: { locale?: string; javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ ...PHONE, locale: options.locale ?? "en-GB", javaScriptEnabled: options.javaScriptEnabled ?? true });
  return { context, page: await context.newPage() };
}

test("a per-service link is made, rated once on a signed-out phone in the customer's language, and refused when reused", async ({ employeePage, browser }) => {
  test.slow();
  const reference = `RO-${unique()}`;
  const url = await makeLink(employeePage, reference);

  const { context, page } = await phone(browser, { locale: "nl-NL" });
  const response = await page.goto(url);
  expect(response!.headers()["cache-control"]).toContain("no-store");
  expect(response!.headers()["referrer-policy"]).toBe("same-origin");
  await expect(page.getByRole("heading", { level: 1, name: "Hoe was je service bij Elif?" })).toBeVisible();
  await expect(page.getByTestId("rate-role")).toHaveText("Service Advisor");
  // Opening the page recorded nothing: the link is still open for Elif.
  await employeePage.reload();
  await expect(employeePage.getByTestId("link-row").filter({ hasText: reference })).toContainText("Open");

  // Nothing chosen: refused next to the stars.
  await page.getByRole("button", { name: "Beoordeling versturen" }).click();
  await expect(page.getByText("Kies 1 tot 5 sterren.")).toBeVisible();
  await page.locator("label[for='stars-2']").click();
  await expect(page.getByRole("radio", { name: /2 sterren/ })).toBeChecked();
  await page.getByLabel("Opmerking (optioneel)").fill("Lang gewacht, niemand wist waar mijn auto was.");
  await page.getByLabel("Neem hierover contact met mij op").check();
  await page.getByLabel("Je naam").fill("Jan de Vries");
  await page.getByLabel("Telefoon").fill("+31 6 1234 5678");
  await page.getByRole("button", { name: "Beoordeling versturen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bedankt!" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The link works once.
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Deze link is al gebruikt" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Beoordeling versturen" })).toHaveCount(0);
  await context.close();

  await employeePage.reload();
  await expect(employeePage.getByTestId("link-row").filter({ hasText: reference })).toContainText("Used");
});

test("the rating form works without JavaScript", async ({ employeePage, browser }) => {
  const url = await makeLink(employeePage, `RO-${unique()}`);
  const { context, page } = await phone(browser, { javaScriptEnabled: false });
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "How was your service with Elif?" })).toBeVisible();
  await page.locator("label[for='stars-5']").click();
  await page.getByLabel("Comment (optional)").fill("Quick and friendly.");
  await page.getByRole("button", { name: "Send rating" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you!" })).toBeVisible();
  await context.close();
});

test("the personal QR code decodes to the walk-up page, which refuses the employee's own browser", async ({ employeePage, browser }) => {
  await employeePage.goto("/feedback/links");
  await expect(employeePage.getByRole("heading", { name: "My personal QR code" })).toBeVisible();
  const href = await employeePage.getByTestId("qr-png").getAttribute("href");
  const res = await employeePage.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  const png = PNG.sync.read(await res.body());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/q\/[A-Za-z0-9_-]{43}$/);
  const walkup = decoded!.data;

  const svg = await employeePage.request.get(href!.replace("format=png", "format=svg"));
  expect(svg.headers()["content-type"]).toBe("image/svg+xml");

  // A customer sees the walk-up form...
  const { context, page } = await phone(browser);
  await page.goto(walkup);
  await expect(page.getByRole("heading", { level: 1, name: "How was your service with Elif?" })).toBeVisible();
  await context.close();
  // ...but Elif's own signed-in browser is refused.
  await employeePage.goto(walkup);
  await expect(employeePage.getByRole("heading", { level: 1, name: "You cannot rate yourself" })).toBeVisible();
  await expect(employeePage.getByRole("button", { name: "Send rating" })).toHaveCount(0);

  // The print page shows the desk card and the badge.
  await employeePage.goto(href!.replace(/qr\/(\d+).*$/, "print/$1"));
  await expect(employeePage.getByRole("heading", { level: 1, name: "Print QR card" })).toBeVisible();
  await expect(employeePage.getByRole("img", { name: "QR code to rate Elif" })).toHaveCount(2);
});

test("a supervisor makes a link for someone they lead, and a name not picked from the list is refused", async ({ supervisorPage: page }) => {
  await page.goto("/feedback/links");
  const picker = page.getByLabel("For someone I lead (optional)");
  await picker.fill("Eli");
  await page.getByRole("button", { name: "Make link" }).click();
  await expect(page.getByText("Choose one of the options.")).toBeVisible();
  await expect(page.getByTestId("made-link")).toHaveCount(0);
  await picker.fill("Elif");
  await expect(page.locator('datalist option[value="Elif Yılmaz — Service Advisor"]')).toHaveCount(1);
  await picker.fill("Elif Yılmaz — Service Advisor");
  await page.getByRole("button", { name: "Make link" }).click();
  await expect(page.getByRole("heading", { name: "New link for Elif Yılmaz" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("link-row").first()).toContainText("Elif Yılmaz");
});

test("a self-rating through one's own per-service link is refused", async ({ employeePage }) => {
  const url = await makeLink(employeePage, `RO-${unique()}`);
  await employeePage.goto(url);
  await expect(employeePage.getByRole("heading", { level: 1, name: "You cannot rate yourself" })).toBeVisible();
});

test("someone else's QR image is not found; HR marks a role customer-facing", async ({ employeePage, hrPage, managerPage }) => {
  // Elif may not fetch someone else's QR (the first person in the demo is HR, whom she does not lead).
  const res = await employeePage.request.get("/feedback/links/qr/1?format=png");
  expect(res.status()).toBe(404);

  await hrPage.goto("/roles/technician");
  const toggle = hrPage.getByRole("button", { name: "Customer-facing" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(hrPage.getByTestId("customer-facing")).toContainText("people in this role get a personal QR code");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  // Not HR: no toggle.
  await managerPage.goto("/roles/technician");
  await expect(managerPage.getByTestId("customer-facing")).toBeVisible();
  await expect(managerPage.getByRole("button", { name: "Customer-facing" })).toHaveCount(0);
});
