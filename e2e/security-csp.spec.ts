import type { Browser, Page, Response } from "@playwright/test";
import { expect, test } from "./fixtures";
import { unique } from "./helpers";

/*
 * Issue 14, point 7 (and point 11's CSP case): a Content Security Policy with a per-request nonce.
 * Pages across roles and the public pages load, hydrate and run their Server Actions with no CSP
 * violation; the header has the promised shape.
 */

/** Collects CSP violations: the page's `securitypolicyviolation` events and the console's CSP errors. */
async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("__cspViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  page.on("console", (m) => {
    if (/content security policy|refused to (execute|load|apply|frame|connect|evaluate|run|send)/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  return problems;
}

function directives(header: string | undefined): Map<string, string[]> {
  expect(header, "Content-Security-Policy header").toBeTruthy();
  return new Map(header!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

/** Opens a page, checks it rendered with our policy and that React hydrated under it. */
async function visit(page: Page, path: string, status = 200): Promise<Response> {
  const response = (await page.goto(path))!;
  expect(response.status(), path).toBe(status);
  const csp = directives(response.headers()["content-security-policy"]);
  expect(csp.get("script-src")?.some((v) => v.startsWith("'nonce-")), path).toBe(true);
  // The app's scripts ran: Next's own inline scripts carried the nonce.
  await expect(page.locator("html"), path).toHaveAttribute("data-hydrated", "");
  return response;
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  return { context, page, problems: await watchCsp(page) };
}

test("the policy has the promised shape, with a new nonce on every request that Next puts on its scripts", async ({ page }) => {
  const first = (await page.request.get("/sign-in"))!;
  const second = (await page.request.get("/sign-in"))!;
  const a = directives(first.headers()["content-security-policy"]);
  const b = directives(second.headers()["content-security-policy"]);

  const script = a.get("script-src")!;
  const nonce = script.find((v) => v.startsWith("'nonce-"))!.slice("'nonce-".length, -1);
  expect(nonce.length).toBeGreaterThanOrEqual(16);
  expect(b.get("script-src")!.find((v) => v.startsWith("'nonce-"))).not.toBe(`'nonce-${nonce}'`);
  expect(script).toContain("'strict-dynamic'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(a.get("base-uri")).toEqual(["'none'"]);
  expect(a.get("object-src")).toEqual(["'none'"]);
  expect(a.get("frame-ancestors")).toEqual(["'none'"]);
  expect(a.get("form-action")?.[0]).toBe("'self'");
  expect(a.get("default-src")).toEqual(["'self'"]);

  const headers = first.headers();
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");

  // Every script Next rendered carries this response's nonce; none without one.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("signed-out pages: sign-in, the job adverts, a rating link and a page that does not exist load with no CSP violation", async ({ browser, employeePage }) => {
  test.setTimeout(240_000);
  // A rating link (and its QR code, a data: image) made by Elif.
  await employeePage.goto("/feedback/links");
  await employeePage.getByLabel("Service reference (optional)").fill(`CSP-${unique()}`);
  await employeePage.getByRole("button", { name: "Make link" }).click();
  await expect(employeePage.getByTestId("made-link").getByRole("img", { name: "QR code of the new link" })).toBeVisible();
  const ratingUrl = new URL(await employeePage.locator("#made-link-url").inputValue());

  const { context, page, problems } = await freshPage(browser);
  await visit(page, "/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await visit(page, "/jobs");
  const advert = await visit(page, "/jobs/service-advisor");
  // The advert's JSON-LD data block carries the nonce too.
  const nonce = directives(advert.headers()["content-security-policy"]).get("script-src")!.find((v) => v.startsWith("'nonce-"))!.slice(7, -1);
  expect(await page.locator('script[type="application/ld+json"]').evaluate((s) => (s as HTMLScriptElement).nonce)).toBe(nonce);
  await visit(page, ratingUrl.pathname);
  await expect(page.getByRole("button", { name: "Send rating" })).toBeVisible();
  const missing = (await page.goto("/jobs/no-such-role"))!;
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-security-policy"]).toContain("'nonce-");
  expect(problems).toEqual([]);
  await context.close();
});

test("HR's pages, a person and settings load with no CSP violation", async ({ hrPage: page }) => {
  test.setTimeout(240_000);
  const problems = await watchCsp(page);
  await visit(page, "/");
  await visit(page, "/roles");
  await visit(page, "/roles/service-advisor");
  await visit(page, "/people");
  const person = (await page.locator('main a[href^="/people/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")))).find((h) => /^\/people\/\d+$/.test(h ?? ""));
  expect(person).toBeTruthy();
  await visit(page, person!);
  await visit(page, "/settings");
  await visit(page, "/audit");
  await visit(page, "/training");
  await visit(page, "/security");
  expect(problems).toEqual([]);
});

test("one email opens in its sandboxed frame with no CSP violation", async ({ hrPage: page }) => {
  test.setTimeout(180_000);
  const problems = await watchCsp(page);
  // The demo's notifications queued emails; the outbox worker writes them: one opens in its frame.
  await visit(page, "/settings/email");
  const first = page.getByRole("table").getByRole("link").first();
  await expect(async () => {
    await page.reload();
    await expect(first).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
  const href = (await first.getAttribute("href"))!;
  await visit(page, href);
  await expect(page.getByTestId("email-html")).toHaveAttribute("sandbox", "");
  await expect(page.frameLocator('[data-testid="email-html"]').locator("body")).not.toBeEmpty();
  expect(problems).toEqual([]);
});

test("a manager's pages load with no CSP violation", async ({ managerPage }) => {
  test.setTimeout(180_000);
  const manager = await watchCsp(managerPage);
  for (const path of ["/", "/readiness", "/clarity", "/evaluations", "/onboarding", "/notifications", "/roles/service-manager/edit"]) await visit(managerPage, path);
  expect(manager).toEqual([]);
});

test("an employee's pages and a Server Action with a QR code work with no CSP violation", async ({ employeePage }) => {
  test.setTimeout(180_000);
  const employee = await watchCsp(employeePage);
  for (const path of ["/my-role", "/feedback", "/concerns/new", "/preferences", "/whose-task", "/feedback/links"]) await visit(employeePage, path);
  // A Server Action and the QR code (a data: image) under the policy.
  await employeePage.getByLabel("Service reference (optional)").fill(`CSP-${unique()}`);
  await employeePage.getByRole("button", { name: "Make link" }).click();
  await expect(employeePage.getByTestId("made-link").getByRole("img", { name: "QR code of the new link" })).toBeVisible();
  expect(employee).toEqual([]);
});

test("a new hire's pages load with no CSP violation", async ({ newhirePage }) => {
  test.setTimeout(180_000);
  const newhire = await watchCsp(newhirePage);
  for (const path of ["/", "/my-role", "/training"]) await visit(newhirePage, path);
  expect(newhire).toEqual([]);
});
