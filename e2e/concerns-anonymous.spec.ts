import { expect, test } from "./fixtures";
import { unique } from "./helpers";

/*
 * Issue 10's whole anonymous path across its parts: employee@ raises a concern anonymously to her
 * role's owner (manager@), manager@ answers it from his inbox without learning who wrote it, and the
 * author reads the answer with the receipt code in a signed-out browser and resolves it.
 */
test("an anonymous concern: posted by employee@, answered by manager@, read and resolved with the receipt code signed out", async ({ employeePage, managerPage, browser }) => {
  test.slow(); // three browsers
  const body = `Recall evenings are not paid as overtime (${unique()})`;
  await employeePage.goto("/concerns/new");
  await employeePage.getByRole("radio", { name: /Anonymously/ }).check();
  await employeePage.getByRole("radio", { name: /The owner of a role/ }).check();
  await employeePage.getByLabel("Your concern").fill(body);
  await employeePage.getByRole("button", { name: "Send anonymously" }).click();
  const code = (await employeePage.getByTestId("receipt-code").innerText()).trim();

  // manager@ sees it in his inbox as anonymous, with nothing naming Elif.
  await managerPage.goto("/concerns");
  const item = managerPage.getByTestId("concern-list").getByRole("listitem").filter({ hasText: body });
  await expect(item).toBeVisible();
  await expect(item).not.toContainText("Elif");
  await item.getByRole("link").first().click();
  await expect(managerPage.getByTestId("concern-anonymous-note")).toBeVisible();
  await expect(managerPage.locator("main")).not.toContainText("Elif");
  const form = managerPage.getByTestId("concern-answer-form");
  await form.getByLabel("Your answer").fill("Thank you: recall evenings are overtime. Payroll will correct it this month.");
  await form.getByRole("button", { name: "Send answer" }).click();
  await expect(managerPage.getByTestId("concern-thread")).toContainText("Payroll will correct it this month");

  // The author, signed out, opens it with the code, reads the answer and resolves it.
  const context = await browser.newContext({ locale: "en-GB" });
  const anon = await context.newPage();
  await anon.goto("/receipt");
  await anon.getByLabel("Receipt code").fill(code);
  await anon.getByRole("button", { name: "Open the concern" }).click();
  await expect(anon.getByText(body)).toBeVisible();
  await expect(anon.getByText("Payroll will correct it this month")).toBeVisible();
  await expect(anon.getByText("Answered", { exact: true })).toBeVisible();
  await anon.getByRole("button", { name: "Mark resolved" }).click();
  await expect(anon.getByText("Resolved", { exact: true })).toBeVisible();
  await context.close();

  // manager@ sees it resolved.
  await managerPage.reload();
  await expect(managerPage.getByText("Resolved", { exact: true })).toBeVisible();
});
