import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { test as signedIn } from "./fixtures";
import { storageStatePath } from "./helpers";

/** Route ids that are not a plain positive integer (several used to open record 1). */
const JUNK_IDS = [
  "abc", "-1", "-5", "0", "01", "1.0", "1e3", "1e400", "0x1", "+1", "%201", "1%20", "..%2F1", "9".repeat(17),
  "%EF%BC%91", // a full-width "1"
  "%D9%A1", // an Arabic-Indic "1"
  "%C3%28", "%ff", "%", // do not percent-decode
];
/** Slugs that are not the lower-case kebab-case Rolebook creates. */
const JUNK_SLUGS = ["Service-Advisor", "service_advisor", "service--advisor", "-service-advisor", "%C3%A9", "%E0%A4%A", "%C3%28", "..%2Fpeople", "x".repeat(101)];

/** The level-1 heading of a page that exists, as HTML, so a junk URL can be checked not to show it. */
async function headingOf(request: APIRequestContext, url: string): Promise<string> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  const h1 = /<h1[^>]*>.*?<\/h1>/s.exec(await res.text())?.[0];
  expect(h1, url).toBeTruthy();
  return h1!;
}

/** Requests url: the not-found page with status 404, never the heading of the record it could be mistaken for. */
async function expectNotFound(request: APIRequestContext, url: string, notHeading?: string) {
  const res = await request.get(url);
  expect(res.status(), url).toBe(404);
  const body = await res.text();
  expect(body, url).toContain("Page not found");
  if (notHeading) expect(body, url).not.toContain(notHeading);
}

/** Opens url in the browser and expects the rendered not-found page. */
async function expectNotFoundPage(page: Page, url: string, notHeading?: string) {
  const res = await page.goto(url, { waitUntil: "domcontentloaded" });
  expect(res?.status(), url).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), url).toBeVisible();
  if (notHeading) await expect(page.getByRole("heading", { level: 1, name: notHeading, exact: true }), url).toHaveCount(0);
}

const ID_ROUTES: [string, (id: string) => string][] = [
  ["people", (id) => `/people/${id}`],
  ["onboarding plans", (id) => `/onboarding/${id}`],
  ["changes", (id) => `/changes/${id}`],
  ["announcements", (id) => `/announcements/${id}`],
  ["role versions", (id) => `/roles/service-advisor/versions/${id}`],
  ["version tracking", (id) => `/roles/service-advisor/versions/${id}/tracking`],
];

for (const [name, url] of ID_ROUTES) {
  signedIn(`junk ids for ${name} are not found and never open record 1`, async ({ hrPage: page }) => {
    const first = await headingOf(page.request, url("1"));
    for (const id of JUNK_IDS) await expectNotFound(page.request, url(id), first);
  });
}

signedIn("the reported junk URLs render the not-found page, not record 1", async ({ hrPage: page }) => {
  for (const url of ["/onboarding/abc", "/onboarding/-1", "/changes/-5", "/announcements/1e400", "/roles/service-advisor/versions/-1", "/people/%C3%28"]) {
    const recordOne = url.replace(/\/[^/]+$/, "/1");
    await page.goto(recordOne);
    const heading = (await page.getByRole("heading", { level: 1 }).first().textContent())?.trim();
    expect(heading, recordOne).toBeTruthy();
    await expectNotFoundPage(page, url, heading);
  }
});

for (const path of ["", "/versions", "/versions/1", "/versions/1/tracking", "/edit", "/onboarding", "/compare?from=1&to=2"]) {
  signedIn(`junk role slugs are not found: /roles/<slug>${path}`, async ({ hrPage: page }) => {
    const heading = await headingOf(page.request, `/roles/service-advisor${path}`);
    for (const slug of JUNK_SLUGS) await expectNotFound(page.request, `/roles/${slug}${path}`, heading);
  });
}

signedIn("comparing junk versions is not found, never version 1", async ({ hrPage: page }) => {
  const heading = await headingOf(page.request, "/roles/service-advisor/compare?from=1&to=2");
  for (const [from, to] of [["abc", "2"], ["1", "abc"], ["-1", "2"], ["1e0", "2"], ["1", "%202"], ["0", "2"], ["", "2"], ["1", ""], ["1", "2&from=1"]]) {
    await expectNotFound(page.request, `/roles/service-advisor/compare?from=${from}&to=${to}`, heading);
  }
  await expectNotFound(page.request, "/roles/service-advisor/compare");
});

signedIn("junk ids in list filters are not found rather than filtering by record 1", async ({ hrPage: page }) => {
  for (const url of ["/audit?person=abc", "/audit?person=-1", "/onboarding?team=abc", "/onboarding?team=1e0", "/onboarding/new?person=abc", "/onboarding/new?from=0x1"]) {
    await expectNotFound(page.request, url);
  }
  // An empty filter is no filter, and ?page= stays lenient.
  for (const url of ["/audit?person=", "/onboarding?team=", "/roles?page=abc", "/people?page=-1"]) {
    expect((await page.request.get(url)).status(), url).toBe(200);
  }
});

test("junk job posting slugs are not found, signed out", async ({ request }) => {
  const heading = await headingOf(request, "/jobs/service-advisor");
  for (const slug of JUNK_SLUGS) await expectNotFound(request, `/jobs/${slug}`, heading);
});

test("a path that does not percent-decode is a 404 page, not a 500, signed in or out", async ({ page, browser }) => {
  const paths = ["/people/%C3%28", "/roles/%E0%A4%A", "/onboarding/%ff", "/jobs/%C3%28", "/%C3%28", "/roles/service-advisor/versions/%", "/api/onboarding/calendar/%ff"];
  for (const path of paths) await expectNotFoundPage(page, path);
  const context = await browser.newContext({ storageState: storageStatePath("hr"), locale: "en-GB" });
  const hr = await context.newPage();
  for (const path of paths) await expectNotFound(hr.request, path);
  await expectNotFoundPage(hr, "/roles/%E0%A4%A");
  await context.close();
});

/** Text filters a page reads from its query string (Next hands a repeated one over as a list). */
const TEXT_FILTERS = ["/access?q=", "/access?teamName=", "/readiness?teamName=", "/onboarding?teamName=", "/whose-task?q=", "/capabilities?q=", "/people?q=", "/audit?who=", "/pulse/send?teamName="];

signedIn("a repeated text filter filters by its first value instead of failing", async ({ hrPage: page }) => {
  for (const filter of TEXT_FILTERS) {
    const url = `${filter}Service&${filter.split("?")[1]}zzz`;
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
  }
  await page.goto("/whose-task?q=invoice&q=zzz");
  await expect(page.getByLabel("Task or topic")).toHaveValue("invoice");
});
