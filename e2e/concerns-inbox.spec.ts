import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { orgToday, unique } from "./helpers";

/*
 * Existing concerns (issue 10, points 3 and 4): the addressee's inbox and its count, answering, the
 * named author reading the answer and resolving, and forwarding shown to the author.
 *
 * Setup: each test writes its own named concern straight to the server's database (raising one
 * through the form is the raise part's spec), so it does not depend on the demo's concerns.
 */

const DB_PATH = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db");
const ELIF = "Elif Yılmaz";
const MARCO = "Marco Janssen";
const HELENA = "Helena Rossi";

/** Elif's named concern, addressed to Marco, waiting since today. */
function namedConcern(body: string): string {
  const db = new Database(DB_PATH);
  try {
    db.pragma("busy_timeout = 5000");
    const id = (email: string) => (db.prepare("select id from people where email = ?").get(email) as { id: number }).id;
    const concernId = randomUUID();
    const today = orgToday();
    db.transaction(() => {
      db.prepare("insert into concerns (id, anonymous, audience, body, status, created_on, waiting_since, revision) values (?, 0, 'manager', ?, 'open', ?, ?, 1)").run(concernId, body, today, today);
      db.prepare("insert into concern_authors (concern_id, person_id) values (?, ?)").run(concernId, id("employee@example.com"));
      db.prepare("insert into concern_addressees (concern_id, person_id, added_on) values (?, ?, ?)").run(concernId, id("manager@example.com"), today);
      db.prepare("insert into concern_messages (id, concern_id, seq, kind, from_author, person_id, body, created_at) values (?, ?, 1, 'message', 1, ?, ?, ?)").run(
        randomUUID(),
        concernId,
        id("employee@example.com"),
        body,
        new Date().toISOString(),
      );
    })();
    return concernId;
  } finally {
    db.close();
  }
}

const thread = (page: Page) => page.getByTestId("concern-thread");

test("the manager answers a concern from his inbox; the author reads the answer and resolves it", async ({ managerPage, employeePage }) => {
  const body = `Goodwill limits are unclear ${unique()}`;
  const id = namedConcern(body);

  await managerPage.goto("/concerns");
  await expect(managerPage.getByTestId("concerns-inbox-count")).toBeVisible();
  const list = managerPage.getByTestId("concern-list");
  const item = list.getByRole("listitem").filter({ hasText: body });
  await expect(item).toBeVisible();
  await expect(item.getByTestId("concern-waiting")).toHaveText("Waiting since today");
  await item.getByRole("link", { name: `Concern from ${ELIF}` }).click();
  await expect(managerPage).toHaveURL(`/concerns/${id}`);
  await expect(managerPage.getByTestId("concern-named")).toHaveText(`Named: ${ELIF}`);
  // Empty answers are refused next to the field.
  const form = managerPage.getByTestId("concern-answer-form");
  await form.getByRole("button", { name: "Send answer" }).click();
  await expect(form.getByText("This field is required.")).toBeVisible();
  await form.getByLabel("Your answer").fill("Up to 150 euros without asking; above that, ask me.");
  await form.getByRole("button", { name: "Send answer" }).click();
  await expect(thread(managerPage)).toContainText("Up to 150 euros without asking");
  await expect(managerPage.getByText("Answered", { exact: true })).toBeVisible();
  // Answered: no longer in the inbox, but in "Waiting for the author".
  await managerPage.goto("/concerns");
  await expect(managerPage.getByTestId("concern-list").getByText(body)).toHaveCount(0);
  await managerPage.goto("/concerns?view=followUp");
  await expect(managerPage.getByTestId("concern-list").getByText(body)).toBeVisible();

  await employeePage.goto("/concerns?view=mine");
  await employeePage.getByTestId("concern-list").getByRole("listitem").filter({ hasText: body }).getByRole("link").click();
  await expect(thread(employeePage)).toContainText(MARCO);
  await expect(thread(employeePage)).toContainText("Up to 150 euros without asking");
  // The author sees no addressee controls.
  await expect(employeePage.getByTestId("concern-answer-form")).toHaveCount(0);
  await expect(employeePage.getByTestId("concern-close-form")).toHaveCount(0);
  await employeePage.getByRole("button", { name: "Mark resolved" }).click();
  await expect(thread(employeePage)).toContainText(`${ELIF} marked this resolved`);
  await expect(employeePage.getByText("Resolved", { exact: true })).toBeVisible();
  await expect(employeePage.getByRole("button", { name: "Mark resolved" })).toHaveCount(0);
});

test("the manager forwards a concern to HR and the author sees it was forwarded", async ({ managerPage, employeePage, hrPage }) => {
  const body = `Overtime during recalls ${unique()}`;
  const id = namedConcern(body);

  await managerPage.goto(`/concerns/${id}`);
  const form = managerPage.getByTestId("concern-forward-form");
  await form.getByTestId("concern-forward-person").fill("Helena");
  await expect(form.locator(`datalist option[value="${HELENA}"]`)).toBeAttached();
  await form.getByTestId("concern-forward-person").fill(HELENA);
  await form.getByLabel("Note (optional)").fill("HR decides on overtime pay.");
  await form.getByRole("button", { name: "Forward" }).click();
  await expect(thread(managerPage)).toContainText(`${MARCO} forwarded this to ${HELENA}`);
  await expect(managerPage.getByTestId("concern-addressees")).toContainText(`${HELENA} · forwarded by ${MARCO}`);

  await employeePage.goto(`/concerns/${id}`);
  await expect(thread(employeePage)).toContainText(`${MARCO} forwarded this to ${HELENA}`);
  await expect(thread(employeePage)).toContainText("HR decides on overtime pay.");

  // Helena now has it in her inbox, and may answer it.
  await hrPage.goto("/concerns");
  await expect(hrPage.getByTestId("concern-list").getByText(body)).toBeVisible();
  await hrPage.goto(`/concerns/${id}`);
  await expect(hrPage.getByTestId("concern-answer-form")).toBeVisible();
});

test("someone the concern was not addressed to, and a malformed id, get not found", async ({ supervisorPage }) => {
  const id = namedConcern(`Not for the supervisor ${unique()}`);
  for (const url of [`/concerns/${id}`, "/concerns/not-a-uuid", `/concerns/${id.toUpperCase()}`]) {
    const res = await supervisorPage.goto(url, { waitUntil: "domcontentloaded" });
    expect(res?.status(), url).toBe(404);
    await expect(supervisorPage.getByRole("heading", { level: 1, name: "Page not found" }), url).toBeVisible();
  }
});
