import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, withDb } from "./helpers";

/** Issue 13, point 2: a person's own email choices, and the digest's one-click unsubscribe link. */

const personId = (email: string) => withDb((db) => (db.prepare("select id from people where email = ?").get(email) as { id: number }).id);
const modesOf = (id: number) =>
  withDb((db) => Object.fromEntries((db.prepare("select \"group\" as g, mode from email_preferences where person_id = ?").all(id) as { g: string; mode: string }[]).map((r) => [r.g, r.mode])));

/** The token a digest carries, signed with the server's AUTH_SECRET (scripts/env.mjs: the env, else data/auth-secret). */
function unsubscribeToken(id: number, scope: string): string {
  const secret = process.env.AUTH_SECRET || fs.readFileSync(path.join(process.cwd(), "data", "auth-secret"), "utf8").trim();
  const payload = `${id}:${scope}`;
  return `${Buffer.from(payload).toString("base64url")}.${createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url")}`;
}

test("an employee chooses per group and the digest time, and the choices are kept", async ({ employeePage: page }) => {
  await page.goto("/preferences");
  const section = page.locator("section#email");
  await expect(section.getByRole("heading", { level: 2, name: "Email" })).toBeVisible();
  const announcements = section.getByLabel("Announcements", { exact: true });
  const time = section.getByLabel("Daily digest time");
  // The defaults: changes at once, announcements in the digest at 08:00 (organisation zone, named).
  await expect(section.getByLabel("Changes to answer", { exact: true })).toHaveValue("immediate");
  await expect(announcements).toHaveValue("digest");
  await expect(time).toHaveValue("08:00");
  await expect(section.getByText("In the organisation's time zone (Europe/Amsterdam).")).toBeVisible();

  await announcements.selectOption({ label: "Not by email" });
  await section.getByLabel("Questions", { exact: true }).selectOption({ label: "In the daily digest" });
  await time.selectOption("17:30");
  await section.getByRole("button", { name: "Save email choices" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Your email choices are saved." })).toBeVisible();

  // A second save from the same form (its revision moved on) still works.
  await section.getByLabel("Pulse", { exact: true }).selectOption({ label: "Immediately" });
  await section.getByRole("button", { name: "Save email choices" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Your email choices are saved." })).toBeVisible();

  await page.reload();
  await expect(page.locator("section#email").getByLabel("Announcements", { exact: true })).toHaveValue("off");
  await expect(page.locator("section#email").getByLabel("Questions", { exact: true })).toHaveValue("digest");
  await expect(page.locator("section#email").getByLabel("Pulse", { exact: true })).toHaveValue("immediate");
  await expect(page.locator("section#email").getByLabel("Daily digest time")).toHaveValue("17:30");
  expect(modesOf(personId("employee@example.com"))).toEqual({ announcements: "off", questions: "digest", pulse: "immediate" });
});

test("the digest's unsubscribe link works signed out and without JavaScript; opening it changes nothing", async ({ browser }) => {
  const sup = personId("supervisor@example.com");
  const token = unsubscribeToken(sup, "digest");
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  try {
    await page.goto(`/unsubscribe/${token}`);
    await expect(page.getByRole("heading", { level: 1, name: "Unsubscribe" })).toBeVisible();
    await expect(page.getByText("Stop the daily digest emails?")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Announcements" })).toBeVisible();
    expect(modesOf(sup)).toEqual({});

    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "You are unsubscribed" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Open my email preferences" })).toHaveAttribute("href", "/preferences#email");
    const modes = modesOf(sup);
    expect(modes.announcements).toBe("off");
    expect(modes.onboarding).toBe("off");
    expect(modes.changes).toBeUndefined();

    // A changed token is refused with a clear page.
    await page.goto(`/unsubscribe/${token.slice(0, -3)}xyz`);
    await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("one-click unsubscribe (RFC 8058): POST with the token, no sign-in", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  try {
    const mgr = personId("manager@example.com");
    const bad = await api.post(`/api/unsubscribe?token=${unsubscribeToken(mgr, "digest").slice(0, -2)}AA`, { form: { "List-Unsubscribe": "One-Click" } });
    expect(bad.status()).toBe(400);
    expect(modesOf(mgr)).toEqual({});
    const ok = await api.post(`/api/unsubscribe?token=${unsubscribeToken(mgr, "digest")}`, { form: { "List-Unsubscribe": "One-Click" } });
    expect(ok.status()).toBe(200);
    expect(modesOf(mgr).announcements).toBe("off");
  } finally {
    await api.dispose();
  }
});

test("the unsubscribe page has no serious accessibility violations", async ({ page }) => {
  await page.goto(`/unsubscribe/${unsubscribeToken(personId("hr@example.com"), "announcements")}`);
  await expect(page.getByText("Stop emails about “Announcements”?")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/unsubscribe/not-a-token");
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await expectNoSeriousViolations(page);
  // A link whose escapes do not decode is refused before the page (404), never a server error.
  const res = await page.goto("/unsubscribe/%E0%A4%A");
  expect(res?.status()).toBe(404);
});
