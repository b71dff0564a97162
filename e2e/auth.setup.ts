import { expect, test as setup } from "@playwright/test";
import { DEMO, type DemoAccount, signIn, storageStatePath } from "./helpers";

for (const account of Object.keys(DEMO) as DemoAccount[]) {
  setup(`sign in as ${account}`, async ({ page }) => {
    await signIn(page, DEMO[account].email);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("current-user")).toBeVisible();
    await page.context().storageState({ path: storageStatePath(account) });
  });
}
