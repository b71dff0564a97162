import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The holder here is the supervisor (Sven de Vries, Workshop Foreman, a role the manager owns):
// the Service Advisor is edited by role-change.spec.ts, which runs in parallel, and two editors
// saving one draft at once would conflict.
const ROLE = "workshop-foreman";

/** The manager publishes a material change to the role through the editor; returns the new version number. */
async function publishChange(manager: Page, purposeNote: string): Promise<number> {
  await manager.goto(`/roles/${ROLE}`);
  await manager.getByRole("link", { name: "Edit role" }).click();
  const purpose = manager.getByLabel("Purpose");
  await purpose.fill(`${await purpose.inputValue()} ${purposeNote}`);
  await manager.getByRole("button", { name: "Save draft" }).click();
  await expect(manager.getByText("Draft saved.")).toBeVisible();
  await manager.getByLabel("Change summary").fill(purposeNote);
  await manager.getByLabel(/Material change/).check();
  await manager.getByRole("button", { name: "Publish version" }).click();
  const published = manager.getByText(/Version \d+ is published\./);
  await expect(published).toBeVisible();
  return Number((await published.textContent())!.match(/\d+/)![0]);
}

test("a question asked on a version survives a newer version: it waits in the owner's inbox, is answered, and the holder reads the answer", async ({
  managerPage: manager,
  supervisorPage: holder,
}) => {
  test.slow(); // two publishes through the editor and four signed-in pages: over a minute on a busy machine
  const stamp = Date.now();
  const question = `Does the foreman also sign for the torque wrenches? (${stamp})`;
  const answer = `Yes, torque wrenches are special tools too. (${stamp})`;

  // Version N: the holder asks about it.
  const asked = await publishChange(manager, `The foreman checks the bay every morning (${stamp}).`);
  await holder.goto("/changes");
  await holder.getByRole("link", { name: `Workshop Foreman: version ${asked}` }).click();
  await holder.waitForURL(/\/changes\/\d+$/);
  const itemUrl = holder.url();
  await holder.getByRole("button", { name: "Need clarification" }).click();
  await holder.getByLabel("Your question").fill(question);
  await holder.getByRole("button", { name: "Send question" }).click();
  await expect(holder.getByText("Question asked", { exact: true })).toBeVisible();

  // Version N+1 is published before anyone answers.
  const newer = await publishChange(manager, `The foreman also checks the bay at closing (${stamp}).`);
  expect(newer).toBe(asked + 1);

  // The question is still open on its own version, not replaced.
  await holder.goto(itemUrl);
  await expect(holder.getByText("Question asked", { exact: true })).toBeVisible();
  await expect(holder.getByText("Replaced by a newer version")).toHaveCount(0);

  // Its version's tracking still counts it.
  await manager.goto(`/roles/${ROLE}/versions/${asked}/tracking`);
  await expect(manager.getByTestId("tracking-summary")).not.toContainText("0 of 0");
  await expect(manager.getByRole("list", { name: "People who asked" }).getByText("Sven de Vries")).toBeVisible();

  // The owner's navigation counts it; the inbox lists it; the owner answers from there.
  const nav = manager.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: /Questions to answer/ }).getByTestId("questions-count")).toBeVisible();
  await nav.getByRole("link", { name: /Questions to answer/ }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Questions to answer" })).toBeVisible();
  const entry = manager.getByRole("list", { name: "Questions waiting for your answer" }).getByRole("listitem").filter({ hasText: question });
  await expect(entry).toBeVisible();
  await entry.getByRole("link", { name: `Sven de Vries asked about Workshop Foreman: version ${asked}` }).click();
  await manager.waitForURL(/\/changes\/\d+$/);
  await manager.getByLabel("Your answer", { exact: true }).fill(answer);
  await manager.getByRole("button", { name: "Send answer" }).click();
  await expect(manager.getByText("Question answered", { exact: true })).toBeVisible();
  await manager.goto("/questions");
  await expect(manager.getByText(question)).toHaveCount(0);

  // The holder is told: opening the notification marks it read and leads to the item with the answer.
  await holder.goto("/notifications");
  const note = holder.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: "Marco Janssen answered your question" }).first();
  await expect(note.getByRole("button", { name: "Mark as read" })).toBeVisible();
  await note.getByRole("link").click();
  await expect(holder).toHaveURL(itemUrl);
  await expect(holder.getByText(answer)).toBeVisible();
  await expect(holder.getByText("Question answered", { exact: true })).toBeVisible();
  await holder.goto("/notifications");
  await expect(
    holder.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: "Marco Janssen answered your question" }).first().getByRole("button", { name: "Mark as read" }),
  ).toHaveCount(0);
});
