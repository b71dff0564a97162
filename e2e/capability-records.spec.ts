import { expect, test } from "./fixtures";

const HV = "Valid HV qualification for hybrid and electric work";

test("HR finds a capability, sees who needs it, and edits its validity", async ({ hrPage: page }) => {
  test.slow();
  await page.goto("/roles");
  await page.getByRole("link", { name: "Capabilities" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Capabilities" })).toBeVisible();
  await page.getByLabel("Search by name").fill("hv");
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByRole("row").filter({ hasText: HV });
  await expect(row).toContainText("24 months");
  await expect(page.getByText("2 capabilities")).toBeVisible();
  await row.getByRole("link", { name: HV }).click();
  await expect(page.getByRole("heading", { level: 1, name: HV })).toBeVisible();
  await expect(page.getByText("evidence is valid for 24 months")).toBeVisible();
  await expect(page.getByRole("link", { name: "Technician" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Workshop safety" })).toBeVisible();

  // A validity outside 1–120 is refused next to the field; a valid one is saved.
  const validity = page.getByLabel("Validity in months");
  await validity.fill("121");
  await page.getByRole("button", { name: "Save capability" }).click();
  await expect(page.getByText("Use a value of at most 120.")).toBeVisible();
  await validity.fill("36");
  await page.getByRole("button", { name: "Save capability" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Capability saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByText("evidence is valid for 36 months")).toBeVisible();
  await expect(page.getByLabel("Validity in months")).toHaveValue("36");
  // Put it back for the rest of the demo.
  await page.getByLabel("Validity in months").fill("24");
  await page.getByRole("button", { name: "Save capability" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Capability saved." })).toBeVisible();
});

test("a duplicate merged in the demo opens as its survivor, which both roles need", async ({ employeePage: page }) => {
  await page.goto("/roles/service-manager");
  await page.getByRole("link", { name: "Handling escalated, emotional complaints" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calming upset customers and de-escalation" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Customer Care Agent" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Service Manager" })).toBeVisible();
  await expect(page.getByText("Handling escalated, emotional complaints")).toBeVisible();
  // Only HR edits and merges.
  await expect(page.getByRole("heading", { name: "Edit capability" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Merge a duplicate" })).toHaveCount(0);
  const response = await page.goto("/capabilities");
  expect(response?.status()).toBe(404);
});

test("HR merges a duplicate into the capability that stays", async ({ hrPage: page }) => {
  test.slow();
  await page.goto("/capabilities?q=assigning+job+roles");
  await page.getByRole("link", { name: "Assigning job roles in Rolebook" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Assigning job roles in Rolebook" })).toBeVisible();
  await page.getByLabel("Capability that stays").fill("HR system");
  await page.getByRole("button", { name: /^HR system, contract templates and account requests/ }).click();
  await page.getByRole("button", { name: "Merge “Assigning job roles in Rolebook” into “HR system, contract templates and account requests”" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "HR system, contract templates and account requests" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The duplicate was merged into this capability." })).toBeVisible();
  await expect(page.getByText("Assigning job roles in Rolebook")).toBeVisible();
  // The list shows it as merged; the audit log names the merge.
  await page.goto("/capabilities?status=merged");
  await expect(page.getByRole("row").filter({ hasText: "Assigning job roles in Rolebook" })).toContainText("Merged into HR system, contract templates and account requests");
  await page.goto("/audit");
  await expect(page.getByText(/merged the duplicate “Assigning job roles in Rolebook” into the capability/).first()).toBeVisible();
});

test("a role author picks an existing capability by search-as-you-type", async ({ managerPage: page }) => {
  test.slow();
  await page.goto("/roles/parts-clerk/edit");
  const responsibility = page.getByRole("group", { name: "Counter sales" });
  await responsibility.locator("summary").filter({ hasText: /^Capabilities needed/ }).click();
  await responsibility.getByLabel("Add capability").fill("de-escal");
  await responsibility.getByRole("button", { name: /^Calming upset customers and de-escalation/ }).click();
  await expect(responsibility.getByLabel("Capability", { exact: true }).last()).toHaveValue("Calming upset customers and de-escalation");
  await expect(responsibility.getByLabel("Type", { exact: true }).last()).toHaveValue("interpersonal");
  // A merged duplicate is never offered.
  await responsibility.getByLabel("Add capability").fill("emotional complaints");
  await expect(responsibility.getByRole("button", { name: "Create a new capability “emotional complaints”" })).toBeVisible();
  await expect(responsibility.getByRole("button", { name: /^Handling escalated/ })).toHaveCount(0);
});
