import path from "node:path";
import Database from "better-sqlite3";
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

// The shared sessions of the storage states live for the whole run (30 minutes and more on a busy
// machine): they must not go idle between two tests of an account. The idle rule is tested on its
// own (lib/auth/sessions.test.ts, e2e/security-sessions.spec.ts).
setup("shared sessions do not go idle during the run", () => {
  const db = new Database(process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db"));
  try {
    db.prepare("update security_settings set idle_minutes = 480 where id = 1").run();
  } finally {
    db.close();
  }
});
