import { expect, test } from "./fixtures";
import { answeredConcern, responsibilityKey } from "./faq-fixtures";
import { message, unique } from "./helpers";

/*
 * Issue 10, point 5: an answered concern becomes an FAQ entry on the responsibility it concerns,
 * shown on the role page and My role, and found by "Whose task is this?".
 */

const SA = "service-advisor";
const WARRANTY = "Warranty, recalls and goodwill";

test("manager@ turns Elif's answered concern into an FAQ entry, publishes it, and everyone finds it", async ({ managerPage, employeePage }) => {
  const key = responsibilityKey(SA, WARRANTY);
  const body = "How much goodwill may I offer a customer without asking first?";
  const id = answeredConcern({ authorEmail: "employee@example.com", addresseeEmail: "manager@example.com", slug: SA, responsibilityKey: key, body, answer: "Up to 150 euros on your own." });
  const tag = unique();
  const question = `What goodwill may I offer on my own (${tag})?`;

  await managerPage.goto(`/concerns/${id}/faq`);
  await expect(managerPage.getByRole("heading", { level: 1, name: "Turn a concern into a question and answer" })).toBeVisible();
  await expect(managerPage.getByLabel("Responsibility")).toHaveValue(key);
  await expect(managerPage.getByLabel("Question", { exact: true })).toHaveValue(body);
  await expect(managerPage.getByLabel("Answer", { exact: true })).toHaveValue("Up to 150 euros on your own.");
  await managerPage.getByLabel("Question", { exact: true }).fill(question);
  await managerPage.getByLabel("Answer", { exact: true }).fill(`Up to **€150** on your own (${tag}); above that, ask the service manager.`);
  // The preview renders the Markdown as it will show.
  await expect(managerPage.getByRole("region", { name: "Preview" }).locator("strong", { hasText: "€150" })).toBeVisible();
  await managerPage.getByRole("button", { name: "Save draft" }).click();
  await expect(managerPage).toHaveURL(new RegExp(`/roles/${SA}/faq/\\d+$`));
  await expect(managerPage.getByText("Draft", { exact: true })).toBeVisible();

  // A draft does not show to holders yet.
  await employeePage.goto(`/roles/${SA}`);
  await expect(employeePage.locator(`#r-${key}`)).toBeVisible();
  await expect(employeePage.getByText(question)).toHaveCount(0);

  await managerPage.getByRole("button", { name: "Publish" }).click();
  await expect(managerPage.getByText("Published", { exact: true })).toBeVisible();
  await expect(managerPage.getByRole("button", { name: "Take back to draft" })).toBeVisible();

  // On the role page, under its responsibility: the question as a disclosure, the answer as Markdown.
  await employeePage.goto(`/roles/${SA}`);
  const section = employeePage.locator(`#r-${key}`).getByTestId("faq-list");
  await expect(section.getByRole("heading", { name: "Questions and answers" })).toBeVisible();
  await section.getByText(question).click();
  await expect(section.locator("strong", { hasText: "€150" })).toBeVisible();
  await expect(section.getByRole("link", { name: "Add a question and answer" })).toHaveCount(0);

  // On Elif's My role.
  await employeePage.goto("/");
  await expect(employeePage.locator(`#r-${key}`).getByTestId("faq-list").getByText(question)).toBeVisible();

  // "Whose task is this?" finds it, linked to the responsibility on the role page.
  await employeePage.goto(`/whose-task?q=${tag}`);
  const hit = employeePage.getByRole("link", { name: `FAQ: ${question}` });
  await expect(hit).toHaveAttribute("href", `/roles/${SA}#r-${key}`);

  // The role's editor sees the add link on the role page.
  await managerPage.goto(`/roles/${SA}`);
  await expect(managerPage.locator(`#r-${key}`).getByRole("link", { name: "Add a question and answer" })).toBeVisible();
});

test("an anonymous concern's text is not copied into the form, which asks for neutral words", async ({ managerPage }) => {
  const key = responsibilityKey(SA, WARRANTY);
  const body = `Only I work late on recalls and nobody pays it ${unique()}`;
  const id = answeredConcern({ authorEmail: null, addresseeEmail: "manager@example.com", slug: SA, responsibilityKey: key, body, answer: "Thank you, I will check the overtime rules." });
  await managerPage.goto(`/concerns/${id}/faq`);
  await expect(managerPage.getByTestId("faq-neutral")).toContainText("in neutral words so nobody can be recognised");
  await expect(managerPage.getByLabel("Question", { exact: true })).toHaveValue("");
  await expect(managerPage.getByLabel("Answer", { exact: true })).toHaveValue("");
  await expect(managerPage.getByText(body)).toHaveCount(0);
  // Saving without a question is refused next to the field.
  await managerPage.getByRole("button", { name: "Save draft" }).click();
  await expect(managerPage.getByText(message("en", "errors.required")).first()).toBeVisible();
});

test("Elif, who raised the concern, cannot turn it into an FAQ entry", async ({ employeePage }) => {
  const key = responsibilityKey(SA, WARRANTY);
  const id = answeredConcern({ authorEmail: "employee@example.com", addresseeEmail: "manager@example.com", slug: SA, responsibilityKey: key, body: "A named concern.", answer: "An answer." });
  const res = await employeePage.goto(`/concerns/${id}/faq`);
  expect(res?.status()).toBe(404);
  const res2 = await employeePage.goto(`/roles/${SA}/faq/new`);
  expect(res2?.status()).toBe(404);
});
