import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Evidence (issue 11, points 4 and 5): My capability, certificates, sign-offs, an expired certificate. */

const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);
const isoDaysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const capability = (page: Page, name: string) => page.getByTestId("capability").filter({ hasText: name }).first();

async function openCapabilityOf(page: Page, name: string, query = name) {
  await page.goto(`/people?q=${encodeURIComponent(query)}`);
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("link", { name: "Capability and evidence" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Capability: ${name}` })).toBeVisible();
}

test("an employee opens My capability from My role and uploads a certificate; wrong files and future dates are refused", async ({ employeePage: page }) => {
  test.slow();
  await page.goto("/");
  await page.getByTestId("capability-link").last().click();
  await expect(page).toHaveURL(/\/capability#r-/);
  await expect(page.getByRole("heading", { level: 1, name: "My capability" })).toBeVisible();
  const loanCars = capability(page, "Insurance excess and licence rules for loan cars");
  await expect(loanCars).not.toHaveAttribute("data-state", "ready");

  const form = page.getByTestId("certificate-form");
  await form.getByLabel("Capability").selectOption({ label: "Insurance excess and licence rules for loan cars" });
  await form.getByLabel("Issuer").fill("Insurance Academy");
  // A web page renamed to .pdf is refused by its content, next to the file field.
  await form.getByLabel("Date on the certificate").fill(isoDaysFromToday(-5));
  await form.getByLabel("Certificate file").setInputFiles({ name: "certificate.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>not a pdf</html>") });
  await form.getByRole("button", { name: "Upload certificate" }).click();
  await expect(form.getByText("The file must be a PDF, PNG or JPEG (checked by its content).")).toBeVisible();
  // A date in the future is refused.
  await form.getByLabel("Date on the certificate").fill(isoDaysFromToday(3));
  await form.getByLabel("Certificate file").setInputFiles({ name: "certificate.pdf", mimeType: "application/pdf", buffer: pdf });
  await form.getByRole("button", { name: "Upload certificate" }).click();
  await expect(form.getByText("The certificate's date cannot be in the future.")).toBeVisible();
  await expect(loanCars).not.toHaveAttribute("data-state", "ready");
  // A real PDF dated last week counts.
  await form.getByLabel("Date on the certificate").fill(isoDaysFromToday(-5));
  await form.getByLabel("Certificate file").setInputFiles({ name: "certificate.pdf", mimeType: "application/pdf", buffer: pdf });
  await form.getByRole("button", { name: "Upload certificate" }).click();
  await expect(form.getByRole("status")).toHaveText("Certificate added.");
  await page.reload();
  await expect(loanCars).toHaveAttribute("data-state", /ready|expiring/);
  await expect(loanCars.getByText(/Certificate from Insurance Academy/)).toBeVisible();
  // The stored file is served to its owner, as a PDF.
  const href = await loanCars.getByRole("link", { name: "View the certificate" }).getAttribute("href");
  expect(href).toMatch(/^\/files\/[0-9a-f-]{36}$/);
});

test("the supervisor signs off a technician's capability (a note is required); the technician cannot see the form", async ({ supervisorPage: page }) => {
  test.slow();
  await openCapabilityOf(page, "Raluca Dumitru");
  const wiring = capability(page, "Wiring diagrams, multimeter and oscilloscope");
  await expect(wiring).not.toHaveAttribute("data-state", "ready");
  await wiring.getByText("Sign off “Wiring diagrams, multimeter and oscilloscope”").first().click();
  const form = wiring.getByRole("form", { name: "Sign off “Wiring diagrams, multimeter and oscilloscope”" });
  await form.getByRole("button", { name: "Sign off" }).click();
  await expect(form.getByText("This field is required.")).toBeVisible();
  await form.getByLabel("What you watched").fill("Measured the CAN bus with the oscilloscope and found the chafed wire.");
  await form.getByRole("button", { name: "Sign off" }).click();
  await expect(form.getByRole("status")).toHaveText("Signed off.");
  await page.reload();
  await expect(wiring).toHaveAttribute("data-state", "ready");
  await expect(wiring.getByText(/Signed off by Sven de Vries \(supervisor\)/).first()).toBeVisible();
});

test("an expired HV certificate shows as a gap, an expiring one as expiring", async ({ supervisorPage: page }) => {
  test.slow();
  await openCapabilityOf(page, "Oliver Hughes");
  const hv = capability(page, "Valid HV qualification for hybrid and electric work");
  await expect(hv).toHaveAttribute("data-state", /gap|training/);
  await expect(hv.getByText(/Lapsed on/)).toBeVisible();
  await openCapabilityOf(page, "Jānis Ozoliņš", "janis.ozolins");
  await expect(capability(page, "Valid HV qualification for hybrid and electric work")).toHaveAttribute("data-state", "expiring");
});

test("a colleague cannot open someone else's capability page", async ({ employeePage: page, supervisorPage }) => {
  test.slow();
  await openCapabilityOf(supervisorPage, "Raluca Dumitru");
  const url = new URL(supervisorPage.url()).pathname;
  const response = await page.request.get(url);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("Capability: Raluca Dumitru");
});
