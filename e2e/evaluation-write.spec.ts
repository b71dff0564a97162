import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Picks a person in the search-as-you-type picker on /evaluations/new. */
async function pickPerson(page: Page, typed: string, option: string) {
  const picker = page.getByLabel("Person", { exact: true });
  await picker.fill(typed);
  await expect(page.locator(`datalist option[value="${option}"]`)).toHaveCount(1);
  await picker.fill(option);
}

async function startEvaluationOf(page: Page, typed: string, option: string): Promise<string> {
  await page.goto("/evaluations/new");
  await expect(page.getByRole("heading", { level: 1, name: "New evaluation" })).toBeVisible();
  await pickPerson(page, typed, option);
  await page.getByRole("button", { name: "Start the evaluation" }).click();
  await expect(page).toHaveURL(/\/evaluations\/\d+$/);
  return new URL(page.url()).pathname;
}

async function rateAll(page: Page, level: string) {
  const groups = await page.getByRole("group", { name: /^Rating: / }).all();
  expect(groups.length).toBeGreaterThan(3);
  for (const g of groups) await g.getByRole("radio", { name: new RegExp(level) }).check();
}

test("the supervisor writes an evaluation, asks for a self-assessment, sees it beside his draft, and releases; the employee reads it, asks, is answered and understands; others get not found", async ({
  supervisorPage: sup,
  employeePage: emp,
  newhirePage: nora,
}) => {
  test.slow(); // a dozen criteria rated twice, on a busy two-core machine

  // Refusals first: yourself, and a period that ends before it starts.
  await sup.goto("/evaluations/new");
  await pickPerson(sup, "Elif", "Elif Yılmaz — Service Advisor");
  await sup.getByLabel("Period starts").fill("2026-06-01");
  await sup.getByLabel("Period ends").fill("2026-05-01");
  await sup.getByRole("button", { name: "Start the evaluation" }).click();
  await expect(sup.getByText("The period cannot end before it starts.")).toBeVisible();

  const url = await startEvaluationOf(sup, "Elif", "Elif Yılmaz — Service Advisor");
  await expect(sup.getByRole("heading", { level: 1, name: "Evaluation of Elif Yılmaz" })).toBeVisible();
  await expect(sup.getByTestId("evaluation-header")).toContainText("Service Advisor, version");
  await expect(sup.getByText("Private: never shown to Elif Yılmaz.")).toBeVisible();

  // Releasing an empty draft is refused next to the fields.
  await sup.getByRole("button", { name: "Release…" }).click();
  await sup.getByRole("button", { name: "Release now" }).click();
  await expect(sup.getByText("Name at least one strength.")).toBeVisible();
  await expect(sup.getByText("Name at least one thing to improve.")).toBeVisible();
  await expect(sup.getByText("Rate this criterion.").first()).toBeVisible();

  await rateAll(sup, "Meets expectations");
  await sup.getByLabel("Summary").fill("A **steady** year at the desk.");
  await sup.getByLabel("Strength 1", { exact: true }).fill("Calm with upset customers");
  await sup.getByLabel("Thing to improve 1", { exact: true }).fill("Call customers back before 16:00");
  await sup.getByLabel("Private note").fill("Consider for the senior advisor role.");
  await sup.getByRole("button", { name: "Save draft" }).click();
  await expect(sup.getByRole("status").filter({ hasText: "Draft saved." })).toBeVisible();

  // The employee does not see the draft before anything is asked of her.
  await emp.goto(url);
  await expect(emp.getByRole("heading", { name: "Page not found" })).toBeVisible();

  await sup.getByRole("button", { name: "Ask for a self-assessment" }).click();
  await expect(sup.getByText("Waiting for Elif Yılmaz's self-assessment.", { exact: false })).toBeVisible();

  // The employee gets the self-assessment form only: never the author's ratings or texts.
  await emp.goto(url);
  await expect(emp.getByRole("heading", { level: 1, name: "Evaluation of Elif Yılmaz" })).toBeVisible();
  await expect(emp.getByText("Sven de Vries asks you to assess yourself first.", { exact: false })).toBeVisible();
  await expect(emp.getByText("Consider for the senior advisor role.")).toHaveCount(0);
  await expect(emp.getByText("Calm with upset customers")).toHaveCount(0);
  await rateAll(emp, "Exceeds expectations");
  await emp.getByLabel("Overall comment").fill("I took over the warranty desk in spring.");
  await emp.getByRole("button", { name: "Send to Sven de Vries" }).click();
  await expect(emp.getByText("Your self-assessment was sent to Sven de Vries.", { exact: false })).toBeVisible();

  // The supervisor sees it beside his own draft, and releases.
  await sup.reload();
  await expect(sup.getByText("Elif Yılmaz's self-assessment").first()).toBeVisible();
  await expect(sup.getByText("I took over the warranty desk in spring.")).toBeVisible();
  await sup.getByRole("button", { name: "Release…" }).click();
  await sup.getByRole("button", { name: "Release now" }).click();
  await expect(sup.getByTestId("evaluation-header").getByText("Released", { exact: true })).toBeVisible();
  await expect(sup.getByRole("button", { name: "Save draft" })).toHaveCount(0);

  // The employee reads the released evaluation, without the private note.
  await emp.goto("/evaluations");
  await emp.locator(`a[href="${url}"]`).click();
  await expect(emp).toHaveURL(new RegExp(`${url}$`));
  await expect(emp.getByRole("list", { name: "Strengths" })).toContainText("Calm with upset customers");
  await expect(emp.getByRole("list", { name: "Things to improve" })).toContainText("Call customers back before 16:00");
  await expect(emp.getByText("steady", { exact: true })).toBeVisible();
  await expect(emp.getByText("Consider for the senior advisor role.")).toHaveCount(0);
  await expect(emp.getByTestId("rating").first()).toHaveText("Meets expectations");

  // The whole path on the evaluation released above: a question, the supervisor's answer, understood.
  const conversation = (page: Page) => page.getByTestId("evaluation-conversation");
  const entries = (page: Page) => page.getByTestId("evaluation-entry");
  await conversation(emp).getByRole("radio", { name: "I have a question" }).check();
  await conversation(emp).getByLabel("Your note").fill("Does 16:00 also hold on Saturdays?");
  await conversation(emp).getByRole("button", { name: "Send answer" }).click();
  await expect(entries(emp)).toHaveCount(1);
  await sup.goto(url);
  await sup.getByTestId("evaluation-reply-form").getByLabel("Your reply").fill("On Saturdays before 12:00: we close at 13:00.");
  await sup.getByTestId("evaluation-reply-form").getByRole("button", { name: "Send reply" }).click();
  await expect(entries(sup)).toHaveCount(2);
  await emp.reload();
  await expect(entries(emp).nth(1)).toContainText("On Saturdays before 12:00");
  await conversation(emp).getByRole("radio", { name: "Understood" }).check();
  await conversation(emp).getByRole("button", { name: "Send answer" }).click();
  await expect(emp.getByTestId("evaluation-conversation-status")).toHaveText("Closed: Elif Yılmaz understood the evaluation.");
  // The print view: only the evaluation, without the navigation or the forms.
  await emp.emulateMedia({ media: "print" });
  await expect(emp.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(emp.getByRole("list", { name: "Strengths" })).toBeVisible();
  await emp.emulateMedia({ media: "screen" });

  // A peer (Nora, also a service advisor reporting to the supervisor) gets not found.
  await nora.goto(url);
  await expect(nora.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // The buddy: Elif is Nora's buddy, and does not see an evaluation of Nora.
  const noraUrl = await startEvaluationOf(sup, "Nora", "Nora Bērziņa — Service Advisor");
  await emp.goto(noraUrl);
  await expect(emp.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await emp.goto("/evaluations/01");
  await expect(emp.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
