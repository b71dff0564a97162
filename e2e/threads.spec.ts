import { expect, test } from "./fixtures";

// The Service Advisor role: employee@ (Elif) holds it, manager@ manages its holders and owns the role.
test("a holder opens a thread on a task, a manager replies, the starter marks the solution, the owner proposes it and finds it in the draft", async ({
  employeePage: elif,
  managerPage: marco,
}) => {
  test.slow(); // two signed-in pages and a dozen navigations on a busy machine
  const stamp = Date.now();
  const title = `A customer refuses the diagnosis fee (${stamp})`;
  const solution = `Explain the fee before the work and waive it if they book the repair (${stamp})`;

  // Elif starts from a task on My role: the task is preselected.
  await elif.goto("/");
  await elif.getByTestId("discuss-link").first().click();
  await elif.waitForURL(/\/threads\/new\?role=\d+&task=/);
  await expect(elif.getByRole("heading", { level: 1, name: "Open a thread" })).toBeVisible();
  await expect(elif.getByLabel("Task")).not.toHaveValue("");
  // Nothing written when the title is missing: the field says why.
  await elif.getByLabel("Describe the problem").fill("How do we handle it?");
  await elif.getByRole("button", { name: "Open the thread" }).click();
  await expect(elif.getByText("This field is required.")).toBeVisible();
  await elif.getByLabel("Title").fill(title);
  await elif.getByRole("button", { name: "Open the thread" }).click();
  await elif.waitForURL(/\/threads\/\d+$/);
  const threadUrl = new URL(elif.url()).pathname;
  await expect(elif.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(elif.getByText("Open", { exact: true })).toBeVisible();

  // Marco (he manages Service Advisors) replies.
  await marco.goto(threadUrl);
  await marco.getByLabel("Your reply").fill(solution);
  await marco.getByRole("button", { name: "Send reply" }).click();
  await expect(marco.getByTestId("post").filter({ hasText: solution })).toBeVisible();

  // Elif marks his reply as the solution: it is highlighted at the top.
  await elif.reload();
  await elif.getByTestId("post").filter({ hasText: solution }).getByRole("button", { name: "Mark as solution" }).click();
  await expect(elif.getByTestId("solution")).toContainText(solution);
  await expect(elif.getByText("Solved", { exact: true })).toBeVisible();

  // Marco proposes it to the role's owner (himself) and finds it in the role's draft.
  await marco.reload();
  await marco.getByRole("button", { name: "Propose to the role owner" }).click();
  await expect(marco.getByText(/Proposed to the role's owner by Marco/)).toBeVisible();
  await marco.goto("/roles/service-advisor/edit");
  const panel = marco.getByTestId("thread-suggestions");
  await expect(panel.getByRole("heading", { name: "Suggestions from team threads" })).toBeVisible();
  const suggestion = panel.getByRole("listitem").filter({ hasText: title });
  await expect(suggestion).toContainText(solution);
  await expect(suggestion.getByRole("link", { name: title })).toHaveAttribute("href", threadUrl);
  await suggestion.getByRole("button", { name: "Mark as handled" }).click();
  await expect(panel.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  // The list shows the thread as solved, and the task's link counts it.
  await elif.goto("/threads?status=solved");
  await expect(elif.getByRole("link", { name: title })).toBeVisible();
  await elif.goto("/");
  await expect(elif.getByTestId("discuss-link").first()).toHaveText(/Discuss \(\d+\)/);
});
