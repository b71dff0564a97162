import { expect, test } from "./fixtures";
import { expectNoSeriousViolations, unique } from "./helpers";

test("employee@ raises a concern anonymously and follows it with the receipt code in a signed-out browser", async ({ employeePage: page, browser }) => {
  test.slow(); // two browsers, a handful of server actions
  const body = `Unpaid overtime during recalls (${unique()})`;
  await page.goto("/concerns/new");
  await expect(page.getByRole("heading", { level: 1, name: "Raise a concern" })).toBeVisible();

  // The plain explanation of both choices; the warning about the code shows once anonymous is chosen.
  await expect(page.getByText("The people who read it and HR see your name")).toBeVisible();
  await expect(page.getByText("Nobody, not even HR or the administrators, can find out who wrote it")).toBeVisible();
  await expect(page.getByText("Keep your receipt code")).toHaveCount(0);
  await page.getByRole("radio", { name: /Anonymously/ }).check();
  await expect(page.getByText("Keep your receipt code: lose it and you lose the thread; nobody can recover it.")).toBeVisible();

  // The small-team warning follows the chosen audience (the whole organisation reads as HR: no warning).
  await page.getByRole("radio", { name: /^HR/ }).check();
  await expect(page.getByText(/Careful: this audience's team has only/)).toHaveCount(0);

  // An empty concern is refused next to the field.
  await page.getByRole("button", { name: "Send anonymously" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();

  await page.getByLabel("Your concern").fill(body);
  await page.getByRole("button", { name: "Send anonymously" }).click();
  await expect(page.getByRole("heading", { name: "Your concern was sent anonymously" })).toBeVisible();
  const code = (await page.getByTestId("receipt-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
  await expect(page.getByRole("button", { name: "Copy the code" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the receipt page" })).toHaveAttribute("href", "/receipt");
  // The one-time receipt-code panel passes axe.
  await expectNoSeriousViolations(page);

  // Signed out, on a phone: the receipt page opens the thread with the code (never in the URL).
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } });
  const anon = await context.newPage();
  await anon.goto("/receipt");
  await expect(anon).toHaveURL(/\/receipt$/);
  await expect(anon.getByRole("heading", { level: 1, name: "Follow a concern with its receipt code" })).toBeVisible();

  // A wrong code: one message, whatever the code.
  await anon.getByLabel("Receipt code").fill("AAAA-BBBB-CCCC-DDDD-EEEE");
  await anon.getByRole("button", { name: "Open the concern" }).click();
  await expect(anon.getByText("This receipt code does not open a concern.")).toBeVisible();

  await anon.getByLabel("Receipt code").fill(code.toLowerCase().replace(/-/g, " "));
  await anon.getByRole("button", { name: "Open the concern" }).click();
  await expect(anon.getByText(body)).toBeVisible();
  await expect(anon.getByText("Open", { exact: true })).toBeVisible();
  expect(anon.url()).not.toContain(code.slice(0, 4));
  // The opened thread, with its reply and resolve forms, passes axe.
  await expectNoSeriousViolations(anon);

  // The author answers and resolves it.
  await anon.getByLabel("Your reply").fill("It happened again on Friday.");
  await anon.getByRole("button", { name: "Send reply" }).click();
  await expect(anon.getByText("It happened again on Friday.")).toBeVisible();
  await anon.getByRole("button", { name: "Mark resolved" }).click();
  await expect(anon.getByText("Marked resolved")).toBeVisible();
  await expect(anon.getByText("Resolved", { exact: true })).toBeVisible();
  await expect(anon.getByLabel("Your reply")).toHaveCount(0);
  await expect(anon.getByText("This concern is resolved or closed: you can read it, but no longer answer.")).toBeVisible();
  expect(anon.url()).toMatch(/\/receipt$/);
  await context.close();
});

test("an anonymous concern linked to a task of a role with fewer than 5 holders warns that the link names the role", async ({ supervisorPage: page }) => {
  // supervisor@ is the only Workshop Foreman.
  await page.goto("/concerns/new");
  await page.getByRole("radio", { name: /Anonymously/ }).check();
  await page.getByRole("radio", { name: /^HR/ }).check();
  const warning = page.getByText(/Careful: linking it to a responsibility or task names your role, Workshop Foreman/);
  await expect(warning).toHaveCount(0);
  const link = page.getByLabel("It concerns, in Workshop Foreman (optional)");
  await link.selectOption({ index: 1 });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("only 1 person holds");
  // Named, or without the link: no warning.
  await link.selectOption({ index: 0 });
  await expect(warning).toHaveCount(0);
  await link.selectOption({ index: 1 });
  await page.getByRole("radio", { name: /^With my name/ }).check();
  await expect(warning).toHaveCount(0);
});

test("a named concern goes to its thread page", async ({ employeePage: page }) => {
  await page.goto("/concerns/new");
  await page.getByRole("radio", { name: /My manager/ }).check();
  await page.getByLabel("Your concern").fill(`What is my goodwill limit? (${unique()})`);
  await page.getByRole("button", { name: "Send the concern" }).click();
  await expect(page).toHaveURL(/\/concerns\/[0-9a-f-]{36}$/);
});

test("a concern to another role's owner: employee@ picks HR Partner, and its owner reads it", async ({ employeePage: page }) => {
  await page.goto("/concerns/new");
  await page.getByRole("radio", { name: /The owner of a role/ }).check();
  // Her own role's owner is the first choice.
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue(/\d+/);
  await expect(page.getByTestId("role-owner-readers")).toHaveText("Read by: Marco Janssen");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "HR Partner" });
  await expect(page.getByTestId("role-owner-readers")).toHaveText("Read by: Helena Rossi");
  await page.getByLabel("Your concern").fill(`Who books the forklift course? (${unique()})`);
  await page.getByRole("button", { name: "Send the concern" }).click();
  await expect(page).toHaveURL(/\/concerns\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Helena Rossi").first()).toBeVisible();
});

test("a concern to a team's manager: employee@ finds the Workshop by typing, sees who reads it, and it reaches him", async ({ employeePage: page }) => {
  await page.goto("/concerns/new");
  await page.getByRole("radio", { name: /A team's manager/ }).check();
  const team = page.getByLabel("Team", { exact: true });
  await team.fill("work");
  await expect(page.locator('datalist option[value="Workshop"]')).toHaveCount(1);
  await expect(page.locator('datalist option[value="Reception"]')).toHaveCount(0);
  await team.fill("Workshop");
  await expect(page.getByTestId("team-readers")).toHaveText("Read by: Marco Janssen");
  await page.getByLabel("Your concern").fill(`Who signs off the torque wrench calibration? (${unique()})`);
  await page.getByRole("button", { name: "Send the concern" }).click();
  await expect(page).toHaveURL(/\/concerns\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Marco Janssen").first()).toBeVisible();
});

test("a team's manager with no team picked is refused next to the field", async ({ employeePage: page }) => {
  await page.goto("/concerns/new");
  await page.getByRole("radio", { name: /A team's manager/ }).check();
  await page.getByLabel("Team", { exact: true }).fill("nothing like this");
  await page.getByLabel("Your concern").fill(`A team question (${unique()})`);
  await page.getByRole("button", { name: "Send the concern" }).click();
  await expect(page.getByLabel("Team", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/concerns\/new$/);
});

test("from My role, a responsibility's 'raise a concern' link opens the form about that responsibility", async ({ employeePage: page }) => {
  await page.goto("/");
  const courtesy = page.locator('li[id^="r-"]').filter({ has: page.getByRole("heading", { name: "Courtesy cars", exact: true }) });
  await courtesy.getByTestId("raise-about").click();
  await expect(page).toHaveURL(/\/concerns\/new\?about=r%3A/);
  await expect(page.getByLabel("It concerns, in Service Advisor (optional)")).toHaveValue(/^r:/);
  await expect(page.getByLabel("It concerns, in Service Advisor (optional)").locator("option:checked")).toHaveText(/Courtesy cars/);
  // Anything else in the address is ignored: nothing is preselected.
  await page.goto("/concerns/new?about=r:not-a-key");
  await expect(page.getByLabel("It concerns, in Service Advisor (optional)")).toHaveValue("");
});
