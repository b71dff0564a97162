import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, unique } from "./helpers";

// Issue 14 point 6 (sign-in hardening) and the 413 of point 9. Sign-ins here happen in fresh
// contexts (never the shared signed-in fixtures). Failures that must count against an address are
// sent from other loopback addresses (127.0.0.2, 127.0.0.3…: the server sees them as the socket
// address), so the address 127.0.0.1 that every other spec signs in from is never slowed.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_PATH = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db");

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One HTTP request to the app from a chosen loopback address (a real socket address, not a header). */
function raw(options: { from: string; method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: PORT, localAddress: options.from, method: options.method ?? "GET", path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/**
 * A password sign-in through Auth.js's credentials endpoint (what the sign-in form's action calls),
 * from `from`, with whatever extra headers (a forged X-Forwarded-For). Answers the refusal code
 * Auth.js puts in its redirect ("invalid", "slow:<seconds>"), or "ok".
 */
async function credentialsSignIn(from: string, email: string, password: string, extra: Record<string, string> = {}): Promise<string> {
  const csrf = await raw({ from, path: "/api/auth/csrf" });
  const cookie = ([] as string[]).concat(csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }).toString();
  const res = await raw({
    from,
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), cookie, ...extra },
    body,
  });
  const location = new URL(String(res.headers.location ?? ""), `http://127.0.0.1:${PORT}`);
  if (location.pathname === "/sign-in") return location.searchParams.get("code") ?? location.searchParams.get("error") ?? "?";
  return "ok";
}

function auditRows(action: string, like: string): { detail: string }[] {
  const db = new Database(DB_PATH, { readonly: true });
  try {
    return db.prepare("select detail from audit_log where action = ? and detail like ? order by id").all(action, like) as { detail: string }[];
  } finally {
    db.close();
  }
}

test.describe("callbackUrl stays on the app's origin", () => {
  const attacks = ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(document.domain)", "/.//evil.example"];
  for (const attack of attacks) {
    test(`sign-in with callbackUrl ${JSON.stringify(attack)} lands on My role`, async ({ browser, baseURL }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(attack)}`);
        await page.getByLabel("Email").fill(DEMO.employee.email);
        await page.getByLabel("Password").fill(DEMO_PASSWORD);
        await page.getByRole("button", { name: "Sign in" }).click();
        await expect(page.getByTestId("current-user")).toBeVisible();
        const url = new URL(page.url());
        expect(url.origin).toBe(new URL(baseURL!).origin);
        expect(url.pathname).toBe("/");
      } finally {
        await context.close();
      }
    });
  }

  test("a same-origin callbackUrl is still honoured", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/people?q=a")}`);
      await page.getByLabel("Email").fill(DEMO.employee.email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/people\?q=a$/);
    } finally {
      await context.close();
    }
  });
});

test("without JavaScript the sign-in form posts: the password never reaches the URL", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto("/sign-in");
    await expect(page.locator("form").first()).toHaveAttribute("method", "post");
    const password = `no-js-${unique()}`;
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill(password);
    const submitted = page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes("/sign-in"));
    await page.getByRole("button", { name: "Sign in" }).click();
    const request = await submitted;
    expect(request.method()).toBe("POST");
    expect(request.url()).not.toContain(password);
    await page.waitForLoadState();
    expect(page.url()).not.toContain(password);
    expect(page.url()).not.toContain("password=");
    // The page itself answers the post (no error page).
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("rotating X-Forwarded-For does not escape the per-address limit: many emails from one address are slowed", async () => {
  test.setTimeout(180_000);
  const from = "127.0.0.2";
  const password = `spray-${unique()}`;
  const run = unique();
  const codes: string[] = [];
  // 50 failures (the address's limit), each for another email and with another forged address.
  for (let i = 0; i < 50; i++) {
    codes.push(await credentialsSignIn(from, `spray-${run}-${i}@example.com`, password, { "x-forwarded-for": `198.51.100.${i + 1}` }));
  }
  expect(codes.slice(0, 49).every((c) => c === "invalid")).toBe(true);
  expect(codes[49]).toMatch(/^slow:\d+$/);
  // The next attempt, again for a fresh email and a fresh forged address, is slowed without a password check…
  expect(await credentialsSignIn(from, `spray-${run}-fresh@example.com`, password, { "x-forwarded-for": "203.0.113.99" })).toMatch(/^slow:\d+$/);
  // …even for a demo account's right password from that address, while the account itself is not slowed:
  expect(await credentialsSignIn(from, DEMO.newhire.email, DEMO_PASSWORD, { "x-forwarded-for": "203.0.113.98" })).toMatch(/^slow:\d+$/);
  expect(await credentialsSignIn("127.0.0.4", DEMO.newhire.email, DEMO_PASSWORD)).toBe("ok");

  // The audit names the socket address, never a forged one, and never the password.
  const failed = auditRows("security.signinFailed", `%spray-${run}-%`);
  expect(failed).toHaveLength(49);
  for (const r of failed) expect(JSON.parse(r.detail).ip).toBe(from);
  const locked = auditRows("security.signinLocked", `%spray-${run}-%`);
  expect(locked.length).toBeGreaterThanOrEqual(2);
  expect(JSON.parse(locked[locked.length - 1].detail)).toMatchObject({ ip: from, limit: "address" });
  for (const r of [...failed, ...locked]) expect(r.detail).not.toContain(password);
});

test("past the per-account limit the form says to slow down, audited, without checking the password", async ({ browser }) => {
  const email = `slow-${unique()}@example.com`;
  for (let i = 0; i < 10; i++) await credentialsSignIn("127.0.0.3", email, "wrong-password");
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /Too many failed attempts\. Slow down: try again in \d+ seconds?\./ })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  } finally {
    await context.close();
  }
  const locked = auditRows("security.signinLocked", `%${email}%`);
  expect(locked.length).toBeGreaterThanOrEqual(2); // the 10th failure, and the browser's attempt
  const last = JSON.parse(locked[locked.length - 1].detail);
  expect(last).toMatchObject({ email, limit: "account", ip: "127.0.0.1" });
  expect(last.waitSeconds).toBeGreaterThan(0);
  expect(locked[locked.length - 1].detail).not.toContain("wrong-password");
});

test.describe("request bodies over the limit get 413", () => {
  test("a declared Content-Length over 11 MB", async () => {
    const res = await new Promise<Raw>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: PORT, method: "POST", path: "/sign-in", headers: { "content-type": "application/octet-stream", "content-length": 12 * 1024 * 1024 } },
        (r) => {
          let body = "";
          r.on("data", (c) => (body += c));
          r.on("end", () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body }));
        },
      );
      req.on("error", reject);
      req.write(Buffer.alloc(64 * 1024)); // only a start: the answer must not wait for the rest
    });
    expect(res.status).toBe(413);
    expect(res.body).toContain("Request too large");
    expect(res.body).toContain("11 MB");
  });

  test("a chunked body that grows over 11 MB while streaming", async () => {
    const res = await new Promise<Raw>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: PORT, method: "POST", path: "/api/v1/rating-links", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
        (r) => {
          let body = "";
          r.on("data", (c) => (body += c));
          r.on("end", () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body }));
        },
      );
      req.on("error", reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 13 && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
    expect(res.status).toBe(413);
    expect(res.body).toContain("Request too large");
  });

  test("a body within the limit is served as before", async ({ request }) => {
    const res = await request.post("/api/v1/rating-links", { headers: { Authorization: "Bearer rbk_wrong" }, data: { email: "x".repeat(1024 * 1024) } });
    expect(res.status()).toBe(401);
  });
});
