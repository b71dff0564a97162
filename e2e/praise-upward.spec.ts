import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, message, signInAndWait, unique } from "./helpers";

/** Praise & suggestions and upward feedback (issue 12, points 7 and 8). */

const ITEMS = ["greets", "listens", "recognises", "approachable", "expectations", "explains", "feedback"].map((k) => message("en", `upward.items.${k}`));
const NORA = "Nora Bērziņa — Service Advisor";
const SVEN = "Sven de Vries — Workshop Foreman";

test("employee@ sends praise to a colleague, tied to a responsibility and shown to the team; the colleague sees it", async ({ employeePage, newhirePage }) => {
  test.slow(); // two people and an axe scan
  const text = `Clear invoice walk-through for the fleet customer ${unique()}.`;
  await employeePage.goto("/feedback/notes");
  await expect(employeePage.getByRole("heading", { level: 1, name: "Praise & suggestions" })).toBeVisible();
  await expectNoSeriousViolations(employeePage);
  const form = employeePage.getByTestId("note-form");
  // Choosing a colleague loads what a note may be tied to: their role's responsibilities and standards.
  await expect(form.getByLabel("About (optional)")).toBeDisabled();
  await form.getByTestId("note-recipient").fill("Nora");
  await expect(form.locator(`datalist option[value="${NORA}"]`)).toBeAttached();
  await form.getByTestId("note-recipient").fill(NORA);
  await expect(form.getByLabel("About (optional)")).toBeEnabled();
  await form.getByLabel("About (optional)").selectOption({ label: "Vehicle handover and invoice explanation" });
  await form.getByRole("group", { name: "What is it?" }).getByLabel("Praise").check();
  await form.getByRole("group", { name: "Who may read it?" }).getByLabel("Them and their team").check();
  // An empty message is refused next to it.
  await form.getByRole("button", { name: "Send" }).click();
  await expect(form.getByText("This field is required.")).toBeVisible();
  await form.getByLabel("Your message").fill(text);
  await form.getByRole("button", { name: "Send" }).click();
  await expect(employeePage.getByRole("status").filter({ hasText: "Sent. Your colleague has been notified." })).toBeVisible();
  await employeePage.goto("/feedback/notes?box=sent");
  await expect(employeePage.getByTestId("notes-list")).toContainText(text);

  // Nora is notified and reads it among what she received, with what it is about and who sees it.
  await newhirePage.goto("/notifications");
  await expect(newhirePage.getByRole("main")).toContainText("Elif Yılmaz sent you praise");
  await newhirePage.goto("/feedback/notes");
  const item = newhirePage.getByRole("listitem").filter({ hasText: text });
  await expect(item).toContainText("From Elif Yılmaz to Nora Bērziņa");
  await expect(item).toContainText("About the responsibility: Vehicle handover and invoice explanation");
  await expect(item).toContainText("Visible to the recipient's team.");
  // The demo: Thomas's praise of Elif is shown to Reception, so Nora sees it under her team's praise.
  await newhirePage.getByRole("link", { name: "My team's praise" }).click();
  await expect(newhirePage.getByTestId("notes-list")).toContainText("From Thomas Bakker to Elif Yılmaz");
});

test("a technician answers upward feedback for supervisor@ anonymously, once a quarter", async ({ page }) => {
  test.slow(); // a sign-in, two tabs and an axe scan
  await signInAndWait(page, "raluca.dumitru@example.com");
  await page.goto("/feedback/leader");
  await expect(page.getByRole("heading", { name: "Your answers are anonymous" })).toBeVisible();
  // A technician reports to Sven and is in the Workshop, which Marco manages: two leaders to choose from.
  await page.getByLabel("Leader").selectOption({ label: SVEN });
  await expectNoSeriousViolations(page);
  // A second tab with the same form, to try answering again afterwards.
  const second = await page.context().newPage();
  await second.goto("/feedback/leader");
  await expect(second.getByRole("group", { name: ITEMS[0] })).toBeVisible();
  await second.getByLabel("Leader").selectOption({ label: SVEN });

  // An item left out is refused next to it.
  for (const item of ITEMS.slice(0, 6)) await page.getByRole("group", { name: item }).getByLabel("Agree", { exact: true }).check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("group", { name: ITEMS[6] })).toContainText("Choose one answer for this statement.");
  await page.getByRole("group", { name: ITEMS[6] }).getByLabel("Strongly agree", { exact: true }).check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByTestId("upward-given")).toContainText("You gave Sven de Vries feedback for");
  // Only Marco is left to answer for this quarter.
  await expect(page.getByText("How much do you agree with each statement about Marco Janssen?")).toBeVisible();

  // The form opened before answering is refused on submit.
  for (const item of ITEMS) await second.getByRole("group", { name: item }).getByLabel("Disagree", { exact: true }).check();
  await second.getByRole("button", { name: "Send my answers" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "You already gave this leader feedback this quarter." })).toBeVisible();
});

test("supervisor@ sees this quarter's results from five or more technicians; last quarter's three stay hidden", async ({ supervisorPage: page }) => {
  await page.goto("/feedback/leader");
  await expect(page.getByRole("heading", { name: "How my people see my leadership" })).toBeVisible();
  const current = page.getByRole("heading", { level: 3, name: /^\d{4}-Q\d: [56] answers$/ });
  await expect(current).toBeVisible();
  await expect(page.getByRole("table", { name: /Average per statement/ })).toContainText(ITEMS[0]);
  await expect(page.getByText("Warmth", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Fewer than 5 people answered in this quarter: its results stay hidden.")).toBeVisible();
  // Sven gives feedback to his own manager on the same page.
  await expect(page.getByText("How much do you agree with each statement about Marco Janssen?")).toBeVisible();
  await expectNoSeriousViolations(page);
});
