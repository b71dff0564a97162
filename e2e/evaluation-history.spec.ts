import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/*
 * Reads the demo's released evaluation of employee@ (Elif Yılmaz) by supervisor@ (Sven de Vries),
 * which the demo seed provides (issue 9, point 12).
 */

async function openElif(page: Page) {
  await page.goto("/people");
  await page.getByRole("link", { name: "Elif Yılmaz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Elif Yılmaz" })).toBeVisible();
}

/** The person page's Evaluations section, and the link to the first released evaluation in it. */
async function firstEvaluationHref(page: Page): Promise<string> {
  const section = page.getByRole("region", { name: "Evaluations" });
  await expect(section).toBeVisible();
  const link = section.getByRole("table").getByRole("link").first();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/evaluations\/[1-9][0-9]*$/);
  return href!;
}

test("supervisor@ downloads a released evaluation as a PDF; a peer gets not found", async ({ supervisorPage: page, newhirePage }) => {
  await openElif(page);
  const href = await firstEvaluationHref(page);
  const response = await page.request.get(`${href}/pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="evaluation-elif-yilmaz-\d{4}-\d{2}-\d{2}\.pdf"$/);
  const body = await response.body();
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(body.toString("latin1")).toMatch(/DejaVuSans/);

  // newhire@ (a peer of Elif's) may not read it: the same 404 as for an evaluation that does not exist.
  expect((await newhirePage.request.get(`${href}/pdf`)).status()).toBe(404);
  expect((await page.request.get("/evaluations/999999/pdf")).status()).toBe(404);
  expect((await page.request.get("/evaluations/01/pdf")).status()).toBe(404);
});

test("manager@ sees Elif's evaluation history and how each rating moved", async ({ managerPage: page }) => {
  await openElif(page);
  const section = page.getByRole("region", { name: "Evaluations" });
  await expect(section.getByRole("row").filter({ hasText: "Sven de Vries" }).first()).toBeVisible();
  await expect(section.getByRole("link", { name: "Start evaluation" })).toHaveAttribute("href", /\/evaluations\/new\?person=\d+$/);
  const trends = section.getByRole("list", { name: "How the ratings moved" });
  await expect(trends.getByRole("listitem").first()).toBeVisible();
  // The text equivalent of each chart names the levels (e.g. "Meets expectations → Exceeds expectations").
  await expect(trends.getByText(/Needs improvement|Meets expectations|Exceeds expectations|Outstanding/).first()).toBeVisible();
  // No chart script: the chart is an SVG drawn on the server.
  await expect(trends.locator("svg path").first()).toBeAttached();

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("the employee sees their own history; printing leaves out the header and navigation", async ({ supervisorPage, employeePage: page }) => {
  // Elif cannot list people: her own page's address is taken from her supervisor's view.
  await openElif(supervisorPage);
  await page.goto(new URL(supervisorPage.url()).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Elif Yılmaz" })).toBeVisible();
  const section = page.getByRole("region", { name: "Evaluations" });
  await expect(section.getByRole("table").getByRole("link").first()).toBeVisible();
  await expect(section.getByRole("link", { name: "Start evaluation" })).toHaveCount(0);

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(nav).toBeHidden();
  await expect(page.getByTestId("current-user")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Elif Yılmaz" })).toBeVisible();
});

test("an evaluation prints alone: no navigation, no forms or buttons", async ({ supervisorPage: page }) => {
  await openElif(page);
  const href = await firstEvaluationHref(page);
  await page.goto(href);
  const root = page.locator("#evaluation-print-root");
  await expect(root).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(root).toBeVisible();
  for (const button of await page.getByRole("button").all()) await expect(button).toBeHidden();
});
