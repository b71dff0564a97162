import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./helpers";

/*
 * After release (issue 9, point 5), on /evaluations/<id>: the employee's answers, the author's reply
 * and correction, a kept disagreement reaching the author's manager, and who may not see it.
 *
 * Setup: each test writes its own released evaluation straight to the server's database (the same
 * file the web server runs on), so the test does not depend on which state the demo's evaluations
 * are in. Releasing itself is tested through the page in the write part's spec.
 */

const DB_PATH = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db");
const ELIF = "Elif Yılmaz";
const SVEN = "Sven de Vries";
const MARCO = "Marco Janssen";

/** A released evaluation of `personEmail` by `authorEmail`, with nothing said after release. */
function releasedEvaluation(personEmail: string, authorEmail: string): number {
  const db = new Database(DB_PATH);
  try {
    db.pragma("busy_timeout = 5000");
    const id = (email: string) => (db.prepare("select id from people where email = ?").get(email) as { id: number }).id;
    const person = db.prepare("select id, job_role_id as jobRoleId from people where email = ?").get(personEmail) as { id: number; jobRoleId: number };
    const now = new Date().toISOString();
    const criteria = JSON.stringify({ roleTitle: "Service Advisor", versionNumber: 1, responsibilities: [] });
    const row = db
      .prepare(
        `insert into evaluations (person_id, author_id, job_role_id, kind, period_start, period_end, criteria, status, summary, strengths, improvements, released_at)
         values (?, ?, ?, 'periodic', '2025-01-01', '2025-12-31', ?, 'released', 'A steady year at the desk.', ?, ?, ?) returning id`,
      )
      .get(person.id, id(authorEmail), person.jobRoleId, criteria, JSON.stringify(["Calm with customers"]), JSON.stringify(["Write job cards sooner"]), now) as {
      id: number;
    };
    return row.id;
  } finally {
    db.close();
  }
}

const conversation = (page: Page) => page.getByTestId("evaluation-conversation");
const status = (page: Page) => page.getByTestId("evaluation-conversation-status");
const entries = (page: Page) => page.getByTestId("evaluation-entry");

test("the employee asks a question, the supervisor answers and corrects, the employee marks it understood", async ({ employeePage, supervisorPage }) => {
  const id = releasedEvaluation("employee@example.com", "supervisor@example.com");

  await employeePage.goto(`/evaluations/${id}`);
  const answers = conversation(employeePage);
  await expect(answers.getByRole("heading", { name: "Answers and corrections" })).toBeVisible();
  await expect(answers.getByRole("radio", { name: "Understood" })).toBeVisible();
  await expect(answers.getByRole("radio", { name: "I disagree" })).toBeVisible();
  // Said beforehand: a disagreement goes to the author, and if kept, to the author's manager.
  await expect(answers.getByText(`${SVEN} must answer. If you still disagree after that, it goes to ${MARCO}.`)).toBeVisible();
  await expectNoSeriousViolations(employeePage);

  // A question without a note is refused next to the field.
  await answers.getByRole("radio", { name: "I have a question" }).check();
  await answers.getByRole("button", { name: "Send answer" }).click();
  await expect(answers.getByText("This field is required.")).toBeVisible();
  await answers.getByLabel("Your note").fill("What does **job cards sooner** mean in practice?");
  await answers.getByRole("button", { name: "Send answer" }).click();
  await expect(entries(employeePage)).toHaveCount(1);
  await expect(entries(employeePage).first()).toContainText("Question");
  await expect(entries(employeePage).first().locator("strong")).toHaveText("job cards sooner");
  await expect(status(employeePage)).toHaveText(`Waiting for a reply from ${SVEN}.`);
  await expect(answers.getByRole("radio")).toHaveCount(0);

  await supervisorPage.goto(`/evaluations/${id}`);
  const reply = supervisorPage.getByTestId("evaluation-reply-form");
  await reply.getByLabel("Your reply").fill("Write the job card before the car leaves the bay.");
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(entries(supervisorPage)).toHaveCount(2);
  await expect(supervisorPage.getByTestId("evaluation-reply-form")).toHaveCount(0);
  const addendum = supervisorPage.getByTestId("evaluation-addendum-form");
  await addendum.getByLabel("Correction").fill("Correction: the period ends on 31 December.");
  await addendum.getByRole("button", { name: "Add correction" }).click();
  await expect(entries(supervisorPage)).toHaveCount(3);
  await expect(entries(supervisorPage).nth(2)).toContainText("Correction");
  await expect(entries(supervisorPage).nth(2)).toContainText(SVEN);

  await employeePage.reload();
  await expect(entries(employeePage).nth(1)).toContainText("Write the job card before the car leaves the bay.");
  await expect(entries(employeePage).nth(2)).toContainText("Correction: the period ends on 31 December.");
  await conversation(employeePage).getByRole("radio", { name: "Understood" }).check();
  await conversation(employeePage).getByRole("button", { name: "Send answer" }).click();
  await expect(status(employeePage)).toHaveText(`Closed: ${ELIF} understood the evaluation.`);
  await expect(conversation(employeePage).getByRole("radio")).toHaveCount(0);
});

