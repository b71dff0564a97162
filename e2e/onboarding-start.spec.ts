import { expect, test } from "./fixtures";
import { unique } from "./helpers";

/** Picks the hire in the search-as-you-type picker on /onboarding/new. */
async function pickHire(page: import("@playwright/test").Page, typed: string, option: string) {
  const picker = page.getByLabel("Person", { exact: true });
  await picker.fill(typed);
  await expect(page.locator(`datalist option[value="${option}"]`)).toHaveCount(1);
  await picker.fill(option);
}

test("HR is refused a Saturday start and a second plan, each next to a visible field", async ({ hrPage: hr }) => {
  await hr.goto("/onboarding/new");
  await pickHire(hr, "Thomas", "Thomas Bakker — Service Advisor <thomas.bakker@example.com>");
  await hr.getByRole("button", { name: "Continue" }).click();
  await expect(hr.getByLabel("Plan for")).toHaveValue("Thomas Bakker");
  // The suggested start is a working day; a Saturday is refused next to the date field.
  await expect(hr.getByLabel("Start date")).toHaveAccessibleDescription(/working day/);
  await hr.getByLabel("Start date").fill("2030-03-02");
  await hr.getByRole("button", { name: "Start onboarding" }).click();
  const date = hr.getByLabel("Start date");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription(/This day is a weekend or public holiday/);
  await expect(hr.getByText("This day is a weekend or public holiday.", { exact: false })).toBeVisible();
  await expect(hr).toHaveURL(/\/onboarding\/new/);

  // Nora already has an open plan: the page says so, and a start is refused next to the person.
  await pickHire(hr, "Nora", "Nora Bērziņa — Service Advisor <newhire@example.com>");
  await hr.getByRole("button", { name: "Continue" }).click();
  await expect(hr.getByRole("status").filter({ hasText: "Nora Bērziņa already has an open onboarding plan." })).toBeVisible();
  await hr.getByLabel("Start date").fill("2030-03-04");
  await hr.getByRole("button", { name: "Start onboarding" }).click();
  const person = hr.getByLabel("Plan for");
  await expect(person).toBeVisible();
  await expect(person).toHaveAccessibleDescription("This person already has an open onboarding plan.");
});

test("removing a plan item asks first; Keep it keeps it and gives the focus back", async ({ hrPage: hr }) => {
  await hr.goto("/onboarding");
  await hr.getByRole("link", { name: "Lukas Petrauskas" }).click();
  const title = `Return the workshop badge ${unique()}`;
  await hr.getByLabel("Title").fill(title);
  await hr.getByLabel("Due day").fill("4");
  await hr.getByRole("button", { name: "Add item" }).click();
  const row = hr.getByRole("listitem").filter({ hasText: title });
  await expect(row).toHaveCount(1);

  const remove = row.getByRole("button", { name: new RegExp(`Remove\\W+${title}`) });
  await remove.click();
  const question = row.getByRole("group", { name: `Remove “${title}” from the plan?` });
  await expect(question.getByRole("button", { name: "Yes, remove" })).toBeFocused();
  await question.getByRole("button", { name: "Keep it" }).click();
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("button", { name: new RegExp(`Remove\\W+${title}`) })).toBeFocused();

  await row.getByRole("button", { name: new RegExp(`Remove\\W+${title}`) }).click();
  await row.getByRole("button", { name: "Yes, remove" }).click();
  await expect(hr.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
});

test("a reminder goes out once; the button then says when the next is possible", async ({ hrPage: hr }) => {
  await hr.goto("/onboarding");
  await hr.getByRole("link", { name: "Lukas Petrauskas" }).click();
  // Check-ins are on the plan with due dates.
  await expect(hr.getByText("Day 30 check-in", { exact: true })).toBeVisible();
  const title = `Read the lift safety card ${unique()}`;
  await hr.getByLabel("Title").fill(title);
  await hr.getByLabel("Due day").fill("30");
  await hr.getByLabel("Who does it").selectOption({ label: "New hire" });
  await hr.getByRole("button", { name: "Add item" }).click();
  const row = hr.getByRole("listitem").filter({ hasText: title });
  await row.getByRole("button", { name: new RegExp(`Remind\\W+${title}`) }).click();
  // Once sent, the button waits 24 hours and says until when, also after a reload.
  const sent = row.getByRole("button", { name: new RegExp(`Remind\\W+${title}`) });
  await expect(sent).toBeDisabled();
  await expect(sent).toHaveAccessibleDescription(/Next reminder possible/);
  await hr.reload();
  const again = hr.getByRole("listitem").filter({ hasText: title }).getByRole("button", { name: new RegExp(`Remind\\W+${title}`) });
  await expect(again).toBeDisabled();
  await expect(again).toHaveAccessibleDescription(/Next reminder possible/);
});

test("the supervisor who manages a plan has Onboarding in the navigation, and its back link leads somewhere", async ({ supervisorPage: page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: /Onboarding/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My onboarding tasks" })).toBeVisible();
  await page.getByRole("region", { name: "People you support" }).getByRole("link", { name: "Lukas Petrauskas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Onboarding of Lukas Petrauskas" })).toBeVisible();
  const back = page.getByRole("link", { name: /← My onboarding tasks/ });
  await back.click();
  await expect(page.getByRole("heading", { level: 1, name: "My onboarding tasks" })).toBeVisible();
  await expect(page.getByText("This page could not be found")).toHaveCount(0);
});
