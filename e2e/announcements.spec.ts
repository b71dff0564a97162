import { expect, test } from "./fixtures";

test("an announcement with a task transfer effective today moves the task in “Whose task is this?”", async ({ managerPage: page, supervisorPage }) => {
  const task = "Sign special tools in and out";
  await page.goto(`/whose-task?q=${encodeURIComponent(task)}`);
  const first = page.getByRole("list", { name: "Results" }).getByRole("listitem").first();
  await expect(first.getByRole("link", { name: task })).toBeVisible();
  await expect(first.getByTestId("owning-role")).toContainText("Technician");

  await page.goto("/announcements/new");
  await page.getByLabel("Title").fill("Special tools are signed out by the foreman");
  await page.getByLabel("What changes and why").fill("From today the **Workshop Foreman** signs special tools in and out.");
  // The effective date defaults to today.
  await page.getByRole("group", { name: "Teams" }).getByLabel("Workshop").check();
  await page.getByRole("button", { name: "Add a task transfer" }).click();
  const transfer = page.getByRole("group", { name: "Task transfer 1" });
  await transfer.getByLabel("From role").selectOption({ label: "Technician" });
  await transfer.getByLabel("Task").selectOption({ label: `${task} (Parts and special tools)` });
  await transfer.getByLabel("To role").selectOption({ label: "Workshop Foreman" });
  await transfer.getByLabel("Into responsibility").selectOption({ label: "Team, equipment and safety" });
  await page.getByRole("button", { name: "Publish announcement" }).click();
  await expect(page.getByText("The announcement is published and its audience has been notified.")).toBeVisible();
  await expect(page.getByText("In effect")).toBeVisible();

  await page.goto(`/whose-task?q=${encodeURIComponent(task)}`);
  const moved = page.getByRole("list", { name: "Results" }).getByRole("listitem").first();
  await expect(moved.getByRole("link", { name: task })).toBeVisible();
  await expect(moved.getByTestId("owning-role")).toContainText("Workshop Foreman");
  await expect(moved).toContainText("Sven de Vries");

  // The Workshop Foreman's role description got a new material version with the task.
  await page.goto("/roles/workshop-foreman/versions");
  await expect(page.getByText("From an announcement").first()).toBeVisible();

  // The audience answers it through the same flow; it is first in their feed.
  await supervisorPage.goto("/announcements");
  const feed = supervisorPage.getByRole("list", { name: "Announcements" }).getByRole("listitem").first();
  await expect(feed).toContainText("Special tools are signed out by the foreman");
  await expect(feed).toContainText("Not answered");
});

test("bad announcement input is refused with clear messages and nothing is published", async ({ managerPage: page }) => {
  await page.goto("/announcements/new");
  await page.getByLabel("Title").fill("Transfers in the past");
  await page.getByLabel("What changes and why").fill("Testing validation.");
  await page.getByLabel("Effective date").fill("2020-01-01");
  await page.getByRole("button", { name: "Add a task transfer" }).click();
  const transfer = page.getByRole("group", { name: "Task transfer 1" });
  await transfer.getByLabel("From role").selectOption({ label: "Technician" });
  await transfer.getByLabel("Task").selectOption({ index: 1 });
  await transfer.getByLabel("To role").selectOption({ label: "Workshop Foreman" });
  await page.getByRole("button", { name: "Publish announcement" }).click();
  await expect(page.getByText("Choose who should receive this: everyone, teams, roles or people.")).toBeVisible();
  await expect(page.getByText("A task transfer cannot take effect in the past.")).toBeVisible();
  await expect(page).toHaveURL(/\/announcements\/new$/);
});

test("the notification centre lists new items with an unread count; each links to its item and can be marked read", async ({ newhirePage: page }) => {
  await page.goto("/");
  const bell = page.getByTestId("bell");
  const before = Number((await bell.getAttribute("aria-label"))!.match(/\d+/)?.[0] ?? 0);
  expect(before).toBeGreaterThan(0);
  await bell.click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const item = page.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: "Courtesy-car bookings" });
  await item.getByRole("button", { name: "Mark as read" }).click();
  await expect(item.getByRole("button", { name: "Mark as read" })).toHaveCount(0);
  // The bell follows at once: it counts what the list shows unread (the scheduler or another test may
  // add a notification meanwhile, so the count is compared with the list, not with before - 1).
  const unreadInList = page.getByRole("list", { name: "Notifications" }).getByRole("button", { name: "Mark as read" });
  const bellCount = async () => Number((await page.getByTestId("bell").getAttribute("aria-label"))!.match(/\d+/)?.[0] ?? 0);
  await expect.poll(async () => (await bellCount()) - (await unreadInList.count())).toBe(0);
  await item.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Courtesy-car bookings move to the new fleet app" })).toBeVisible();
});

test("HR browses the audit log filtered by record type", async ({ hrPage: page }) => {
  await page.goto("/audit");
  await page.getByLabel("Record type").selectOption("job_role");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/type=job_role/);
  await expect(page.getByRole("cell", { name: /published Service Advisor, version \d/ }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /to the directory/ })).toHaveCount(0);
  await expect(page.getByText("role.publish")).toHaveCount(0);
});

test("the audience's people are found by typing: the manager adds Elif, removes and re-adds her, and she gets the announcement", async ({ managerPage: page, employeePage }) => {
  const title = `Courtesy-car keys go back to reception (${Date.now()})`;
  await page.goto("/announcements/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("What changes and why").fill("Keys are no longer left in the workshop.");
  const search = page.getByLabel("Add a person");
  await search.fill("yilm");
  await expect(page.locator('datalist option[value="Elif Yılmaz <employee@example.com>"]')).toHaveCount(1);
  await search.fill("Elif Yılmaz <employee@example.com>");
  const picked = page.getByRole("list", { name: "People in the audience" });
  await expect(picked.getByRole("listitem")).toHaveText(["Elif Yılmaz×"]);
  await picked.getByRole("button", { name: "Remove Elif Yılmaz" }).click();
  await expect(picked).toHaveCount(0);
  await page.getByLabel("Add a person").fill("yilm");
  await expect(page.locator('datalist option[value="Elif Yılmaz <employee@example.com>"]')).toHaveCount(1);
  await page.getByLabel("Add a person").fill("Elif Yılmaz <employee@example.com>");
  await expect(picked.getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Publish announcement" }).click();
  await expect(page.getByText("The announcement is published and its audience has been notified.")).toBeVisible();

  await employeePage.goto("/announcements");
  await expect(employeePage.getByRole("list", { name: "Announcements" })).toContainText(title);
});
