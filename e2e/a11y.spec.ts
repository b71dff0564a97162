import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, signInAndWait } from "./helpers";
import { answeredConcern, responsibilityKey } from "./faq-fixtures";
import { courseIdByTitle } from "./quiz-fixtures";

test("sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("My role has no serious accessibility violations", async ({ employeePage: page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Service Advisor" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("People and a person page have no serious accessibility violations", async ({ hrPage: page }) => {
  await page.goto("/people");
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Elif Yılmaz" }).click();
  await expect(page.getByRole("heading", { name: "Edit details" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("Roles and a role page have no serious accessibility violations", async ({ managerPage: page }) => {
  await page.goto("/roles");
  await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/roles/service-advisor");
  await expect(page.getByRole("heading", { level: 1, name: "Service Advisor" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("communication pages have no serious accessibility violations", async ({ managerPage: page }) => {
  test.slow(); // six pages, each scanned by axe: more than one minute on a busy two-core machine
  for (const path of ["/changes", "/announcements", "/announcements/new", "/whose-task?q=warranty", "/notifications", "/questions"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  }
  await page.goto("/announcements");
  await page.getByRole("list", { name: "Announcements" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("role version pages (versions, compare, a version, its tracking, the editor) have no serious accessibility violations", async ({ managerPage: page }) => {
  test.slow(); // six pages, each scanned by axe
  for (const path of [
    "/roles/service-advisor/versions",
    "/roles/service-advisor/compare?from=1&to=2",
    "/roles/service-advisor/versions/2",
    "/roles/service-advisor/versions/2/tracking",
    "/roles/service-advisor/holders",
    "/roles/technician/edit",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  }
});

test("an employee's list of a role's versions has no serious accessibility violations", async ({ employeePage: page }) => {
  // Without the editor's controls, each version's heading is its link beside the "Current" badge:
  // on a phone axe reads them as one block of text, where a link needs more than its colour.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/roles/service-advisor/versions");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("a pending change item has no serious accessibility violations", async ({ newhirePage: page }) => {
  await page.goto("/changes");
  await page.getByRole("link", { name: /Service Advisor: version/ }).first().click();
  // (Answered already when e2e/new-hire-read.spec.ts ran first.)
  await expect(page.getByRole("heading", { level: 1, name: /Service Advisor: version/ })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the read-and-confirm page of a new hire has no serious accessibility violations", async ({ newhirePage: page }) => {
  await page.goto("/my-role");
  await expect(page.getByRole("heading", { level: 1, name: "Read and confirm your role" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Contents" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("HR's audit log and the public job posting have no serious accessibility violations", async ({ hrPage, page }) => {
  test.slow(); // three pages scanned by axe, one a long table
  await hrPage.goto("/audit");
  await expect(hrPage.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expectNoSeriousViolations(hrPage);
  await page.goto("/jobs/service-advisor");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "Open jobs" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("onboarding pages have no serious accessibility violations", async ({ managerPage: page, newhirePage }) => {
  test.slow(); // a dozen pages, each scanned by axe: more than one minute on a busy two-core machine
  for (const path of ["/onboarding", "/onboarding/tasks", "/onboarding/new?person=5", "/roles/technician/onboarding"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  }
  await page.goto("/onboarding");
  await page.getByRole("link", { name: "Nora Bērziņa" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
  await newhirePage.goto("/");
  await expect(newhirePage.getByRole("heading", { name: /You are onboarding/ })).toBeVisible();
  await expectNoSeriousViolations(newhirePage);
});

test("settings pages and the time zone preference have no serious accessibility violations", async ({ hrPage: page }) => {
  test.slow(); // four pages, each scanned by axe
  for (const [path, heading] of [
    ["/settings", "Organisation settings"],
    ["/settings/holidays", "Public holidays"],
    ["/settings/jobs", "Scheduled jobs"],
    ["/preferences", "My preferences"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoSeriousViolations(page);
  }
});

test("evaluation pages have no serious accessibility violations", async ({ supervisorPage: sup, managerPage: mgr, browser }) => {
  test.slow(); // several pages, each scanned by axe
  await sup.goto("/evaluations");
  await expect(sup.getByRole("heading", { level: 1, name: "Evaluations" })).toBeVisible();
  await expectNoSeriousViolations(sup);
  // Start an evaluation of a technician: the start form, then the draft editor.
  await sup.goto("/evaluations/new");
  await expect(sup.getByRole("heading", { level: 1, name: "New evaluation" })).toBeVisible();
  await expectNoSeriousViolations(sup);
  const picker = sup.getByLabel("Person", { exact: true });
  await picker.fill("Mehmet");
  await expect(sup.locator('datalist option[value="Mehmet Kaya — Technician"]')).toHaveCount(1);
  await picker.fill("Mehmet Kaya — Technician");
  await sup.getByRole("button", { name: "Start the evaluation" }).click();
  await expect(sup).toHaveURL(/\/evaluations\/\d+$/);
  const url = new URL(sup.url()).pathname;
  await expect(sup.getByRole("button", { name: "Save draft" })).toBeVisible();
  await expectNoSeriousViolations(sup);
  await sup.getByRole("button", { name: "Ask for a self-assessment" }).click();
  await expect(sup.getByText("Waiting for Mehmet Kaya's self-assessment.", { exact: false })).toBeVisible();
  // The read view (the supervisor's manager reads the draft).
  await mgr.goto(url);
  await expect(mgr.getByRole("heading", { level: 1, name: "Evaluation of Mehmet Kaya" })).toBeVisible();
  await expect(mgr.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await expectNoSeriousViolations(mgr);
  // The self-assessment form (the technician, asked; he reads Rolebook in Turkish).
  const context = await browser.newContext({ locale: "en-GB" });
  const tech = await context.newPage();
  await signInAndWait(tech, "mehmet.kaya@example.com");
  await tech.goto(url);
  await expect(tech.getByRole("button", { name: "Sven de Vries kişisine gönder" })).toBeVisible();
  await expectNoSeriousViolations(tech);
  await context.close();
});

test("evaluation settings and lists have no serious accessibility violations", async ({ hrPage, supervisorPage, employeePage }) => {
  test.slow();
  await hrPage.goto("/settings/rating-scale");
  await expect(hrPage.getByRole("heading", { level: 1, name: "Rating scale and evaluation schedule" })).toBeVisible();
  await expectNoSeriousViolations(hrPage);
  await supervisorPage.goto("/evaluations/due");
  await expect(supervisorPage.getByRole("heading", { level: 1, name: "Evaluations due" })).toBeVisible();
  await expectNoSeriousViolations(supervisorPage);
  await employeePage.goto("/my-role/evaluation");
  await expect(employeePage.getByRole("heading", { level: 1, name: "How I will be evaluated" })).toBeVisible();
  await expectNoSeriousViolations(employeePage);
});

test("raising a concern and the public receipt page have no serious accessibility violations", async ({ employeePage: page, browser }) => {
  test.slow(); // two pages, each scanned by axe
  await page.goto("/concerns/new");
  await expect(page.getByRole("heading", { level: 1, name: "Raise a concern" })).toBeVisible();
  await page.getByRole("radio", { name: /Anonymously/ }).check();
  // With the role choice open under "the owner of a role".
  await page.getByRole("radio", { name: /The owner of a role/ }).check();
  await expect(page.getByLabel("Role", { exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);
  // With the team search open under "a team's manager", a team picked.
  await page.getByRole("radio", { name: /A team's manager/ }).check();
  await page.getByLabel("Team", { exact: true }).fill("Work");
  await expect(page.locator('datalist option[value="Workshop"]')).toHaveCount(1);
  await page.getByLabel("Team", { exact: true }).fill("Workshop");
  await expect(page.getByTestId("team-readers")).toBeVisible();
  await expectNoSeriousViolations(page);
  const context = await browser.newContext({ locale: "en-GB" });
  const anon = await context.newPage();
  await anon.goto("/receipt");
  await expect(anon.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(anon);
  await context.close();
});

test("concern pages have no serious accessibility violations", async ({ hrPage: page }) => {
  test.slow(); // three pages, each scanned by axe, on a busy machine
  // A named concern from Elif addressed to HR, written straight to the server's database.
  const { randomUUID } = await import("node:crypto");
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(process.env.E2E_DATABASE_PATH ?? `${process.cwd()}/data/e2e.db`);
  const id = randomUUID();
  try {
    db.pragma("busy_timeout = 5000");
    const person = (email: string) => (db.prepare("select id from people where email = ?").get(email) as { id: number }).id;
    const today = new Date().toISOString().slice(0, 10);
    // About a responsibility of a role, so the page links to the role inside a line of text
    // ("Service Advisor › Warranty, recalls and goodwill").
    const role = (db.prepare("select id from job_roles where slug = 'service-advisor'").get() as { id: number }).id;
    const key = responsibilityKey("service-advisor", "Warranty, recalls and goodwill");
    db.prepare("insert into concerns (id, anonymous, audience, job_role_id, responsibility_key, body, status, created_on, waiting_since) values (?, 0, 'hr', ?, ?, 'A concern for the accessibility scan.', 'open', ?, ?)").run(id, role, key, today, today);
    db.prepare("insert into concern_authors (concern_id, person_id) values (?, ?)").run(id, person("employee@example.com"));
    db.prepare("insert into concern_addressees (concern_id, person_id, added_on) values (?, ?, ?)").run(id, person("hr@example.com"), today);
    db.prepare("insert into concern_messages (id, concern_id, seq, from_author, person_id, body, created_at) values (?, ?, 1, 1, ?, 'A concern for the accessibility scan.', ?)").run(randomUUID(), id, person("employee@example.com"), new Date().toISOString());
  } finally {
    db.close();
  }
  for (const path of ["/concerns", "/concerns?view=all", `/concerns/${id}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  }
  // On a phone too: the role's link sits in a line of text there.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/concerns/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("FAQ pages have no serious accessibility violations", async ({ managerPage: page }) => {
  test.slow();
  const key = responsibilityKey("service-advisor", "Warranty, recalls and goodwill");
  const id = answeredConcern({
    authorEmail: "employee@example.com",
    addresseeEmail: "manager@example.com",
    slug: "service-advisor",
    responsibilityKey: key,
    body: "May I lend a courtesy car for a recall?",
    answer: "Yes, for recalls always.",
  });
  await page.goto(`/concerns/${id}/faq`);
  await expect(page.getByRole("heading", { level: 1, name: "Turn a concern into a question and answer" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("button", { name: "Publish" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto(`/roles/service-advisor/faq/new?key=${key}`);
  await expect(page.getByRole("heading", { level: 1, name: "New question and answer" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/roles/service-advisor");
  await page.locator(`#r-${key}`).getByTestId("faq-list").locator("summary").first().click();
  await expectNoSeriousViolations(page);
});

test("team thread pages have no serious accessibility violations", async ({ employeePage: page }) => {
  test.slow(); // a thread is opened through the form first
  await page.goto("/threads/new");
  await expect(page.getByRole("heading", { level: 1, name: "Open a thread" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByLabel("Task").selectOption({ index: 1 });
  await page.getByLabel("Title").fill(`Accessibility check thread (${Date.now()})`);
  await page.getByLabel("Describe the problem").fill("A problem to discuss.");
  await page.getByRole("button", { name: "Open the thread" }).click();
  await page.waitForURL(/\/threads\/\d+$/);
  await expect(page.getByLabel("Your reply")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/threads");
  await expect(page.getByRole("heading", { level: 1, name: "Team threads" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("pulse pages have no serious accessibility violations", async ({ employeePage, hrPage }) => {
  test.slow(); // three pages, each scanned by axe
  await employeePage.goto("/pulse");
  await expect(employeePage.getByRole("heading", { level: 1, name: "Role-clarity pulse" })).toBeVisible();
  await expectNoSeriousViolations(employeePage);
  await hrPage.goto("/pulse/send");
  await expect(hrPage.getByRole("heading", { level: 1, name: "Send a role-clarity pulse" })).toBeVisible();
  await hrPage.getByLabel("Team").selectOption({ label: "Workshop" });
  await hrPage.getByRole("button", { name: "Preview" }).click();
  await expect(hrPage.getByTestId("pulse-preview")).toBeVisible();
  await expectNoSeriousViolations(hrPage);
  // The answer form itself is scanned in e2e/pulse-answer.spec.ts, once a pulse has been sent.
});

test("clarity pages have no serious accessibility violations", async ({ hrPage: page }) => {
  test.slow(); // three pages, each scanned by axe
  for (const path of ["/clarity", "/clarity/service-advisor", "/clarity/parts-clerk"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  }
});

test("capability records pages have no serious accessibility violations", async ({ hrPage: page }) => {
  test.slow(); // two pages scanned by axe on a busy two-core machine
  await page.goto("/capabilities");
  await expect(page.getByRole("heading", { level: 1, name: "Capabilities" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Calming upset customers and de-escalation" }).click();
  await expect(page.getByRole("heading", { name: "Merge a duplicate" })).toBeVisible();
  await page.getByLabel("Capability that stays").fill("listen");
  await expect(page.getByRole("button", { name: /^Active listening on the phone/ })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("quiz pages have no serious accessibility violations", async ({ hrPage: page }) => {
  test.slow();
  const id = courseIdByTitle("Brake system diagnosis");
  await page.goto(`/training/${id}/quiz/edit`);
  await expect(page.getByRole("button", { name: "Save quiz" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto(`/training/${id}/quiz`);
  await expect(page.getByRole("button", { name: "Submit answers" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("capability pages (My capability, a person's capability) have no serious accessibility violations", async ({ employeePage, supervisorPage }) => {
  test.slow(); // two pages, each scanned by axe
  await employeePage.goto("/capability");
  await expect(employeePage.getByRole("heading", { level: 1, name: "My capability" })).toBeVisible();
  await expectNoSeriousViolations(employeePage);
  await supervisorPage.goto("/people?q=raluca");
  await supervisorPage.getByRole("link", { name: "Raluca Dumitru" }).first().click();
  await supervisorPage.getByRole("link", { name: "Capability and evidence" }).click();
  await expect(supervisorPage.getByRole("heading", { level: 1, name: "Capability: Raluca Dumitru" })).toBeVisible();
  await expectNoSeriousViolations(supervisorPage);
});

test("tools and access pages have no serious accessibility violations", async ({ managerPage: page }) => {
  test.slow(); // two pages, each scanned by axe
  await page.goto("/access");
  await expect(page.getByRole("heading", { level: 1, name: "Tools and access" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Rūta Jankauskienė" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /Tools and access: Rūta/ })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the readiness matrix has no serious accessibility violations", async ({ supervisorPage: page }) => {
  test.slow(); // a wide table scanned by axe
  await page.goto("/readiness");
  await expect(page.getByRole("heading", { level: 1, name: "Readiness" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the training catalog, a course and the course editor have no serious accessibility violations", async ({ hrPage: page }) => {
  await page.goto("/training");
  await expect(page.getByRole("heading", { level: 1, name: "Training" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Brake system diagnosis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Brake system diagnosis" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Edit course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit course" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/training/new");
  await expect(page.getByRole("heading", { level: 1, name: "New course" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the integrations page (API keys, webhooks) has no serious accessibility violations", async ({ hrPage: page }) => {
  await page.goto("/settings/integrations");
  await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByLabel("Name").fill("Axe check");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("rating links, the QR print page and the public rating page have no serious accessibility violations", async ({ employeePage: page, browser }) => {
  test.slow(); // three pages, each scanned by axe
  await page.goto("/feedback/links");
  await page.getByRole("button", { name: "Make link" }).click();
  await expect(page.getByTestId("made-link")).toBeVisible();
  const url = await page.locator("#made-link-url").inputValue();
  await expectNoSeriousViolations(page);
  const href = await page.getByTestId("qr-png").getAttribute("href");
  await page.goto(href!.replace(/qr\/(\d+).*$/, "print/$1"));
  await expect(page.getByRole("heading", { level: 1, name: "Print QR card" })).toBeVisible();
  await expectNoSeriousViolations(page);
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } });
  const anon = await context.newPage();
  await anon.goto(url);
  await expect(anon.getByRole("heading", { level: 1 })).toBeVisible();
  await anon.getByRole("button", { name: "Send rating" }).click();
  await expect(anon.getByText("Choose from 1 to 5 stars.")).toBeVisible();
  await expectNoSeriousViolations(anon);
  await context.close();
});

test("praise & suggestions and feedback to my leader have no serious accessibility violations", async ({ supervisorPage: page }) => {
  await page.goto("/feedback/notes?box=shared");
  await expect(page.getByRole("heading", { level: 1, name: "Praise & suggestions" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto("/feedback/leader");
  await expect(page.getByRole("heading", { level: 1, name: "Feedback to my leader" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("customer rating pages (My feedback, team ratings, follow-ups) have no serious accessibility violations", async ({ employeePage, supervisorPage }) => {
  test.slow();
  await employeePage.goto("/feedback");
  await expect(employeePage.getByRole("heading", { level: 1, name: "My feedback" })).toBeVisible();
  await expectNoSeriousViolations(employeePage);
  for (const path of ["/feedback/team", "/feedback/follow-ups"]) {
    await supervisorPage.goto(path);
    await expect(supervisorPage.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(supervisorPage);
  }
  await supervisorPage.getByTestId("followup-list").getByRole("link").first().click();
  await expect(supervisorPage.getByRole("heading", { level: 1, name: /Follow-up of a rating of/ })).toBeVisible();
  await expectNoSeriousViolations(supervisorPage);
});

test("landmarks: nothing outside them, and no two of a kind with the same name", async ({ managerPage, page }) => {
  test.slow(); // four pages, each scanned by axe
  // axe rates these "moderate", below what the other scans fail on: the demo banner above the
  // header, each responsibility's questions and answers, each role's readiness summary.
  const scan = async (p: typeof page, path: string) => {
    await p.goto(path);
    await expect(p.getByRole("heading", { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page: p }).withRules(["region", "landmark-unique"]).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  };
  await scan(page, "/sign-in");
  for (const path of ["/", "/my-role", "/readiness"]) await scan(managerPage, path);
});
