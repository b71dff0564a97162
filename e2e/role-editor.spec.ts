import { expect, test } from "./fixtures";

test("a refused save focuses the first invalid field, and leaving with unsaved changes asks first", async ({ managerPage: page }) => {
  test.slow();
  await page.goto("/roles/technician/edit");
  const titles = page.getByLabel("Responsibility title", { exact: true });
  await titles.nth(2).fill("");
  await titles.nth(3).fill("");
  await page.getByLabel("Purpose").focus();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please check the highlighted fields." })).toBeVisible();
  // The first of the two invalid fields has the focus and is on screen.
  await expect(titles.nth(2)).toBeFocused();
  await expect(titles.nth(2)).toBeInViewport();
  await expect(titles.nth(2)).toHaveAttribute("aria-invalid", "true");

  // Following a link inside the portal asks; refusing keeps the work on screen.
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.type();
    void d.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).click();
  await expect.poll(() => asked).toBe("confirm");
  await expect(page).toHaveURL(/\/roles\/technician\/edit$/);
  await expect(titles.nth(2)).toHaveValue("");

  // Closing or reloading the tab asks too (beforeunload).
  const beforeUnload = new Promise<string>((resolve) => page.once("dialog", (d) => (resolve(d.type()), void d.dismiss())));
  await page.close({ runBeforeUnload: true });
  expect(await beforeUnload).toBe("beforeunload");
});

test("with nothing unsaved, leaving does not ask", async ({ managerPage: page }) => {
  await page.goto("/roles/technician/edit");
  let asked = false;
  page.on("dialog", (d) => {
    asked = true;
    void d.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).click();
  await expect(page).toHaveURL(/\/roles$/);
  expect(asked).toBe(false);
});

test("on a conflict the second person's text stays on screen beside the saved draft and can be put back", async ({ managerPage: manager, hrPage: hr }) => {
  test.slow();
  const mine = `HR's own wording ${Date.now()}`;
  const theirs = `The manager's wording ${Date.now()}`;
  await manager.goto("/roles/customer-care-agent/edit");
  await hr.goto("/roles/customer-care-agent/edit");

  // The manager saves first.
  await manager.getByLabel("Purpose").fill(theirs);
  await manager.getByRole("button", { name: "Save draft" }).click();
  await expect(manager.getByText("Draft saved.")).toBeVisible();

  // HR edited the same field and a responsibility description from the older draft.
  await hr.getByLabel("Purpose").fill(mine);
  await hr.getByLabel("Description", { exact: true }).first().fill(`${mine} (description)`);
  await hr.getByRole("button", { name: "Save draft" }).click();
  await expect(hr.getByRole("alert").filter({ hasText: "Someone else saved this draft" })).toBeVisible();
  const panel = hr.getByTestId("conflict-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByText(mine, { exact: true })).toBeVisible();
  await expect(panel.getByText(theirs, { exact: true })).toBeVisible();
  await expect(panel.getByText(`${mine} (description)`)).toBeVisible();
  // The editor shows the saved draft: nothing was overwritten.
  await expect(hr.getByLabel("Purpose")).toHaveValue(theirs);

  // HR puts their purpose back, field by field, and saves on top of the newer revision.
  const purposeItem = panel.getByRole("listitem").filter({ hasText: mine }).filter({ hasText: "Purpose" });
  await purposeItem.getByRole("button", { name: "Use mine" }).click();
  await expect(hr.getByLabel("Purpose")).toHaveValue(mine);
  await expect(panel.getByText(`${mine} (description)`)).toBeVisible();
  await panel.getByRole("button", { name: "Use mine" }).click();
  await expect(hr.getByLabel("Description", { exact: true }).first()).toHaveValue(`${mine} (description)`);
  await expect(panel).toBeHidden();
  await hr.getByRole("button", { name: "Save draft" }).click();
  await expect(hr.getByText("Draft saved.")).toBeVisible();

  await manager.reload();
  await expect(manager.getByLabel("Purpose")).toHaveValue(mine);
  manager.once("dialog", (d) => void d.accept());
  await manager.getByRole("button", { name: "Discard draft" }).click();
  await expect(manager).toHaveURL(/\/roles\/customer-care-agent$/);
});

// Criteria carry stable keys (evaluations rate them by key across versions): removing, adding,
// moving and renaming them in the editor keeps each one's identity, so the comparison shows the
// removed criterion removed whole and the renamed one as a change of its words.
test("criteria keep their identity through remove, add, move and rename", async ({ hrPage: page }) => {
  test.slow();
  await page.goto("/roles/hr-partner/edit");
  const onboarding = page.getByRole("group", { name: "Onboarding", exact: true });
  await onboarding.locator("summary").filter({ hasText: /^How it is evaluated/ }).click();
  await onboarding.getByRole("button", { name: /^Remove\W+Check-ins held$/ }).click();
  await onboarding.getByLabel("Criterion", { exact: true }).fill("New-starter retention at 6 months");
  await onboarding.getByRole("button", { name: "Add criterion" }).click();
  await onboarding.getByLabel("Criterion", { exact: true }).last().fill("Buddy assigned");
  await onboarding.getByRole("button", { name: /^Move up\W+Buddy assigned$/ }).click();
  await expect(onboarding.getByLabel("Criterion", { exact: true }).first()).toHaveValue("Buddy assigned");
  await expect(onboarding.getByLabel("Criterion", { exact: true }).last()).toHaveValue("New-starter retention at 6 months");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.getByLabel("Change summary").fill("Onboarding criteria reworded");
  await page.getByLabel(/Editorial fix/).check();
  await page.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByText(/Version \d+ is published\./)).toBeVisible();
  const version = Number((await page.getByText(/Version \d+ is published\./).textContent())!.match(/\d+/)![0]);

  await page.goto(`/roles/hr-partner/compare?from=${version - 1}&to=${version}`);
  const changes = page.getByTestId("role-diff").getByRole("region", { name: "Onboarding", exact: true });
  await expect(changes.locator("del").filter({ hasText: "Check-ins held — 100% of 30-, 60- and 90-day check-ins held and recorded." })).toHaveCount(1);
  await expect(changes.locator("ins").filter({ hasText: "Buddy assigned" })).toHaveCount(1);
  await expect(changes.locator("ins").filter({ hasText: "at 6 months" })).toHaveCount(1);
  // The renamed criterion was not removed and added again.
  await expect(changes.locator("del").filter({ hasText: "New-starter retention" })).toHaveCount(0);
});
