import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

/** Nothing is wider than the screen, the header is at most 64 px, and the menu button opens the navigation. */
async function expectFitsPhone(page: Page) {
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const header = await page.locator("header").first().boundingBox();
  expect(header!.height).toBeLessThanOrEqual(64);
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  await expect(page.locator(`#${await menu.getAttribute("aria-controls")}`)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  // Escape closes it and gives focus back to the button.
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
}

test("on a phone, My role, changes, an onboarding plan, people and a role page fit the screen", async ({ employeePage, newhirePage, hrPage, managerPage }) => {
  test.slow();
  for (const p of [employeePage, newhirePage, hrPage, managerPage]) await p.setViewportSize(PHONE);

  // A role whose purpose holds a 150-character word and a long address (it used to widen the page to 2,004 px).
  const word = "Warrantyclaimpaperwork".repeat(7).slice(0, 150);
  const url = `https://example.com/${"very-long-path-segment-".repeat(6)}end`;
  await managerPage.setViewportSize({ width: 1280, height: 900 });
  await managerPage.goto("/roles/service-manager/edit");
  await managerPage.getByLabel("Purpose").fill(`Runs the service department. ${word} See <${url}>.`);
  await managerPage.getByRole("button", { name: "Save draft" }).click();
  await expect(managerPage.getByText("Draft saved.")).toBeVisible();
  await managerPage.getByLabel("Change summary").fill("Longer purpose");
  await managerPage.getByLabel(/Editorial fix/).check();
  await managerPage.getByRole("button", { name: "Publish version" }).click();
  await expect(managerPage.getByText(/Version \d+ is published\./)).toBeVisible();
  await managerPage.setViewportSize(PHONE);

  await employeePage.goto("/");
  await expect(employeePage.getByRole("heading", { level: 1, name: "Service Advisor" })).toBeVisible();
  await expectFitsPhone(employeePage);

  await employeePage.goto("/changes");
  await expectFitsPhone(employeePage);

  await newhirePage.goto("/");
  await newhirePage.locator('main a[href^="/onboarding/"]').first().click();
  await expect(newhirePage).toHaveURL(/\/onboarding\/\d+$/);
  await expectFitsPhone(newhirePage);

  await hrPage.goto("/people");
  await expect(hrPage.getByRole("table")).toBeVisible();
  await expectFitsPhone(hrPage);
  // The table is stacked rows: each cell shows its column header.
  const cell = hrPage.getByRole("row").nth(1).getByRole("cell").nth(1);
  expect(await cell.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"Job role"');
  expect(await cell.evaluate((td) => getComputedStyle(td).display)).toBe("block");
  // Stacked rows and the open menu stay accessible.
  await hrPage.getByRole("button", { name: "Menu" }).click();
  const axe = await new AxeBuilder({ page: hrPage }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await hrPage.keyboard.press("Escape");

  await managerPage.goto("/roles/service-manager");
  await expect(managerPage.getByText(word.slice(0, 30), { exact: false }).first()).toBeVisible();
  await expectFitsPhone(managerPage);
  // The address in the text is a link (Markdown) and wraps.
  await expect(managerPage.getByRole("link", { name: url })).toBeVisible();

  // Following a link in the menu goes there and closes the menu.
  await managerPage.getByRole("button", { name: "Menu" }).click();
  await managerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(managerPage).toHaveURL(/\/people$/);
  await expect(managerPage.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expectFitsPhone(managerPage);
});

test("on a phone, the buttons at the top of a person's page wrap onto new lines instead of squeezing their words", async ({ hrPage }) => {
  await hrPage.setViewportSize(PHONE);
  await hrPage.goto("/people");
  await hrPage.getByRole("link", { name: "Elif Yılmaz" }).first().click();
  await expect(hrPage.getByRole("heading", { level: 1, name: "Elif Yılmaz" })).toBeVisible();
  const actions = hrPage.locator("main h1").locator("xpath=../following-sibling::div[1]").locator("a, button");
  expect(await actions.count()).toBeGreaterThanOrEqual(3);
  // One line of text each: a squeezed button breaks "Capability" into "Capab / ility".
  for (const box of await actions.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeLessThanOrEqual(48);
  await expectFitsPhone(hrPage);
});
