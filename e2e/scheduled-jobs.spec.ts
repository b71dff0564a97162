import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { message } from "./helpers";

/** HR's scheduled jobs page (/settings/jobs) and the automatic-reminder setting on /settings. */

test("HR sees the scheduled jobs with their last runs, run by the server on its own", async ({ hrPage: page }) => {
  test.slow(); // waits for the scheduler's first ticks
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Scheduled jobs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Scheduled jobs" })).toBeVisible();
  await expect(page.getByText("Times are in the organisation's time zone (Europe/Amsterdam).", { exact: false })).toBeVisible();
  for (const name of ["Sending email", "Daily digests", "Task transfers", "Reminders", "Daily jobs", "Sending webhooks"]) {
    await expect(page.getByRole("cell", { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await expect(page.getByTestId("job-email")).toContainText("Every 10 seconds");
  // The email job ticks every 10 seconds with no request needed: its row soon shows a last run and a result.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("job-email")).not.toContainText("Not run yet", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("job-email").locator("time")).toBeVisible();
  await expect(page.getByTestId("job-email").getByRole("cell").nth(4)).toHaveText(/^[1-9]\d*$/);

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("HR sets after how many working days reminders go out; out of range is refused next to the field", async ({ hrPage: page }) => {
  const field = () => page.getByLabel("Remind after (working days)");
  const save = () => page.getByRole("button", { name: "Save reminder setting" }).click();
  await page.goto("/settings");
  await expect(field()).toHaveValue("3");
  await field().fill("21");
  await save();
  await expect(page.getByText(message("en", "errors.reminderWorkingDaysRange"))).toBeVisible();
  await field().fill("5");
  await save();
  await expect(page.getByRole("status").filter({ hasText: "Reminder setting saved." })).toBeVisible();
  await page.reload();
  try {
    await expect(field()).toHaveValue("5");
  } finally {
    await field().fill("3");
    await save();
    await expect(page.getByRole("status").filter({ hasText: "Reminder setting saved." })).toBeVisible();
  }
});

test("the jobs page is HR's only", async ({ employeePage: page }) => {
  await page.goto("/settings/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "Scheduled jobs" })).toHaveCount(0);
  await expect(page.getByText("Sending email")).toHaveCount(0);
});
