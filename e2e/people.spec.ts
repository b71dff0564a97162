import { expect, test } from "./fixtures";
import { signIn, unique } from "./helpers";

async function createPerson(page: import("@playwright/test").Page, name: string, email: string, password: string) {
  await page.goto("/people/new");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Job role").selectOption({ label: "Parts Clerk" });
  await page.getByLabel("Team").fill("Parts");
  await expect(page.locator('datalist option[value="Parts & Care"]')).toHaveCount(1);
  await page.getByLabel("Team").fill("Parts & Care");
  await page.getByLabel("Reports to").fill("Marco");
  await expect(page.locator('datalist option[value="Marco Janssen <manager@example.com>"]')).toHaveCount(1);
  await page.getByLabel("Reports to").fill("Marco Janssen <manager@example.com>");
  await page.getByLabel("Set a password now").check();
  await page.getByLabel("Initial password").fill(password);
  await page.getByRole("button", { name: "Create person" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("The person was created and can sign in now.")).toBeVisible();
  await expect(page.getByTestId("team-picker")).toHaveValue("Parts & Care");
}

test("HR creates a person, who can then sign in and sees their role", async ({ hrPage, browser }) => {
  const id = unique();
  const email = `new.clerk.${id}@example.com`;
  await createPerson(hrPage, `Ana Popescu ${id}`, email, "welcome-to-rolebook");

  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await signIn(page, email, "welcome-to-rolebook");
  await expect(page.getByRole("heading", { level: 1, name: "Parts Clerk" })).toBeVisible();
  await expect(page.getByText("Marco Janssen").first()).toBeVisible();
  await context.close();
});

test("HR deactivates a person, whose open session is refused on the next request", async ({ hrPage, browser }) => {
  const id = unique();
  const email = `leaver.${id}@example.com`;
  const name = `Tomas Kazlauskas ${id}`;
  await createPerson(hrPage, name, email, "leaving-soon-123");

  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await signIn(page, email, "leaving-soon-123");
  await expect(page.getByTestId("current-user")).toHaveText(name);

  await hrPage.getByRole("button", { name: "Deactivate" }).click();
  const dialog = hrPage.getByRole("dialog", { name: `Deactivate ${name}?` });
  await dialog.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(hrPage.getByText("Deactivated", { exact: true }).first()).toBeVisible();

  await page.goto("/roles");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, "leaving-soon-123");
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is not correct." })).toBeVisible();

  await hrPage.getByRole("button", { name: "Reactivate" }).click();
  await expect(hrPage.getByText("Active", { exact: true })).toBeVisible();
  await signIn(page, email, "leaving-soon-123");
  await expect(page.getByTestId("current-user")).toHaveText(name);
  await context.close();
});

test("bad input is refused next to the field and nothing is written", async ({ hrPage: page }) => {
  await page.goto("/people/new");
  // The browser stops at the server's limit; a client that ignores it is still refused.
  await expect(page.getByLabel("Full name")).toHaveAttribute("maxlength", "200");
  await page.getByLabel("Full name").evaluate((el) => el.removeAttribute("maxlength"));
  await page.getByLabel("Full name").fill("x".repeat(201));
  await page.getByLabel("Email", { exact: true }).fill("employee@example.com");
  await page.getByLabel("Set a password now").check();
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Create person" }).click();
  await expect(page.getByText("Use at most 200 characters.")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
  // What was typed is kept.
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("employee@example.com");

  await page.getByLabel("Full name").fill("Duplicate Person");
  await page.getByLabel("Set a password now").check();
  await page.getByLabel("Initial password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create person" }).click();
  await expect(page.getByText("Someone already uses this email address.")).toBeVisible();
  await expect(page).toHaveURL(/\/people\/new$/);

  await page.goto("/people?q=Duplicate%20Person&status=all");
  await expect(page.getByText("No people match your search.")).toBeVisible();
});

test("HR searches people by name or email, across accents and case", async ({ hrPage: page }) => {
  await page.goto("/people");
  await page.getByLabel("Search").fill("yilmaz");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Elif Yılmaz" })).toBeVisible();
  await page.getByLabel("Search").fill("SUPERVISOR@");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Sven de Vries" })).toBeVisible();
  await expect(page.getByText("1 person")).toBeVisible();
});

test("a manager reads people in their teams but cannot edit", async ({ managerPage: page }) => {
  await page.goto("/people");
  await expect(page.getByRole("link", { name: "New person" })).toHaveCount(0);
  await page.getByRole("link", { name: "Elif Yılmaz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Elif Yılmaz" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  expect((await page.goto("/people/new"))?.status()).toBe(404);
});
