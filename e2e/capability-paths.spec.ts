import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, test, waitForHydrationOnNavigation } from "./fixtures";
import { signInAndWait } from "./helpers";
import { quizKey } from "./quiz-fixtures";

/**
 * The capability tool's paths across its parts (issue 11): a technician passes a quiz and the
 * readiness cell turns ready; the new hire's plan holds the course for a gap.
 */

const DB_PATH = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db");
const HV = "Valid HV qualification for hybrid and electric work";
const RALUCA = "Raluca Dumitru";

function lookup<T>(sql: string, ...args: unknown[]): T {
  const db = new Database(DB_PATH, { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}

async function answerAll(page: Page, courseId: number) {
  const key = quizKey(courseId);
  const questions = page.getByTestId("quiz-question");
  await expect(questions).toHaveCount(key.size);
  for (let i = 0; i < key.size; i++) {
    const q = questions.nth(i);
    const legend = (await q.locator("legend").innerText()).replace(/^\s*\d+\.\s*/, "").trim();
    for (const text of key.get(legend)!.correct) await q.getByLabel(text, { exact: true }).check();
  }
}

test("a technician passes the high-voltage quiz and her readiness cell turns ready", async ({ browser, supervisorPage: supervisor }) => {
  test.slow(); // two people, a quiz and the matrix on a busy two-core machine
  const hvKey = lookup<{ key: string }>("select key from capabilities where name = ? and merged_into_key is null", HV).key;
  const technicianRole = lookup<{ id: number }>("select id from job_roles where slug = 'technician'").id;
  const cell = supervisor.locator(`tr[data-person="${RALUCA}"] td[data-capability="${hvKey}"]`);

  // Raluca has no HV qualification: a gap (or in training, once someone assigned the course).
  await supervisor.goto(`/readiness?role=${technicianRole}`);
  await expect(cell).toContainText(/Gap|In training/);

  // She finds the course in the catalog, reads it and takes its quiz.
  const context = await browser.newContext({ locale: "en-GB" });
  const raluca = waitForHydrationOnNavigation(await context.newPage());
  await signInAndWait(raluca, "raluca.dumitru@example.com");
  await raluca.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Training" }).click();
  await raluca.getByLabel("Search courses").fill("high-voltage");
  await raluca.getByRole("button", { name: "Search" }).click();
  await raluca.getByRole("link", { name: "High-voltage vehicle safety" }).first().click();
  await expect(raluca.getByRole("heading", { level: 1, name: "High-voltage vehicle safety" })).toBeVisible();
  const courseId = Number(new URL(raluca.url()).pathname.split("/")[2]);
  await raluca.getByRole("link", { name: "Take the quiz" }).click();
  await answerAll(raluca, courseId);
  await raluca.getByRole("button", { name: "Submit answers" }).click();
  await expect(raluca.getByText("Passed", { exact: true })).toBeVisible();
  await expect(raluca.getByText("This now counts as evidence for")).toBeVisible();

  // My capability shows it held until two years from now.
  await raluca.goto("/capability");
  await expect(raluca.locator(`#c-${hvKey}`)).toHaveAttribute("data-state", "ready");
  await context.close();

  // The supervisor's matrix cell is ready.
  await supervisor.reload();
  await expect(cell).toContainText("Ready");
});

test("the new hire's plan holds a course for a capability she lacks, and it opens the course", async ({ newhirePage: page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "The whole plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nora");
  const item = page.getByRole("listitem").filter({ hasText: /Complete the course: / }).first();
  await expect(item).toBeVisible();
  const title = ((await item.innerText()).match(/Complete the course: ([^\n]+)/) ?? [])[1]!.trim();
  await item.getByRole("link", { name: "Open the course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});
