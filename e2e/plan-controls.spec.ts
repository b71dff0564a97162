import { expect, test } from "./fixtures";
import { unique } from "./helpers";

// The supervisor is the named manager of Nora's plan, but not HR or an app-role manager: the page
// must show exactly the controls the policy lets them use, and each of them must work.
test("the supervisor named manager of Nora's plan sees only the controls they may use, and each works", async ({ supervisorPage: page }) => {
  // Nothing is due from them today, yet their plans are one click away.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Onboarding tasks" }).click();
  await page.getByRole("region", { name: "People you support" }).getByRole("link", { name: "Nora Bērziņa" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Onboarding of Nora Bērziņa" })).toBeVisible();

  // No way back to the overview, which is for HR and managers: the link goes to their own tasks.
  await expect(page.getByRole("link", { name: "← Onboarding", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /My onboarding tasks/ }).first()).toBeVisible();

  // They may tick manager items, never the hire's or the buddy's.
  // The hire's role reading is done by her confirming it (open, or already under "Done" when
  // e2e/new-hire-read.spec.ts ran first): no tick or undo on it, for anyone.
  const readRole = page.locator("li").filter({ hasText: "Read and answer your role description" }).last();
  await expect(readRole).toBeAttached();
  await expect(readRole.locator("button", { hasText: /Mark done|Undo/ })).toHaveCount(0);
  // The welcome (a manager item) they already did can be undone; it sits under "Done".
  await page.locator("summary").filter({ hasText: /^Done \(/ }).click();
  await expect(page.getByRole("button", { name: /Undo/ }).first()).toBeVisible();

  // Add an item, then remove it: both work for them (before, Remove silently did nothing).
  const title = `Walk the workshop safety route ${unique()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Due day").fill("3");
  await page.getByLabel("Who does it").selectOption({ label: "Manager" });
  await page.getByRole("button", { name: "Add item" }).click();
  const added = page.getByRole("listitem").filter({ hasText: title });
  await expect(added).toHaveCount(1);
  await added.getByRole("button", { name: new RegExp(`Remove\\W+${title}`) }).click();
  // Removing asks first.
  const confirm = added.getByRole("group", { name: `Remove “${title}” from the plan?` });
  await expect(confirm.getByRole("button", { name: "Yes, remove" })).toBeFocused();
  await confirm.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  // A check-in note saves.
  const note = `Settling in well ${unique()}`;
  await page.getByLabel("Note for Day 1").fill(note);
  await page.getByRole("button", { name: "Save note" }).first().click();
  await expect(page.getByRole("status").filter({ hasText: "Note saved." }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Note for Day 1")).toHaveValue(note);

  // Closing early is offered, and refuses without a reason (the plan stays open for the other tests).
  await page.getByRole("button", { name: "Close plan" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Close plan early" })).toBeVisible();
});

test("a refused button shows why instead of doing nothing", async ({ supervisorPage: page, hrPage: hr }) => {
  // HR adds an item, the supervisor loads the plan, HR removes the item: the supervisor's Remove
  // click now fails, and says so in place.
  await hr.goto("/onboarding");
  await hr.getByRole("link", { name: "Nora Bērziņa" }).click();
  const title = `Collect the workshop keys ${unique()}`;
  await hr.getByLabel("Title").fill(title);
  await hr.getByLabel("Due day").fill("2");
  await hr.getByRole("button", { name: "Add item" }).click();
  await expect(hr.getByRole("listitem").filter({ hasText: title })).toHaveCount(1);
  const planUrl = hr.url();

  await page.goto(planUrl);
  const row = page.getByRole("listitem").filter({ hasText: title });
  await expect(row).toHaveCount(1);

  await hr.getByRole("listitem").filter({ hasText: title }).getByRole("button", { name: /Remove/ }).click();
  await hr.getByRole("listitem").filter({ hasText: title }).getByRole("button", { name: "Yes, remove" }).click();
  await expect(hr.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  await row.getByRole("button", { name: /Remove/ }).click();
  await row.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "We could not find that record." })).toBeVisible();
});
