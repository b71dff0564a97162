import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { waitForHydrationOnNavigation } from "./fixtures";
import { DEMO, DEMO_PASSWORD, message, unique } from "./helpers";
import { startAppServer, type AppServer } from "./support/app-server";
import { startMailServer, type MailServer } from "./support/mail";

/*
 * Email over a real SMTP server (issue 13). This spec runs its own Rolebook server (npm start's
 * script, on its own port and a fresh demo database) pointed at an in-process smtp-server on a
 * loopback port, so it can stop the app with kill -9 and look at what arrives.
 */

test.describe.configure({ mode: "serial" });

const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const DB = path.join(os.tmpdir(), `rolebook-e2e-smtp-${PORT}.db`);
let mail: MailServer;
let app: AppServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) fs.rmSync(f, { force: true });
  mail = await startMailServer();
  // A short lease so a killed server's rows are taken again within seconds (the default is 2 minutes).
  app = await startAppServer({ port: PORT, databasePath: DB, env: { SMTP_URL: mail.url, EMAIL_LEASE_MS: "30000" } });
});

test.afterAll(async () => {
  await app?.kill("SIGTERM");
  await mail?.close();
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) fs.rmSync(f, { force: true });
});

/** Setup: these people chose to get announcements by email immediately (the default is the digest). */
function announcementsImmediately(where: string, ...params: string[]): string[] {
  const db = new Database(DB);
  try {
    const people = db.prepare(`select id, email from people where active = 1 and ${where}`).all(...params) as { id: number; email: string }[];
    const upsert = db.prepare(`insert into email_preferences (person_id, "group", mode) values (?, 'announcements', 'immediate') on conflict(person_id, "group") do update set mode = 'immediate'`);
    db.transaction(() => people.forEach((p) => upsert.run(p.id)))();
    return people.map((p) => p.email.toLowerCase());
  } finally {
    db.close();
  }
}

/** Who was notified of an announcement (its audience, without its author). */
function notifiedOf(id: number): string[] {
  const db = new Database(DB, { readonly: true });
  try {
    const rows = db.prepare("select distinct lower(p.email) as email from notifications n join people p on p.id = n.person_id where n.link = ?").all(`/announcements/${id}`) as { email: string }[];
    return rows.map((r) => r.email);
  } finally {
    db.close();
  }
}

function localeOf(email: string): string {
  const db = new Database(DB, { readonly: true });
  try {
    return (db.prepare("select locale from people where lower(email) = ?").get(email) as { locale: string | null }).locale ?? "en";
  } finally {
    db.close();
  }
}

async function hrPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, locale: "en-GB" });
  const page = waitForHydrationOnNavigation(await context.newPage());
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.hr.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  return page;
}

