import { expect, test } from "./fixtures";

test("the public Service Advisor posting renders signed out, generated from the current role", async ({ page }) => {
  const res = await page.goto("/jobs/service-advisor");
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(/\/jobs\/service-advisor$/);
  await expect(page.getByRole("heading", { level: 1, name: "Service Advisor" })).toBeVisible();
  await expect(page.getByText("Van Dijk Auto Rotterdam is hiring")).toBeVisible();
  await expect(page.getByRole("heading", { name: "What you will do" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vehicle reception and walk-around check" })).toBeVisible();
  // The task moved to the Parts Clerk in v2 is not advertised.
  await expect(page.getByText("Warranty claim paperwork")).toHaveCount(0);
});

test("an unpublished posting is not found; HR publishes and withdraws one", async ({ page, hrPage }) => {
  expect((await page.goto("/jobs/customer-care-agent"))?.status()).toBe(404);

  await hrPage.goto("/roles/customer-care-agent");
  await hrPage.getByLabel("Location shown in the posting").fill("Utrecht");
  await hrPage.getByRole("button", { name: "Publish posting" }).click();
  await expect(hrPage.getByText("Job posting is public")).toBeVisible();

  expect((await page.goto("/jobs/customer-care-agent"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Customer Care Agent" })).toBeVisible();
  await expect(page.getByText("Utrecht")).toBeVisible();
  await page.goto("/jobs");
  await expect(page.getByRole("link", { name: "Customer Care Agent" })).toBeVisible();

  await hrPage.getByRole("button", { name: "Withdraw posting" }).click();
  await expect(hrPage.getByText("This role has no public job posting.")).toBeVisible();
  expect((await page.goto("/jobs/customer-care-agent"))?.status()).toBe(404);
  await page.goto("/jobs");
  await expect(page.getByRole("link", { name: "Customer Care Agent" })).toHaveCount(0);
});

test("/jobs lists the published postings, signed out, each linking to its posting", async ({ page }) => {
  const res = await page.goto("/jobs");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Open jobs" })).toBeVisible();
  await expect(page.getByText("Van Dijk Auto Rotterdam").first()).toBeVisible();
  // Roles without a published posting are not listed.
  await expect(page.getByRole("link", { name: "Technician" })).toHaveCount(0);
  await page.getByRole("link", { name: "Service Advisor" }).click();
  await expect(page).toHaveURL(/\/jobs\/service-advisor$/);
  await expect(page.getByRole("heading", { level: 1, name: "Service Advisor" })).toBeVisible();
});

test("a posting shows the employer, location and how to apply, with JSON-LD and nothing for insiders", async ({ page }) => {
  await page.goto("/jobs/service-advisor");
  await expect(page.getByText("Van Dijk Auto Rotterdam is hiring")).toBeVisible();
  await expect(page.getByText("Rotterdam-Noord")).toBeVisible();
  await expect(page.getByRole("heading", { name: "How to apply" })).toBeVisible();
  const apply = page.getByRole("link", { name: "jobs@vandijk-auto.example" });
  await expect(apply).toHaveAttribute("href", /^mailto:jobs@vandijk-auto\.example/);

  const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
  const data = JSON.parse(jsonLd ?? "null");
  expect(data).toMatchObject({
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: "Service Advisor",
    hiringOrganization: { "@type": "Organization", name: "Van Dijk Auto Rotterdam" },
    jobLocation: { address: { addressLocality: "Rotterdam-Noord" } },
    applicationContact: { email: "jobs@vandijk-auto.example" },
  });
  expect(data.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(data.description).toContain("Vehicle reception and walk-around check");

  // Written for applicants: no portal links, no version or onboarding talk, no staff names.
  const text = (await page.locator("body").innerText()).toLowerCase();
  for (const insider of [/\byour role\b/, /\bversions?\b/, /onboarding/, /rolebook/, /\bsign in\b/, /helena/, /marco janssen/])
    expect(text).not.toMatch(insider);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.filter((h) => h.startsWith("/") && !h.startsWith("/jobs"))).toEqual([]);
});

test("the job pages fit a phone screen (390 px) without sideways scrolling", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
  const page = await context.newPage();
  for (const path of ["/jobs", "/jobs/service-advisor"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test("an employee cannot see a draft, edit a role or read HR's audit log", async ({ employeePage: page }) => {
  await page.goto("/roles/service-advisor");
  await expect(page.getByRole("link", { name: "Edit role" })).toHaveCount(0);
  expect((await page.goto("/roles/service-advisor/edit"))?.status()).toBe(404);
  expect((await page.goto("/roles/service-advisor/versions/2/tracking"))?.status()).toBe(404);
  expect((await page.goto("/audit"))?.status()).toBe(404);
  expect((await page.goto("/announcements/new"))?.status()).toBe(404);
});
