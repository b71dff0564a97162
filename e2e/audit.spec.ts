import { expect, test } from "./fixtures";

test("HR sees a person change as a sentence with old → new values and a link to the person", async ({ hrPage: page }) => {
  await page.goto("/people?q=daan.visser");
  await page.getByRole("link", { name: "Daan Visser" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Daan Visser" })).toBeVisible();
  const personUrl = page.url();
  const phone = page.getByLabel("Phone");
  const before = await phone.inputValue();
  const after = `+31 6 ${String(Date.now()).slice(-8)}`;
  await phone.fill(after);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();

  await page.goto("/audit?type=person&who=Helena+Rossi");
  const entry = page.getByRole("row").filter({ hasText: "Helena Rossi changed Daan Visser’s phone" }).filter({ hasText: after });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByText(`${before || "(empty)"} → ${after}`)).toBeVisible();
  // No raw action keys or JSON.
  await expect(page.getByText("person.update")).toHaveCount(0);
  await expect(page.getByText('"changes"')).toHaveCount(0);
  await entry.getByRole("link", { name: "Daan Visser" }).click();
  await expect(page).toHaveURL(personUrl);
});

test("sign-ins are hidden until asked for", async ({ hrPage: page }) => {
  // The sign-in of the setup project is in the log.
  await page.goto("/audit?type=person&who=Helena+Rossi");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByText("Helena Rossi signed in")).toHaveCount(0);
  await page.getByLabel("Show sign-ins and sign-outs").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/signins=1/);
  const entry = page.getByRole("row").filter({ hasText: "Helena Rossi signed in" }).first();
  await expect(entry).toBeVisible();
  // A security event says where it came from: the address and the browser.
  await expect(entry.getByTestId("audit-source")).toContainText(/From .+ · Mozilla/);
});

test("the Person filter suggests matching people as you type, without loading everyone", async ({ hrPage: page }) => {
  await page.goto("/audit");
  // No select of every person.
  await expect(page.getByRole("combobox", { name: "Person" })).toBeVisible();
  await expect(page.locator("select[name=person]")).toHaveCount(0);
  const person = page.getByRole("combobox", { name: "Person" });
  await person.pressSequentially("yilm", { delay: 50 });
  const options = page.locator("datalist option");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveAttribute("value", "Elif Yılmaz <employee@example.com>");
  await person.fill("Elif Yılmaz <employee@example.com>");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]person=\d+/);
  await expect(person).toHaveValue("Elif Yılmaz <employee@example.com>");
});
