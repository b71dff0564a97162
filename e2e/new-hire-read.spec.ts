import { expect, test } from "./fixtures";
import { unique } from "./helpers";

// Nora (newhire@) started today and has never confirmed a version of her role: her onboarding item
// "Read and answer your role description" opens her whole role to read and confirm.
test("the new hire reads her whole role from her onboarding item, confirms it, and the item is ticked", async ({ newhirePage: page }) => {
  await page.goto("/");
  const item = page.getByRole("list", { name: "Today" }).getByRole("listitem").filter({ hasText: "Read and answer your role description" });
  await expect(item).toBeVisible();
  // Nobody ticks it by hand: it is done by confirming the role.
  await expect(item.getByRole("button")).toHaveCount(0);
  await item.getByRole("link", { name: "Read and confirm your role" }).click();

  await expect(page).toHaveURL(/\/my-role$/);
  await expect(page.getByRole("heading", { level: 1, name: "Read and confirm your role" })).toBeVisible();
  const contents = page.getByRole("navigation", { name: "Contents" });
  const entries = contents.getByRole("link");
  expect(await entries.count()).toBeGreaterThan(2);
  // The contents list links to each responsibility on the page.
  const first = (await entries.first().textContent())!.trim();
  await entries.first().click();
  await expect(page).toHaveURL(/#r-/);
  await expect(page.getByTestId("whole-role").getByRole("heading", { level: 3, name: first })).toBeVisible();

  await page.getByRole("button", { name: "I have read and understood my role" }).click();
  await expect(page.getByRole("status").filter({ hasText: /You confirmed on .* that you have read and understood version \d+/ })).toBeVisible();

  // Her plan shows the item done, ticked by her confirmation.
  await page.goto("/");
  await page.getByRole("link", { name: "The whole plan" }).click();
  await page.locator("summary").filter({ hasText: /^Done \(/ }).click();
  const done = page.getByRole("listitem").filter({ hasText: "Read and answer your role description" });
  await expect(done).toBeVisible();
  await expect(done.getByText(/^Done/)).toBeVisible();
  await expect(done.getByRole("button")).toHaveCount(0);
});

// A diff names categories in the reader's language, never by their keys.
test("a diff shows a capability's kind by name, not [technical]", async ({ hrPage: page }) => {
  const skill = `Tyre pressure sensors ${unique()}`;
  await page.goto("/roles/service-manager/edit");
  const responsibility = page.getByRole("group", { name: "KPIs and financial performance" });
  await responsibility.locator("summary").filter({ hasText: /^Capabilities needed/ }).click();
  // A name no record has yet: the picker offers to create it.
  await responsibility.getByLabel("Add capability").fill(skill);
  await responsibility.getByRole("button", { name: `Create a new capability “${skill}”` }).click();
  await expect(responsibility.getByLabel("Capability", { exact: true }).last()).toHaveValue(skill);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.getByLabel("Change summary").fill("A new capability");
  await page.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByText(/Version \d+ is published\./)).toBeVisible();
  const version = Number((await page.getByText(/Version \d+ is published\./).textContent())!.match(/\d+/)![0]);

  await page.goto(`/roles/service-manager/compare?from=${version - 1}&to=${version}`);
  const diff = page.getByTestId("role-diff");
  await expect(diff.getByText("Capabilities needed · Technical")).toBeVisible();
  await expect(diff.getByText(skill)).toBeVisible();
  await expect(diff).not.toContainText("[technical]");
  await expect(page.getByRole("region", { name: "What each version changed" })).toContainText("A new capability");
});
