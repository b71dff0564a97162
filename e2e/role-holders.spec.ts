import { expect, test } from "./fixtures";

/*
 * Issue 15, point 2: a role page names its first holders and a count, the holders page lists them a
 * page at a time. A name links to the person for whoever may open people (and to oneself).
 */

test("HR sees who holds a role on its page and on the holders page, each name linking to the person", async ({ hrPage: page }) => {
  await page.goto("/roles/service-advisor");
  const onRole = page.getByRole("list", { name: "People who hold this role" });
  await expect(onRole.getByRole("listitem")).toHaveCount(5);
  await expect(onRole.getByRole("link", { name: "Elif Yılmaz" })).toHaveAttribute("href", /^\/people\/\d+$/);

  await page.goto("/roles/service-advisor/holders");
  await expect(page.getByRole("heading", { level: 1, name: "Who holds Service Advisor" })).toBeVisible();
  await expect(page.getByText("Held by 5 people")).toBeVisible();
  const all = page.getByRole("list", { name: "People who hold this role" });
  await expect(all.getByRole("listitem")).toHaveCount(5);
  await all.getByRole("link", { name: "Elif Yılmaz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Elif Yılmaz" })).toBeVisible();
});

test("an employee's holders page lists only the people they may see: themselves, linked", async ({ employeePage: page }) => {
  await page.goto("/roles/service-advisor/holders");
  const all = page.getByRole("list", { name: "People who hold this role" });
  await expect(all.getByRole("listitem")).toHaveCount(1);
  await expect(all.getByRole("link", { name: "Elif Yılmaz" })).toHaveAttribute("href", /^\/people\/\d+$/);
});

test("the holders page of a role that does not exist is not found", async ({ hrPage: page }) => {
  const res = await page.goto("/roles/no-such-role/holders");
  expect(res?.status()).toBe(404);
});
