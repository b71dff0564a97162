import { expect, test } from "./fixtures";
import { unique } from "./helpers";

/*
 * Issue 11, point 2: the training catalog. Everyone browses and searches it; HR and managers write
 * courses (Markdown with uploaded images, the capabilities a course builds); a manager edits only
 * their own; uploaded files are served only to signed-in people.
 */

/** A 4×4 red PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGO4YGAARwzEcQD4QxMBrujpGwAAAABJRU5ErkJggg==", "base64");
const HV = "Valid HV qualification for hybrid and electric work";

test("Elif browses the catalog: search finds content, the kind filter narrows, a course shows what it builds", async ({ employeePage: page }) => {
  await page.goto("/training");
  await expect(page.getByRole("heading", { level: 1, name: "Training" })).toBeVisible();
  await expect(page.getByText(/^\d+ courses$/)).toBeVisible();
  expect(await page.getByTestId("course-card").count()).toBeGreaterThanOrEqual(9);
  // Only course writers get the button.
  await expect(page.getByRole("link", { name: "New course" })).toHaveCount(0);
  const card = page.getByTestId("course-card").filter({ hasText: "High-voltage vehicle safety" });
  await expect(card.getByText("240 minutes")).toBeVisible();
  await expect(card.getByRole("link", { name: HV })).toHaveAttribute("href", /^\/capabilities\//);

  // A phrase that appears only inside one course's content.
  await page.getByLabel("Search courses").fill("LEAP steps");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=LEAP/);
  await expect(page.getByText("1 course", { exact: true })).toBeVisible();
  await expect(page.getByTestId("course-card")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Handling an angry customer" })).toBeVisible();

  await page.goto("/training?kind=interpersonal");
  await expect(page.getByLabel("Kind")).toHaveValue("interpersonal");
  const cards = page.getByTestId("course-card");
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) await expect(card).toContainText("Interpersonal");
  await expect(page.getByRole("link", { name: "Brake system diagnosis" })).toHaveCount(0);

  await page.goto("/training");
  await page.getByRole("link", { name: "High-voltage vehicle safety" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "High-voltage vehicle safety" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Making the vehicle safe (de-energising)" })).toBeVisible();
  await expect(page.getByRole("link", { name: HV })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit course" })).toHaveCount(0);
  const id = page.url().split("/").pop()!;
  const edit = await page.goto(`/training/${id}/edit`);
  expect(edit?.status()).toBe(404);
});

test("HR writes a course with an uploaded image and a capability; the file is for signed-in people only", async ({ hrPage: page, page: anonymous }) => {
  const title = `Tyre pressure monitoring ${unique()}`;
  await page.goto("/training");
  await page.getByRole("link", { name: "New course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New course" })).toBeVisible();

  // Nothing filled in: refused next to the field, nothing written.
  await page.getByLabel("Estimated time (minutes)").fill("0");
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByText("Please check the highlighted fields.")).toBeVisible();
  await expect(page.getByText("This field is required.")).toBeVisible();
  await expect(page.getByText("Use a value of at least 1.")).toBeVisible();

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Kind").selectOption("technical");
  await page.getByLabel("Estimated time (minutes)").fill("25");
  await page.getByLabel("Summary").fill("Reset and diagnose the TPMS after a tyre change.");
  await page.getByLabel("Content (Markdown)").fill("## Sensors\nEach wheel has a **sensor** in the valve.\n");

  // A PDF renamed .png is refused by its content.
  await page.getByLabel("Image file (PNG or JPEG, up to 10 MB)").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await page.getByRole("button", { name: "Upload and insert" }).click();
  await expect(page.getByText("Only PNG or JPEG images can be added to a course")).toBeVisible();

  await page.getByLabel("Image file (PNG or JPEG, up to 10 MB)").setInputFiles({ name: "valve.png", mimeType: "image/png", buffer: PNG });
  await page.getByLabel("Describe the image (for screen readers)").fill("TPMS sensor on the valve");
  await page.getByRole("button", { name: "Upload and insert" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Image uploaded and inserted into the content." })).toBeVisible();
  await expect(page.getByLabel("Content (Markdown)")).toHaveValue(/!\[TPMS sensor on the valve\]\(\/files\/[0-9a-f-]{36}\)/);

  // Search-as-you-type for the capability it builds.
  await page.getByTestId("capability-search").fill("HV qualification");
  await page.getByTestId("capability-search").fill(HV);
  const picked = page.getByRole("list", { name: "Chosen capabilities" });
  await expect(picked.getByText(HV)).toBeVisible();

  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Sensors" })).toBeVisible();
  await expect(page.getByRole("link", { name: HV })).toBeVisible();
  const image = page.getByRole("img", { name: "TPMS sensor on the valve" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4);

  const src = (await image.getAttribute("src"))!;
  const signedIn = await page.request.get(src);
  expect(signedIn.status()).toBe(200);
  expect(signedIn.headers()["content-type"]).toBe("image/png");
  expect(signedIn.headers()["x-content-type-options"]).toBe("nosniff");
  expect(signedIn.headers()["cache-control"]).toContain("private");
  const signedOut = await anonymous.request.get(src, { maxRedirects: 0 });
  expect(signedOut.status()).not.toBe(200);
  expect(signedOut.headers()["content-type"] ?? "").not.toContain("image");

  // Everyone finds it by a word of its content.
  await page.goto(`/training?q=${encodeURIComponent("sensor in the valve")}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("a manager edits the course they wrote, and a stale edit is refused as a conflict", async ({ managerPage: page, hrPage }) => {
  await page.goto("/training?q=LEAP");
  await page.getByRole("link", { name: "Handling an angry customer" }).click();
  await page.getByRole("link", { name: "Edit course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit course" })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Handling an angry customer");

  // HR saves the same course meanwhile.
  await hrPage.goto(page.url());
  await hrPage.getByLabel("Estimated time (minutes)").fill("75");
  await hrPage.getByRole("button", { name: "Save course" }).click();
  await expect(hrPage.getByText("75 minutes")).toBeVisible();

  await page.getByLabel("Estimated time (minutes)").fill("55");
  await page.getByRole("button", { name: "Save course" }).click();
  await expect(page.getByText("Someone else changed this record while you were editing it.", { exact: false })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Estimated time (minutes)")).toHaveValue("75");
  await page.getByLabel("Estimated time (minutes)").fill("55");
  await page.getByRole("button", { name: "Save course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Handling an angry customer" })).toBeVisible();
  await expect(page.getByText("55 minutes")).toBeVisible();

  // Not HR's courses.
  await page.goto("/training?q=brake");
  await page.getByRole("link", { name: "Brake system diagnosis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Brake system diagnosis" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit course" })).toHaveCount(0);
});
