import { expect, test } from "./fixtures";

/**
 * Customer ratings, the reading side (issue 12, points 4–6): My feedback with averages and the
 * ratings themselves, team aggregates that hide groups under 5 ratings, and the supervisor's
 * follow-up of the seeded low rating, from opening it to solved. Relies on the demo seed
 * (db/seed-feedback-ratings.ts): weeks of ratings for employee@ (Elif) and an open follow-up of her
 * rating of 2 with contact details, owned by supervisor@.
 */

const ELIF = "Elif Yılmaz";
const MARCO = "Marco Janssen";

/** The most recent weekday at least two days ago (UTC), as the seed counts days: Elif has 1–3 ratings on it. */
function recentWeekday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - 2);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

test("My feedback shows my average, count, standards and ratings, never a customer's contact details", async ({ employeePage: page }) => {
  await page.goto("/feedback");
  await expect(page.getByRole("heading", { level: 1, name: "My feedback" })).toBeVisible();
  await expect(page.getByTestId("my-average")).toContainText(/^[1-5]\.\d of 5$/);
  expect(Number(await page.getByTestId("my-count").textContent())).toBeGreaterThan(20);
  await expect(page.getByRole("table").first()).toContainText(/Vocabulary and speech formulas|Speed and service time|Expressions and gestures/);
  const ratings = page.getByTestId("my-ratings");
  const low = ratings.locator("li").filter({ hasText: "nobody called me first" });
  await expect(low).toContainText("2 stars of 5");
  await expect(low).toContainText("Per-service link");
  await expect(low).toHaveAttribute("id", /^rating-\d+$/);
  await expect(page.locator("body")).not.toContainText("jeroen.smit");
  // The 60-day view and the second page of ratings.
  await page.getByRole("link", { name: "Last 60 days" }).click();
  await expect(page.getByRole("heading", { name: "The last 60 days" })).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("my-ratings").locator("li").first()).toBeVisible();
});

test("team ratings show groups of at least 5 and hide smaller ones; an employee has no team view", async ({ supervisorPage, managerPage, employeePage }) => {
  await supervisorPage.goto("/feedback/team");
  await expect(supervisorPage.getByRole("heading", { level: 1, name: "Team ratings" })).toBeVisible();
  await expect(supervisorPage.getByTestId("team-total")).toContainText(/Average \d\.\d of 5 from \d+ ratings/);
  await expect(supervisorPage.getByTestId("team-people")).toContainText(ELIF);
  await expect(supervisorPage.getByTestId("team-people")).not.toContainText("Thomas Bakker");
  await expect(supervisorPage.getByTestId("team-comments")).toBeVisible();

  // One day: fewer than 5 ratings, so no numbers at all.
  const day = recentWeekday();
  await supervisorPage.getByLabel("From", { exact: true }).fill(day);
  await supervisorPage.getByLabel("To", { exact: true }).fill(day);
  await supervisorPage.getByRole("button", { name: "Show" }).click();
  await expect(supervisorPage).toHaveURL(new RegExp(`from=${day}`));
  await expect(supervisorPage.getByTestId("team-total")).toHaveText("Fewer than 5 ratings");
  await expect(supervisorPage.getByTestId("team-people")).toHaveCount(0);

  // A period that ends before it starts is refused with a message.
  await supervisorPage.goto("/feedback/team?from=2026-03-10&to=2026-03-01");
  await expect(supervisorPage.getByTestId("period-error")).toContainText("The end date must not be before the start date");

  // The manager sees his people sorted by name.
  await managerPage.goto("/feedback/team");
  const names = await managerPage.getByTestId("team-people").locator("tbody tr td:first-child").allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(6);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

  await employeePage.goto("/feedback");
  await expect(employeePage.getByRole("link", { name: "Team ratings" })).toHaveCount(0);
  const res = await employeePage.goto("/feedback/team");
  expect(res?.status()).toBe(404);
});

test("the supervisor follows up the low rating: records, hands over, contacts the customer, solves", async ({ supervisorPage: page, employeePage, managerPage }) => {
  await page.goto("/feedback/follow-ups");
  // Other specs rate Elif low too: count from what is waiting now, and pick the demo's case by its comment.
  const waiting = Number((await page.getByTestId("followups-waiting-count").textContent())?.match(/\d+/)?.[0]);
  expect(waiting).toBeGreaterThanOrEqual(1);
  const list = page.getByTestId("followup-list");
  await expect(list.locator("li").first()).toContainText("Open");
  await list.locator("li").filter({ hasText: "nobody called me first" }).getByRole("link", { name: `${ELIF}: 2 stars` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Follow-up of a rating of ${ELIF}` })).toBeVisible();
  await expect(page.getByTestId("followup-contact")).toContainText("jeroen.smit@example.net");
  const url = page.url();

  // The rated employee may not open it.
  const res = await employeePage.goto(new URL(url).pathname);
  expect(res?.status()).toBe(404);

  const what = page.getByTestId("followup-what-form");
  await what.getByLabel("What happened").fill("The estimate was not updated after the extra work was approved by phone.");
  await what.getByRole("button", { name: "Save" }).click();
  await expect(what.getByRole("status")).toContainText("Saved.");
  await expect(page.getByTestId("followup-progress")).toContainText("The estimate was not updated");

  const hand = page.getByTestId("followup-handover-form");
  await hand.getByTestId("followup-handover-person").fill("Marco");
  await expect(hand.locator(`datalist option[value="${MARCO}"]`)).toBeAttached();
  await hand.getByTestId("followup-handover-person").fill(MARCO);
  await hand.getByLabel("Note for them (optional)").fill("You approved the price: please call him.");
  await hand.getByRole("button", { name: "Hand over" }).click();
  await expect(hand.getByRole("status")).toContainText("Handed over.");
  await expect(page.getByTestId("followup-state")).toContainText("Handed over");
  await expect(page.getByTestId("followup-progress")).toContainText(MARCO);

  // Marco now has it, with the contact details.
  await managerPage.goto(new URL(url).pathname);
  await expect(managerPage.getByTestId("followup-contact")).toContainText("jeroen.smit@example.net");

  const contact = page.getByTestId("followup-contact-form");
  await contact.getByLabel("How and when the customer was contacted, and what was agreed").fill("Called him, refunded the €140 difference.");
  await contact.getByRole("button", { name: "Save contact" }).click();
  await expect(contact.getByRole("status")).toContainText("Contact recorded.");
  await expect(page.getByTestId("followup-state")).toContainText("Customer contacted");

  await page.getByRole("button", { name: "Mark as solved" }).click();
  await expect(page.getByTestId("followup-state")).toContainText("Solved");
  await expect(page.getByTestId("followup-solved")).toContainText("Sven de Vries");
  await expect(page.getByTestId("followup-what-form")).toHaveCount(0);
  await page.goto("/feedback/follow-ups");
  // Solved ones go after the open ones, and no longer count as waiting (other specs may add open ones meanwhile).
  await expect(page.getByTestId("followup-list").locator("li").filter({ hasText: "nobody called me first" })).toContainText("Solved");
  if (waiting === 1) await expect(page.getByTestId("followups-waiting-count")).toHaveCount(0);
});
