import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { courseIdByTitle, quizKey } from "./quiz-fixtures";
import { expectNoSeriousViolations } from "./helpers";

const BRAKE = "Brake system diagnosis";

/** Answers every question on the page: right ones from the quiz's key, or the first wrong option. */
async function answerAll(page: Page, courseId: number, right: boolean) {
  const key = quizKey(courseId);
  const questions = page.getByTestId("quiz-question");
  const n = await questions.count();
  expect(n).toBe(key.size);
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    const legend = (await q.locator("legend").innerText()).replace(/^\s*\d+\.\s*/, "").trim();
    const answers = key.get(legend);
    expect(answers, legend).toBeDefined();
    for (const text of right ? answers!.correct : answers!.wrong.slice(0, 1)) await q.getByLabel(text, { exact: true }).check();
  }
}

test.describe.configure({ mode: "serial" });
// Pages scanned by axe on a busy two-core machine: more than one minute per test.
test.slow();

test("HR edits the brake quiz: a bad pass mark and a question without a correct answer are refused next to them", async ({ hrPage: page }) => {
  const id = courseIdByTitle(BRAKE);
  await page.goto(`/training/${id}/quiz/edit`);
  await expect(page.getByRole("heading", { level: 1, name: `Quiz for ${BRAKE}` })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByLabel("Pass mark (%)").fill("101");
  await page.getByRole("button", { name: "Add a question" }).click();
  const added = page.getByTestId("quiz-question-editor").last();
  await added.getByLabel(/: text$/).fill("Which tool measures disc run-out?");
  await added.getByRole("textbox", { name: /answer 1$/ }).fill("A dial gauge");
  await added.getByRole("textbox", { name: /answer 2$/ }).fill("A torque wrench");
  await page.getByRole("button", { name: "Save quiz" }).click();
  await expect(page.getByText("The pass mark must be a whole number from 1 to 100.")).toBeVisible();
  await expect(added.getByText("Mark at least one answer as correct.")).toBeVisible();

  // Fixed: the pass mark back to 80, the extra question removed.
  await page.getByLabel("Pass mark (%)").fill("80");
  await added.getByRole("button", { name: /Remove question/ }).click();
  await page.getByRole("button", { name: "Save quiz" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Quiz saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Pass mark (%)")).toHaveValue("80");
  await expect(page.getByTestId("quiz-question-editor")).toHaveCount(quizKey(id).size);
});

test("Elif takes the brake quiz: unanswered questions are refused, a wrong attempt fails, the next passes and counts as evidence", async ({ employeePage: page }) => {
  const id = courseIdByTitle(BRAKE);
  await page.goto(`/training/${id}/quiz`);
  await expect(page.getByRole("heading", { level: 1, name: `Quiz: ${BRAKE}` })).toBeVisible();
  // The correct answers are not in what the browser got (no `correct: true/false` in the HTML or the RSC payload).
  expect(await page.content()).not.toMatch(/correct\\*"\s*:\s*(true|false)/);
  await expect(page.getByTestId("attempts-left")).toHaveText("3 attempts left of 3.");
  await expectNoSeriousViolations(page);

  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByText("Choose an answer.").first()).toBeVisible();
  await expect(page.getByText("Choose an answer.")).toHaveCount(quizKey(id).size);

  await answerAll(page, id, false);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Result: ${BRAKE}` })).toBeVisible();
  await expect(page.getByTestId("quiz-score")).toHaveText("0% (pass mark 80%)");
  await expect(page.getByText("Not passed")).toBeVisible();
  await expect(page.getByTestId("attempts-left")).toHaveText("2 attempts left.");
  await expect(page.getByTestId("result-question").filter({ hasText: "Wrong" })).toHaveCount(quizKey(id).size);
  await expectNoSeriousViolations(page);

  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByTestId("attempts-left")).toHaveText("2 attempts left of 3.");
  await answerAll(page, id, true);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-score")).toHaveText("100% (pass mark 80%)");
  await expect(page.getByText("Passed", { exact: true })).toBeVisible();
  await expect(page.getByTestId("attempts-left")).toHaveText("1 attempt left.");
  await expect(page.getByText("This now counts as evidence for")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: /: (valid until|does not lapse)/ }).first()).toBeVisible();
});

test("someone else's result is not found", async ({ supervisorPage: page }) => {
  const id = courseIdByTitle(BRAKE);
  // Elif's attempts are the latest ones; the supervisor may not open any of them.
  for (const attempt of [1, 2, 3, 4]) {
    const response = await page.goto(`/training/${id}/quiz/attempts/${attempt}`);
    expect(response?.status()).toBe(404);
  }
});
