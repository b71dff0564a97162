import { expect, test } from "./fixtures";

test("the public Service Advisor posting renders signed out, generated from the current role", async ({ page }) => {
  const res = await page.goto("/jobs/service-advisor");
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(/\/jobs\/service-advisor$/);
  await expect(page.getByRole("heading", { level: 1, name: "Service Advisor" })).toBeVisible();
  await expect(page.getByText("We are hiring")).toBeVisible();
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

  await hrPage.getByRole("button", { name: "Withdraw posting" }).click();
  await expect(hrPage.getByText("This role has no public job posting.")).toBeVisible();
  expect((await page.goto("/jobs/customer-care-agent"))?.status()).toBe(404);
});

test("an employee cannot see a draft, edit a role or read HR's audit log", async ({ employeePage: page }) => {
  await page.goto("/roles/service-advisor");
  await expect(page.getByRole("link", { name: "Edit role" })).toHaveCount(0);
  expect((await page.goto("/roles/service-advisor/edit"))?.status()).toBe(404);
  expect((await page.goto("/roles/service-advisor/versions/2/tracking"))?.status()).toBe(404);
  expect((await page.goto("/audit"))?.status()).toBe(404);
  expect((await page.goto("/announcements/new"))?.status()).toBe(404);
});
