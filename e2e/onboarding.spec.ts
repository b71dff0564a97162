import { people as seedPeople } from "../db/seed-data";
import { expect, test } from "./fixtures";
import { signIn, unique } from "./helpers";

test("HR starts an onboarding with a suggested buddy; the hire ticks today's item; the buddy sees it; progress moves", async ({ hrPage: hr, browser }) => {
  // A long path through three people's sessions (a fresh sign-in included): slow on a busy machine.
  test.slow();
  const id = unique();
  const name = `Sofia Marin ${id}`;
  const email = `sofia.marin.${id}@example.com`;

  // HR creates the new Parts Clerk…
  await hr.goto("/people/new");
  await hr.getByLabel("Full name").fill(name);
  await hr.getByLabel("Email", { exact: true }).fill(email);
  await hr.getByLabel("Job role").selectOption({ label: "Parts Clerk" });
  await hr.getByLabel("Team").fill("Parts");
  await expect(hr.locator('datalist option[value="Parts & Care"]')).toHaveCount(1);
  await hr.getByLabel("Team").fill("Parts & Care");
  await hr.getByLabel("Reports to").fill("Marco");
  await expect(hr.locator('datalist option[value="Marco Janssen <manager@example.com>"]')).toHaveCount(1);
  await hr.getByLabel("Reports to").fill("Marco Janssen <manager@example.com>");
  await hr.getByLabel("Set a password now").check();
  await hr.getByLabel("Initial password").fill("first-day-password");
  await hr.getByRole("button", { name: "Create person" }).click();
  await expect(hr.getByRole("heading", { level: 1, name })).toBeVisible();

  // …and starts the onboarding, keeping the first suggested buddy.
  await hr.getByRole("link", { name: "Start onboarding" }).click();
  const suggestions = hr.getByRole("list", { name: "Suggested buddies" });
  const longest = seedPeople.filter((p) => p.jobRole === "parts-clerk").sort((a, b) => b.startDaysAgo - a.startDaysAgo)[0];
  await expect(suggestions.getByRole("listitem").first()).toContainText(longest.name);
  await expect(hr.getByLabel("Buddy")).toHaveValue(new RegExp(`^${longest.name} — Parts Clerk <`));
  await hr.getByRole("button", { name: "Start onboarding" }).click();
  await expect(hr.getByText("The plan is ready.")).toBeVisible();
  await expect(hr.getByRole("heading", { level: 1, name: `Onboarding of ${name}` })).toBeVisible();

  // The new hire signs in and sees today's items on their home page.
  const hireContext = await browser.newContext({ locale: "en-GB" });
  const hire = await hireContext.newPage();
  await signIn(hire, email, "first-day-password");
  await expect(hire.getByRole("heading", { name: /You are onboarding/ })).toBeVisible();
  const bar = hire.getByRole("progressbar", { name: "Onboarding progress" });
  const before = Number(await bar.getAttribute("aria-valuenow"));
  const today = hire.getByRole("list", { name: "Today" });
  await expect(today.getByText("Read and answer your role description", { exact: true })).toBeVisible();
  await expect(hire.getByText(longest.name).first()).toBeVisible();
  // Reading the role is done by confirming it on its page.
  await today.getByRole("link", { name: "Read and confirm your role" }).click();
  await hire.getByRole("button", { name: "I have read and understood my role" }).click();
  await expect(hire.getByRole("status").filter({ hasText: /You confirmed on/ })).toBeVisible();
  await hire.goto("/");
  // Done items leave "Today".
  await expect(today.getByText("Read and answer your role description", { exact: true })).toHaveCount(0);
  await expect.poll(async () => Number(await hire.getByRole("progressbar", { name: "Onboarding progress" }).getAttribute("aria-valuenow"))).toBeGreaterThan(before);

  // Items someone else owes are shown, but cannot be ticked by the hire.
  await hire.getByRole("link", { name: "The whole plan" }).click();
  await expect(hire.getByText("Buddy: " + longest.name).first()).toBeVisible();

  // The calendar download has all-day events with stable UIDs.
  const ics1 = await (await hire.request.get("/api/onboarding/calendar")).text();
  const ics2 = await (await hire.request.get("/api/onboarding/calendar")).text();
  expect(ics1).toContain("BEGIN:VCALENDAR");
  expect(ics1).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
  const uids = (s: string) => [...s.matchAll(/^UID:(.+)$/gm)].map((m) => m[1].trim());
  expect(uids(ics1).length).toBeGreaterThan(0);
  expect(uids(ics2)).toEqual(uids(ics1));
  await hireContext.close();

  // The buddy sees what they owe this hire in "My onboarding tasks".
  const buddyContext = await browser.newContext({ locale: "en-GB" });
  const buddy = await buddyContext.newPage();
  await signIn(buddy, longest.email);
  await buddy.getByRole("link", { name: /Onboarding tasks/ }).click();
  const owed = buddy.getByRole("list", { name: "Items you owe" });
  await expect(owed.getByRole("link", { name: `for ${name}` }).first()).toBeVisible();
  await owed.getByRole("link", { name: `for ${name}` }).first().click();
  await expect(buddy.getByRole("heading", { level: 1, name: `Onboarding of ${name}` })).toBeVisible();
  await expect(buddy.getByText("1 of", { exact: false }).first()).toBeVisible();
  await buddyContext.close();
});

test("the overview shows open plans with progress and overdue counts; a manager adds an item and refuses a bad due day", async ({ managerPage: page }) => {
  await page.goto("/onboarding");
  const row = page.getByRole("row").filter({ hasText: "Technician" }).first();
  await expect(row).toContainText("2 overdue");
  await page.getByLabel("Team").selectOption({ label: "Reception" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Technician" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Nora Bērziņa" })).toBeVisible();

  await page.getByRole("link", { name: "Nora Bērziņa" }).click();
  await page.getByLabel("Title").fill("Meet the parts desk team");
  await page.getByLabel("Due day").fill("200");
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByText("Use a value of at most 180.")).toBeVisible();
  await page.getByLabel("Due day").fill("4");
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByText("Meet the parts desk team", { exact: true })).toBeVisible();
});
