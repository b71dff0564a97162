import { expect, test } from "./fixtures";

// The Workshop Foreman role: supervisor@ (Sven) holds it, manager@ (Marco) is above him and owns the
// role. (Not Service Advisor: other specs edit and publish that role at the same time, and proposing
// starts a draft.)
test("a holder opens a thread on a task, a manager replies, the starter marks the solution, the owner proposes it and finds it in the draft", async ({
  supervisorPage: sven,
  managerPage: marco,
}) => {
  test.slow(); // two signed-in pages and a dozen navigations on a busy machine
  const stamp = Date.now();
  const title = `A customer refuses the diagnosis fee (${stamp})`;
  const solution = `Explain the fee before the work and waive it if they book the repair (${stamp})`;

  // Sven starts from a task on My role: the task is preselected.
  await sven.goto("/");
  await sven.getByTestId("discuss-link").first().click();
  await sven.waitForURL(/\/threads\/new\?role=\d+&task=/);
  await expect(sven.getByRole("heading", { level: 1, name: "Open a thread" })).toBeVisible();
  await expect(sven.getByLabel("Task")).not.toHaveValue("");
  // Nothing written when the title is missing: the field says why.
  await sven.getByLabel("Describe the problem").fill("How do we handle it?");
  await sven.getByRole("button", { name: "Open the thread" }).click();
  await expect(sven.getByText("This field is required.")).toBeVisible();
  await sven.getByLabel("Title").fill(title);
  await sven.getByRole("button", { name: "Open the thread" }).click();
  await sven.waitForURL(/\/threads\/\d+$/);
  const threadUrl = new URL(sven.url()).pathname;
  await expect(sven.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(sven.getByText("Open", { exact: true })).toBeVisible();

  // Marco (Sven reports to him) replies.
  await marco.goto(threadUrl);
  await marco.getByLabel("Your reply").fill(solution);
  await marco.getByRole("button", { name: "Send reply" }).click();
  await expect(marco.getByTestId("post").filter({ hasText: solution })).toBeVisible();

  // Sven marks his reply as the solution: it is highlighted at the top.
  await sven.reload();
  await sven.getByTestId("post").filter({ hasText: solution }).getByRole("button", { name: "Mark as solution" }).click();
  await expect(sven.getByTestId("solution")).toContainText(solution);
  await expect(sven.getByText("Solved", { exact: true })).toBeVisible();

  // Marco proposes it to the role's owner (himself) and finds it in the role's draft.
  await marco.reload();
  await marco.getByRole("button", { name: "Propose to the role owner" }).click();
  await expect(marco.getByText(/Proposed to the role's owner by Marco/)).toBeVisible();
  await marco.goto("/roles/workshop-foreman/edit");
  const panel = marco.getByTestId("thread-suggestions");
  await expect(panel.getByRole("heading", { name: "Suggestions from team threads" })).toBeVisible();
  const suggestion = panel.getByRole("listitem").filter({ hasText: title });
  await expect(suggestion).toContainText(solution);
  await expect(suggestion.getByRole("link", { name: title })).toHaveAttribute("href", threadUrl);
  await suggestion.getByRole("button", { name: "Mark as handled" }).click();
  await expect(panel.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  // The list shows the thread as solved, and the task's link counts it.
  await sven.goto("/threads?status=solved");
  await expect(sven.getByRole("link", { name: title })).toBeVisible();
  await sven.goto("/");
  await expect(sven.getByTestId("discuss-link").first()).toHaveText(/Discuss \(\d+\)/);
});
