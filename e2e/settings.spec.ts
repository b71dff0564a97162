import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { message } from "./helpers";

// The tests change organisation-wide settings: one at a time.
test.describe.configure({ mode: "serial" });
// Several saves and page loads each: more than a minute on a busy two-core machine.
test.beforeEach(() => test.slow());

test("HR sets the organisation's time zone and a time on a page says which zone", async ({ hrPage: page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisation settings" })).toBeVisible();
  const zone = page.getByLabel("Time zone", { exact: true });
  await expect(zone).toHaveValue("Europe/Amsterdam");
  await zone.selectOption("Europe/Riga");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  // Times are now shown in Riga's zone, and say so.
  await expect(page.getByTestId("time-zone-link")).toHaveText("Time zone: Europe/Riga");
  await expect(page.getByTestId("settings-updated")).toContainText("(Europe/Riga)");
  await page.goto("/audit?type=organisation");
  const row = page.getByRole("row").filter({ hasText: "Helena Rossi changed Van Dijk Auto Rotterdam’s time zone" }).first();
  await expect(row).toContainText(/\d{1,2}:\d{2}:\d{2}\s?(AM|PM)? \(Europe\/Riga\)/);

  // A stale form is refused as a conflict, not saved over the newer values.
  await page.goto("/settings");
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[name="revision"]')!;
    input.value = String(Number(input.value) - 1);
  });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone else changed this record" })).toBeVisible();

  // Back to Rotterdam's zone for the other specs.
  await page.reload();
  await page.getByLabel("Time zone", { exact: true }).selectOption("Europe/Amsterdam");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await expect(page.getByTestId("time-zone-link")).toHaveText("Time zone: Europe/Amsterdam");
});

test("HR adds a public holiday, a duplicate is refused next to the date, and removes it", async ({ hrPage: page }) => {
  await page.goto("/settings/holidays");
  await expect(page.getByRole("heading", { level: 1, name: "Public holidays" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Koningsdag/ }).first()).toBeVisible();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add holiday" }) });
  await form.getByLabel("Date").fill("2030-10-03");
  await form.getByLabel("Name").fill("Leidens Ontzet");
  await form.getByRole("button", { name: "Add holiday" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Holiday added." })).toBeVisible();
  await page.goto("/settings/holidays?page=2");
  const row = page.getByRole("row").filter({ hasText: "Leidens Ontzet" });
  await expect(row).toContainText(/Thu.*(3 October|October 3).*2030/);

  await form.getByLabel("Date").fill("2030-10-03");
  await form.getByLabel("Name").fill("Again");
  await form.getByRole("button", { name: "Add holiday" }).click();
  await expect(form.getByText("This date is already a public holiday.")).toBeVisible();
  await expect(form.getByLabel("Date")).toHaveAttribute("aria-invalid", "true");

  await row.getByRole("button", { name: /Remove/ }).click();
  await expect(page.getByRole("row").filter({ hasText: "Leidens Ontzet" })).toHaveCount(0);
});

test("a person chooses their own time zone; calendar days do not shift", async ({ employeePage: page }) => {
  await page.goto("/");
  await page.getByTestId("time-zone-link").click();
  await expect(page.getByRole("heading", { level: 1, name: "My preferences" })).toBeVisible();
  await page.getByLabel("Time zone", { exact: true }).selectOption("America/New_York");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your time zone is saved." })).toBeVisible();
  await expect(page.getByTestId("time-now")).toContainText("(America/New_York)");
  await expect(page.getByTestId("time-zone-link")).toHaveText("Time zone: America/New_York");
  // Elif's start date is a calendar day: the same in New York as in Rotterdam.
  const startDate = page.getByRole("heading", { name: "Start date" }).locator("xpath=following-sibling::p");
  await page.goto("/");
  const before = await startDate.textContent();
  await page.goto("/preferences");
  await page.getByLabel("Time zone", { exact: true }).selectOption("");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  // Back to the organisation's zone.
  await expect(page.getByTestId("time-zone-link")).not.toContainText("America/New_York");
  await page.goto("/");
  await expect(startDate).toHaveText(before!);
});

// HR's scheduled jobs page (/settings/jobs) and the automatic-reminder setting on /settings: here, not in
// a file of their own, because they read and save the same organisation settings (one revision).

test("HR sees the scheduled jobs with their last runs, run by the server on its own", async ({ hrPage: page }) => {
  test.slow(); // waits for the scheduler's first ticks
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Scheduled jobs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Scheduled jobs" })).toBeVisible();
  await expect(page.getByText("Times are in the organisation's time zone (Europe/Amsterdam).", { exact: false })).toBeVisible();
  for (const name of ["Sending email", "Daily digests", "Task transfers", "Reminders", "Daily jobs", "Sending webhooks", "Database backup"]) {
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