test("a disagreement kept after the reply reaches manager@, who reviews and closes it", async ({ employeePage, supervisorPage, managerPage }) => {
  const id = releasedEvaluation("employee@example.com", "supervisor@example.com");

  await employeePage.goto(`/evaluations/${id}`);
  await conversation(employeePage).getByRole("radio", { name: "I disagree" }).check();
  await conversation(employeePage).getByLabel("Your note").fill("Every job card was written the same day.");
  await conversation(employeePage).getByRole("button", { name: "Send answer" }).click();
  await expect(status(employeePage)).toHaveText(`Waiting for a reply from ${SVEN}.`);

  // The supervisor sees it waiting for his reply, and answers.
  await supervisorPage.goto("/evaluations/waiting");
  await expect(supervisorPage.getByRole("link", { name: `Open the evaluation of ${ELIF}` }).and(supervisorPage.locator(`[href="/evaluations/${id}"]`))).toBeVisible();
  await supervisorPage.goto(`/evaluations/${id}`);
  await supervisorPage.getByTestId("evaluation-reply-form").getByLabel("Your reply").fill("Three were late in March.");
  await supervisorPage.getByTestId("evaluation-reply-form").getByRole("button", { name: "Send reply" }).click();
  await expect(entries(supervisorPage)).toHaveCount(2);

  // Disagreeing again keeps the disagreement: the wording says where it goes.
  await employeePage.reload();
  const keep = conversation(employeePage).getByRole("radio", { name: `Still disagree — send it to ${MARCO}` });
  await expect(keep).toBeVisible();
  await keep.check();
  await conversation(employeePage).getByLabel("Your note").fill("Those three were warranty jobs, logged later by design.");
  await conversation(employeePage).getByRole("button", { name: "Send answer" }).click();
  await expect(status(employeePage)).toHaveText(`Waiting for the review by ${MARCO}.`);
  await expect(entries(employeePage).last()).toContainText(`Sent to ${MARCO} for review, with the whole conversation.`);

  // The manager finds it among what waits for him, with the whole thread, and reviews it.
  await managerPage.goto("/evaluations/waiting");
  await expect(managerPage.getByTestId("evaluations-waiting-count")).toBeVisible();
  await expectNoSeriousViolations(managerPage);
  await managerPage.locator(`a[href="/evaluations/${id}"]`).click();
  await expect(entries(managerPage)).toHaveCount(4);
  const reviewForm = managerPage.getByTestId("evaluation-review-form");
  await reviewForm.getByLabel("Your review").fill("Warranty jobs are logged later by design; the improvement is reworded.");
  await reviewForm.getByRole("button", { name: "Close with review" }).click();
  await expect(status(managerPage)).toHaveText("Closed: the disagreement was reviewed and stays recorded as kept.");

  await employeePage.reload();
  await expect(entries(employeePage).last()).toContainText("Review");
  await expect(entries(employeePage).last()).toContainText(MARCO);
});

test("the buddy and a peer get not found on the evaluation URL", async ({ employeePage, newhirePage }) => {
  // Elif is Nora's buddy; Nora is Elif's peer at reception.
  const nora = releasedEvaluation("newhire@example.com", "supervisor@example.com");
  const elif = releasedEvaluation("employee@example.com", "supervisor@example.com");
  for (const [page, id] of [
    [employeePage, nora],
    [newhirePage, elif],
  ] as const) {
    const response = await page.goto(`/evaluations/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("evaluation-conversation")).toHaveCount(0);
  }
});
