import { expect, test } from "@playwright/test";
import { jobRoles } from "../db/seed-data";
import { DEMO, type DemoAccount, signIn } from "./helpers";

for (const account of Object.keys(DEMO) as DemoAccount[]) {
  test(`${account} signs in and lands on My role with their responsibilities`, async ({ page }) => {
    const { email, role } = DEMO[account];
    await signIn(page, email);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: role })).toBeVisible();
    const responsibilities = jobRoles.find((r) => r.title === role)!.responsibilities;
    const list = page.getByRole("list", { name: "Responsibilities" });
    for (const r of responsibilities) await expect(list.getByRole("heading", { name: r.title })).toBeVisible();
    await expect(list.getByText(responsibilities[0].tasks[0].title, { exact: true })).toBeVisible();
  });
}

test("a wrong password shows one generic error and stays on sign-in", async ({ page }) => {
  await signIn(page, DEMO.employee.email, "definitely-wrong");
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is not correct." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, "nobody-here@example.com", "definitely-wrong");
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is not correct." })).toBeVisible();
});

test("a signed-out visit to a portal page redirects to sign-in, then back", async ({ page }) => {
  await page.goto("/roles/technician");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Froles%2Ftechnician/);
  await page.getByLabel("Email").fill(DEMO.employee.email);
  await page.getByLabel("Password").fill("rolebook-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/roles\/technician$/);
  await expect(page.getByRole("heading", { level: 1, name: "Technician" })).toBeVisible();
});

test("the session cookie is HttpOnly and SameSite=Lax, and sign-out ends the session", async ({ page, context }) => {
  await signIn(page, DEMO.manager.email);
  await expect(page.getByTestId("current-user")).toBeVisible();
  const session = (await context.cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/people");
  await expect(page).toHaveURL(/\/sign-in/);
});
