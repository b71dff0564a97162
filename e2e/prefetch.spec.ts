import { expect, test } from "./fixtures";

/**
 * Issue 15: a page view costs the server one page. Links prefetch when the reader shows intent
 * (components/ui/link.tsx), not each link in view: with next/link's default the home page asked for
 * 39 prefetches, every one rendering the portal layout again.
 */
test("a page view asks the server for no other page until the reader points at a link, which then opens at once", async ({ employeePage: page }) => {
  const prefetches: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) prefetches.push(new URL(r.url()).pathname);
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Give the router's viewport prefetching time to start if it were on.
  await page.waitForTimeout(1500);
  expect(prefetches).toEqual([]);

  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Whose task?" });
  const prefetched = page.waitForRequest((r) => !!r.headers()["next-router-prefetch"] && new URL(r.url()).pathname === "/whose-task");
  await link.hover();
  await prefetched;
  expect(prefetches.every((p) => p === "/whose-task")).toBe(true);
  await link.click();
  await expect(page).toHaveURL(/\/whose-task$/);
  await expect(page.getByRole("heading", { level: 1, name: "Whose task is this?" })).toBeVisible();
});

test("keyboard focus is intent too: tabbing onto a link prefetches it", async ({ employeePage: page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Changes" });
  const prefetched = page.waitForRequest((r) => !!r.headers()["next-router-prefetch"] && new URL(r.url()).pathname === "/changes");
  await link.focus();
  await prefetched;
});
