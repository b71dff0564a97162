import { expect, test } from "@playwright/test";
import { DEMO, message, signIn } from "./helpers";

test("switching to Latvian shows the Latvian UI and persists after sign-out and sign-in", async ({ page }) => {
  await signIn(page, DEMO.employee.email);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.getByLabel("Language").selectOption("lv");
  const nav = page.getByRole("navigation", { name: message("lv", "shell.mainNavigation") });
  await expect(nav.getByRole("link", { name: message("lv", "shell.nav.myRole") })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "lv");

  await page.getByRole("button", { name: message("lv", "shell.controls.signOut") }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // Signed out on an English browser, the sign-in page follows the browser again.
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await signIn(page, DEMO.employee.email);
  await expect(page.getByRole("link", { name: message("lv", "shell.nav.myRole") })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "lv");

  // Dates follow the locale too.
  await expect(page.getByRole("heading", { name: message("lv", "myRole.startDate") })).toBeVisible();

  // Leave the demo account as it was.
  await page.getByLabel(message("lv", "shell.controls.language")).selectOption("en");
  await expect(page.getByRole("link", { name: "My role" })).toBeVisible();
});

test("before sign-in, the browser's language is used", async ({ browser }) => {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: message("nl", "signIn.title") })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await context.close();
});