/** Publishes an announcement as HR; returns its id. */
async function publish(page: Page, title: string, audience: { team: string } | "everyone"): Promise<number> {
  await page.goto("/announcements/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("What changes and why").fill("From Monday the parts counter opens at 07:30.");
  if (audience === "everyone") await page.getByLabel("Everyone", { exact: true }).check();
  else await page.getByRole("group", { name: "Teams" }).getByLabel(audience.team).check();
  await page.getByRole("button", { name: "Publish announcement" }).click();
  await expect(page.getByText("The announcement is published and its audience has been notified.")).toBeVisible();
  return Number(/\/announcements\/(\d+)/.exec(page.url())![1]);
}

/** The messages that link to this announcement. */
const about = (id: number) => mail.received.filter((m) => m.text.includes(`/announcements/${id}`));

function countByRecipient(id: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of about(id)) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

test("an announcement reaches each person of its audience once, in their language, with text, HTML and a link to it", async ({ browser }) => {
  test.setTimeout(120_000);
  const audience = announcementsImmediately("team_id = (select id from teams where name = ?)", "Parts & Care");
  expect(audience.length).toBeGreaterThanOrEqual(5);
  const page = await hrPage(browser);
  const title = `Parts counter hours ${unique()}`;
  const id = await publish(page, title, { team: "Parts & Care" });

  await expect.poll(() => countByRecipient(id).size, { timeout: 60_000 }).toBe(audience.length);
  // Each person once: wait a little longer and count again.
  await page.waitForTimeout(12_000);
  const counts = countByRecipient(id);
  expect([...counts.keys()].sort()).toEqual([...audience].sort());
  for (const [, n] of counts) expect(n).toBe(1);

  for (const m of about(id)) {
    const to = m.to[0];
    const locale = localeOf(to);
    // The subject says what to do, in the person's language; both parts are there, with the one link.
    const subject = message(locale, "email.notification.announcement.new.subject").replace("{title}", title);
    expect(m.subject, `${to} (${locale})`).toBe(subject);
    expect(m.html).toContain(`/announcements/${id}`);
    expect(m.text).toContain(`${app.url}/announcements/${id}`);
    expect(m.messageId).toMatch(/^<n\d+@/);
  }
  // At least two languages other than English in this team (Turkish, Dutch, Lithuanian).
  expect(new Set(about(id).map((m) => localeOf(m.to[0]))).size).toBeGreaterThanOrEqual(3);
  await page.context().close();
});

/**
 * Setup: nothing in this person's digest was sent today yet, and it is due late in the evening.
 * Earlier specs may already have sent today's digest (after the default 08:00): its idempotency key
 * (`d<person>-<day>`) would make today's second digest a no-op, so those rows get other keys.
 */
function digestNotYetToday(email: string) {
  const db = new Database(DB);
  try {
    db.prepare(
      `update notification_deliveries set message_key = message_key || '-earlier-' || id
       where kind = 'digest' and person_id = (select id from people where email = ?)`,
    ).run(email);
    db.prepare(
      `insert into email_settings (person_id, digest_time, last_digest_on, updated_at) select id, '23:30', null, ? from people where email = ?
       on conflict(person_id) do update set digest_time = '23:30', last_digest_on = null`,
    ).run(new Date().toISOString(), email);
  } finally {
    db.close();
  }
}

test("a digest collects the day's items, and its unsubscribe link works without sign-in", async ({ browser }) => {
  test.setTimeout(180_000);
  const elif = DEMO.employee.email;
  digestNotYetToday(elif);
  const hr = await hrPage(browser);
  const first = `Reception desk rota ${unique()}`;
  const second = `New loan car keys box ${unique()}`;
  const a = await publish(hr, first, { team: "Reception" });
  const b = await publish(hr, second, { team: "Reception" });
  await hr.context().close();
  // Announcements go to the digest by default: nothing arrives for Elif at once.
  await new Promise((r) => setTimeout(r, 12_000));
  expect(mail.received.filter((m) => m.to.includes(elif) && (m.text.includes(`/announcements/${a}`) || m.text.includes(`/announcements/${b}`)))).toEqual([]);

  // Elif moves her digest to 00:00 on her preferences page: today's digest is due now.
  const context = await browser.newContext({ baseURL: app.url, locale: "en-GB" });
  const page = waitForHydrationOnNavigation(await context.newPage());
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(elif);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.goto("/preferences#email");
  await page.getByLabel("Daily digest time").selectOption("00:00");
  await page.getByRole("button", { name: "Save email choices" }).click();
  await expect(page.getByText("Your email choices are saved.")).toBeVisible();
  await context.close();

  const digestOf = () => mail.received.filter((m) => m.to.includes(elif) && m.text.includes(`/announcements/${a}`) && m.text.includes(`/announcements/${b}`));
  await expect.poll(() => digestOf().length, { timeout: 120_000 }).toBe(1);
  const digest = digestOf()[0];
  expect(digest.subject).toMatch(/^Your Rolebook digest: \d+ items$/);
  expect(digest.text).toContain(first);
  expect(digest.text).toContain(second);
  expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  expect(digest.headers["list-unsubscribe"]).toMatch(/\/api\/unsubscribe\?token=/);

  // Signed out, from the link in the email.
  const link = /https?:\/\/\S+\/unsubscribe\/[A-Za-z0-9_.-]+/.exec(digest.text)?.[0];
  expect(link, digest.text).toBeTruthy();
  const anon = await browser.newContext({ locale: "en-GB" });
  const out = await anon.newPage();
  await out.goto(link!);
  await expect(out.getByText("Stop the daily digest emails?")).toBeVisible();
  await out.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(out.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await anon.close();
  const db = new Database(DB, { readonly: true });
  try {
    const modes = db.prepare(`select "group", mode from email_preferences where person_id = (select id from people where email = ?)`).all(elif) as { group: string; mode: string }[];
    expect(modes.find((m) => m.group === "announcements")?.mode).toBe("off");
  } finally {
    db.close();
  }
});

test("a server killed with kill -9 mid-send and started again neither drops nor duplicates an email", async ({ browser }) => {
  test.setTimeout(240_000);
  announcementsImmediately("1 = 1");
  const page = await hrPage(browser);
  // Each recipient is held a second by the SMTP server, so sending to everyone takes several seconds.
  mail.setDelay(1000);
  const id = await publish(page, `Workshop closed on Friday ${unique()}`, "everyone");
  await page.context().close();
  const audience = notifiedOf(id);
  expect(audience.length).toBeGreaterThan(15);
  await expect.poll(() => about(id).length, { timeout: 60_000, intervals: [100] }).toBeGreaterThanOrEqual(3);
  // Killed while the next recipient is held, not in the instant between the SMTP server accepting a
  // message and the app recording it as sent (a crash there can only be resent: at-least-once).
  await expect.poll(() => mail.holdingBetweenMessages(), { timeout: 30_000, intervals: [50] }).toBe(true);
  await app.kill("SIGKILL");
  const beforeRestart = about(id).length;
  expect(beforeRestart).toBeLessThan(audience.length);

  mail.setDelay(0);
  await app.start();
  await expect.poll(() => countByRecipient(id).size, { timeout: 120_000 }).toBe(audience.length);
  await new Promise((r) => setTimeout(r, 12_000));
  const counts = countByRecipient(id);
  expect([...counts.keys()].sort()).toEqual([...audience].sort());
  for (const [to, n] of counts) expect(n, to).toBe(1);
  // One Message-ID per delivery: nothing was sent twice under another key either.
  const ids = about(id).map((m) => m.messageId);
  expect(new Set(ids).size).toBe(ids.length);
});
