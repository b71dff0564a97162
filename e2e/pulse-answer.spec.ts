import { expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./helpers";

const STATEMENTS = [
  "I know what is expected of me in my role.",
  "I know how to do the work my role asks of me.",
  "I know what to do when something goes wrong.",
  "I know how my work will be evaluated.",
  "I have what I need to do my work well.",
];

test("HR sends a pulse to a team; the employee answers it anonymously, once", async ({ hrPage, employeePage }) => {
  test.slow(); // two people, several pages and an axe scan
  // HR chooses the team, previews who receives it, and sends.
  await hrPage.goto("/pulse/send");
  await hrPage.getByLabel("Team").selectOption({ label: "Reception" });
  await hrPage.getByRole("button", { name: "Preview" }).click();
  await expect(hrPage.getByTestId("pulse-preview")).toContainText(/will receive it/);
  // "Preview" is a plain GET form: a new document, which must hydrate before its action form works.
  await expect(hrPage.locator("html")).toHaveAttribute("data-hydrated", "");
  await hrPage.getByRole("button", { name: "Send the pulse" }).click();
  await expect(hrPage.getByRole("status").filter({ hasText: "The pulse was sent." })).toBeVisible();
  await hrPage.reload();
  await expect(hrPage.getByRole("table")).toContainText("Reception");

  // The employee sees the card on the home page and opens the pulse.
  await employeePage.goto("/");
  await expect(employeePage.getByRole("heading", { name: "A 1-minute role-clarity pulse is waiting" })).toBeVisible();
  await employeePage.getByRole("link", { name: "Answer the pulse" }).click();
  await expect(employeePage.getByRole("heading", { name: "Your answers are anonymous" })).toBeVisible();
  await employeePage.getByRole("main").getByRole("link", { name: "Answer the pulse" }).first().click();
  await expect(employeePage.getByRole("group", { name: STATEMENTS[0] })).toBeVisible();
  await expectNoSeriousViolations(employeePage);
  const formUrl = employeePage.url();

  // A second tab with the same form, to try answering again afterwards.
  const second = await employeePage.context().newPage();
  await second.goto(formUrl);

  // A statement left out is refused next to it.
  for (const s of STATEMENTS.slice(0, 4)) await employeePage.getByRole("group", { name: s }).getByLabel("Agree", { exact: true }).check();
  await employeePage.getByRole("button", { name: "Send my answers" }).click();
  await expect(employeePage.getByRole("group", { name: STATEMENTS[4] })).toContainText("Choose one answer for this statement.");

  await employeePage.getByRole("group", { name: STATEMENTS[4] }).getByLabel("Strongly disagree", { exact: true }).check();
  await employeePage.getByLabel("Which of your responsibilities is least clear to you?").selectOption({ index: 1 });
  await employeePage.getByRole("button", { name: "Send my answers" }).click();
  await expect(employeePage.getByRole("status").filter({ hasText: "Your answers were stored anonymously." })).toBeVisible();
  await expect(employeePage.getByRole("heading", { name: "A 1-minute role-clarity pulse is waiting" })).toHaveCount(0);

  // The form opened before answering is refused on submit; the page now says it was answered.
  for (const s of STATEMENTS) await second.getByRole("group", { name: s }).getByLabel("Agree", { exact: true }).check();
  await second.getByRole("button", { name: "Send my answers" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "This pulse was already answered." })).toBeVisible();
  await second.goto(formUrl);
  await expect(second.getByText("A pulse can be answered only once.")).toBeVisible();
  await expect(second.getByRole("button", { name: "Send my answers" })).toHaveCount(0);
});
