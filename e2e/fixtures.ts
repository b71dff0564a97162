import { test as base, type Page, type Response } from "@playwright/test";
import { type DemoAccount, storageStatePath } from "./helpers";

type RolePages = { hrPage: Page; managerPage: Page; supervisorPage: Page; employeePage: Page; newhirePage: Page };

/**
 * After `goto` and `reload`, wait until React has hydrated the page (the root layout marks
 * `<html data-hydrated>`): a click that lands before hydration submits the form natively and the
 * test then races the page instead of testing it. Only for HTML documents.
 */
export function waitForHydrationOnNavigation(page: Page): Page {
  const settle = async (response: Response | null) => {
    if (response && (response.headers()["content-type"] ?? "").includes("text/html")) {
      // Pages Next serves without the app (a URL that does not decode) never hydrate: no wait there.
      // Best effort: a page that is still not hydrated after 20 s is left to the test's own assertions.
      await page
        .waitForFunction(() => document.documentElement.dataset.hydrated !== undefined || !document.querySelector('script[src*="/_next/"]'), undefined, {
          timeout: 20_000,
        })
        .catch(() => undefined);
    }
    return response;
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args: Parameters<Page["goto"]>) => settle(await goto(...args));
  page.reload = async (...args: Parameters<Page["reload"]>) => settle(await reload(...args));
  return page;
}

/** A signed-in page per demo account (each in its own browser context). */
function rolePage(account: DemoAccount) {
  return async ({ browser }: { browser: import("@playwright/test").Browser }, use: (p: Page) => Promise<void>) => {
    const context = await browser.newContext({ storageState: storageStatePath(account), locale: "en-GB" });
    const page = waitForHydrationOnNavigation(await context.newPage());
    await use(page);
    await context.close();
  };
}

export const test = base.extend<RolePages>({
  page: async ({ page }, provide) => {
    await provide(waitForHydrationOnNavigation(page));
  },
  hrPage: rolePage("hr"),
  managerPage: rolePage("manager"),
  supervisorPage: rolePage("supervisor"),
  employeePage: rolePage("employee"),
  newhirePage: rolePage("newhire"),
});
export { expect } from "@playwright/test";
