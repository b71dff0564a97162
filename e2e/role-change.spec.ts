import { expect, test } from "./fixtures";

test("manager publishes a material change; the employee sees only the diff, asks, gets an answer, understands; tracking shows it", async ({
  managerPage: manager,
  employeePage: employee,
}) => {
  const newTask = `Offer a drink to waiting customers ${Date.now()}`;

  // The manager edits Service Advisor and publishes a material change.
  await manager.goto("/roles/service-advisor");
  await manager.getByRole("link", { name: "Edit role" }).click();
  const reception = manager.getByRole("group", { name: "Vehicle reception and walk-around check" });
  await reception.getByRole("button", { name: /^Add task\W+Vehicle reception/ }).click();
  await reception.getByLabel("Task 5 title").fill(newTask);
  await reception.getByLabel("Task 5 description").fill("Offer coffee, tea or water **within 5 minutes** of arrival. <script>alert(1)</script>");
  await manager.getByRole("button", { name: "Save draft" }).click();
  await expect(manager.getByText("Draft saved.")).toBeVisible();
  await manager.getByLabel("Change summary").fill("Waiting customers are offered a drink");
  await manager.getByLabel(/Material change/).check();
  await manager.getByRole("button", { name: "Publish version" }).click();
  await expect(manager.getByText(/Version \d+ is published\./)).toBeVisible();
  const version = Number((await manager.getByText(/Version \d+ is published\./).textContent())!.match(/\d+/)![0]);

  // The employee sees only what changed, and asks for clarification.
  await employee.goto("/changes");
  await employee.getByRole("link", { name: `Service Advisor: version ${version}` }).click();
  const diff = employee.getByTestId("role-diff");
  await expect(diff.getByText(newTask)).toBeVisible();
  await expect(diff.getByText("Added")).toBeVisible();
  await expect(diff.getByRole("heading", { name: "Courtesy cars" })).toHaveCount(0);
  await employee.getByRole("button", { name: "Need clarification" }).click();
  await employee.getByLabel("Your question").fill("Do we also offer drinks to customers who wait less than 10 minutes?");
  await employee.getByRole("button", { name: "Send question" }).click();
  await expect(employee.getByText("Question asked", { exact: true })).toBeVisible();
  await expect(employee.getByText("Do we also offer drinks to customers who wait less than 10 minutes?")).toBeVisible();

  // The manager sees the question in the tracking and answers it.
  await manager.goto(`/roles/service-advisor/versions/${version}/tracking`);
  const asked = manager.getByRole("list", { name: "People who asked" });
  await expect(asked.getByText("Waiting for an answer")).toBeVisible();
  await asked.getByRole("link", { name: "Elif Yılmaz" }).click();
  await manager.waitForURL(/\/changes\/\d+$/);
  await manager.getByLabel("Your answer", { exact: true }).fill("Yes: every customer who waits at the desk is offered a drink.");
  await manager.getByRole("button", { name: "Send answer" }).click();
  await expect(manager.getByText("Question answered", { exact: true })).toBeVisible();

  // The employee reads the answer and marks the change understood.
  await employee.reload();
  await expect(employee.getByText("Yes: every customer who waits at the desk is offered a drink.")).toBeVisible();
  await employee.getByRole("button", { name: "Understood" }).click();
  await expect(employee.getByText(/You confirmed you understood this/)).toBeVisible();

  // The manager's tracking shows it.
  await manager.goto(`/roles/service-advisor/versions/${version}/tracking`);
  await expect(manager.getByRole("list", { name: "People who understood" }).getByText("Elif Yılmaz")).toBeVisible();
  await expect(manager.getByRole("list", { name: "People who have not answered" }).getByText("Nora Bērziņa")).toBeVisible();

  // Script in the task description is shown as text, never run.
  await employee.goto("/roles/service-advisor");
  await expect(employee.getByText("<script>alert(1)</script>", { exact: false })).toBeVisible();
});

test("editor refuses an empty responsibility title next to the field, and a concurrent save gets a conflict", async ({
  managerPage: manager,
  hrPage: hr,
}) => {
  await manager.goto("/roles/parts-clerk/edit");
  await hr.goto("/roles/parts-clerk/edit");

  const first = manager.getByRole("group", { name: "Parts ordering and picking" });
  await first.getByLabel("Responsibility title").fill("");
  await manager.getByRole("button", { name: "Save draft" }).click();
  await expect(manager.getByText("This field is required.")).toBeVisible();
  await expect(manager.getByRole("alert").filter({ hasText: "Please check the highlighted fields." })).toBeVisible();

  await manager.getByRole("group", { name: "Responsibility 1" }).getByLabel("Responsibility title").fill("Parts ordering, picking and reservations");
  await manager.getByRole("button", { name: "Save draft" }).click();
  await expect(manager.getByText("Draft saved.")).toBeVisible();

  // HR opened the editor before the manager saved: their save must not overwrite it.
  await hr.getByLabel("Purpose").fill("HR's concurrent change");
  await hr.getByRole("button", { name: "Save draft" }).click();
  await expect(hr.getByRole("alert").filter({ hasText: "Someone else saved this draft" })).toBeVisible();
  // Nothing typed is lost: HR's text stays beside the saved draft and can be put back.
  await hr.getByTestId("conflict-panel").getByRole("button", { name: "Use mine" }).click();
  await expect(hr.getByLabel("Purpose")).toHaveValue("HR's concurrent change");

  await manager.reload();
  await expect(manager.getByRole("group", { name: "Parts ordering, picking and reservations" })).toBeVisible();
  manager.once("dialog", (d) => d.accept());
  await manager.getByRole("button", { name: "Discard draft" }).click();
  await expect(manager).toHaveURL(/\/roles\/parts-clerk$/);
});
