import { test as base, type Page } from "@playwright/test";
import { type DemoAccount, storageStatePath } from "./helpers";

type RolePages = { hrPage: Page; managerPage: Page; supervisorPage: Page; employeePage: Page; newhirePage: Page };

/** A signed-in page per demo account (each in its own browser context). */
function rolePage(account: DemoAccount) {
  return async ({ browser }: { browser: import("@playwright/test").Browser }, use: (p: Page) => Promise<void>) => {
    const context = await browser.newContext({ storageState: storageStatePath(account), locale: "en-GB" });
    const page = await context.newPage();
    await use(page);
    await context.close();
  };
}

export const test = base.extend<RolePages>({
  hrPage: rolePage("hr"),
  managerPage: rolePage("manager"),
  supervisorPage: rolePage("supervisor"),
  employeePage: rolePage("employee"),
  newhirePage: rolePage("newhire"),
});
export { expect } from "@playwright/test";
