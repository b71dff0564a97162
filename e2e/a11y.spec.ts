import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("My role has no serious accessibility violations", async ({ employeePage: page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Service Advisor" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("People and a person page have no serious accessibility violations", async ({ hrPage: page }) => {
  await page.goto("/people");
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Elif Yılmaz" }).click();
  await expect(page.getByRole("heading", { name: "Edit details" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("Roles and a role page have no serious accessibility violations", async ({ managerPage: page }) => {
  await page.goto("/roles");
  await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/roles/service-advisor");
  await expect(page.getByRole("heading", { level: 1, name: "Service Advisor" })).toBeVisible();
  await expectNoSeriousViolations(page);
});
