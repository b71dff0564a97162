import { expect, test } from "./fixtures";

/** Tools and access (issue 11, point 8): the manager's open list, a person's checklist, ticking. */

test("the manager sees Rūta's access flagged after her role change and revokes it", async ({ managerPage: page }) => {
  await page.goto("/access?view=revoke");
  await expect(page.getByRole("heading", { level: 1, name: "Tools and access" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Rūta Jankauskienė" }).filter({ hasText: "DMS: bookings, repair orders and invoicing" });
  await expect(row).toContainText("To revoke");
  await expect(row).toContainText("After a role change");
  await row.getByRole("link", { name: "Rūta Jankauskienė" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tools and access: Rūta Jankauskienė" })).toBeVisible();
  const tool = page.getByRole("row").filter({ hasText: "DMS: bookings, repair orders and invoicing" });
  await expect(tool).toContainText("No longer needed by the current role");
  await tool.getByRole("button", { name: /^Revoke\s*: DMS: bookings, repair orders and invoicing$/ }).click();
  await expect(tool).toContainText("Revoked");
  await expect(tool).toContainText("Revoked by Marco");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "DMS: bookings, repair orders and invoicing" })).toContainText("Revoked by Marco");
  // Her new role's tools wait to be granted.
  await expect(page.getByRole("row").filter({ hasText: "CRM and follow-up call lists" })).toContainText("Pending");
});

test("the manager grants the new hire a pending tool; who and when show on her checklist", async ({ managerPage: page }) => {
  await page.goto("/access?view=pending&q=Nora");
  await page.getByRole("link", { name: "Nora Bērziņa" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Tools and access: Nora Bērziņa" })).toBeVisible();
  const tool = page.getByRole("row").filter({ hasText: "Reception check-in tablet" });
  await expect(tool).toContainText("Pending");
  await tool.getByRole("button", { name: /^Grant\s*: Reception check-in tablet$/ }).click();
  await expect(tool).toContainText("Granted by Marco");
  await page.goto("/access?view=pending&q=tablet");
  await expect(page.getByRole("row").filter({ hasText: "Nora Bērziņa" })).toHaveCount(0);
});

test("a supervisor has no tools-and-access pages", async ({ supervisorPage: page }) => {
  const response = await page.goto("/access");
  expect(response?.status()).toBe(404);
});

test("the manager grants a pending tool straight from the open list", async ({ managerPage: page }) => {
  await page.goto("/access?view=pending&q=Lukas");
  const row = page.getByRole("row").filter({ hasText: "Lukas Petrauskas" }).filter({ hasText: "HV safety kit (gloves, insulated tools)" });
  await expect(row).toContainText("Pending");
  await row.getByRole("button", { name: /^Grant\s*: HV safety kit \(gloves, insulated tools\), Lukas Petrauskas$/ }).click();
  // Granted, it leaves the list of open items.
  await expect(page.getByRole("row").filter({ hasText: "HV safety kit (gloves, insulated tools)" }).filter({ hasText: "Lukas Petrauskas" })).toHaveCount(0);
  await page.goto("/people?q=Lukas");
  await page.getByRole("link", { name: "Lukas Petrauskas" }).first().click();
  await page.getByRole("link", { name: "Tools and access" }).click();
  await expect(page.getByRole("row").filter({ hasText: "HV safety kit (gloves, insulated tools)" })).toContainText("Granted by Marco");
});
