import { describe, expect, it } from "vitest";
import { locales } from "@/i18n/config";
import { NOTIFICATION_KINDS } from "@/lib/notifications/notifications";
import { renderNotification } from "./render-notification";

/** Every notification kind renders in every language: subject, a paragraph, one link to the item. */

const PARAMS: Record<string, string | number> = {
  name: "Hanna Jansen",
  person: "Elif Yilmaz",
  role: "Service Advisor",
  version: 3,
  title: "Tyre storage",
  item: "Meet your buddy",
  course: "Brake safety",
  due: "2030-01-15",
  capability: "Wheel alignment",
  date: "2030-02-01",
  days: 3,
  stars: 2,
  count: 2,
};

process.env.APP_URL = "https://rolebook.example.com";

describe("renderNotification", () => {
  it.each(locales.flatMap((locale) => NOTIFICATION_KINDS.map((kind) => [locale, kind] as const)))("%s %s", (locale, kind) => {
    const link = "/changes/42";
    const email = renderNotification({ kind, params: PARAMS, link }, { id: 1, name: "X", email: "x@example.com", locale });
    expect(email.subject.length).toBeGreaterThan(5);
    // no raw message key, no unreplaced placeholder
    expect(email.subject).not.toMatch(/email\.notification|[{}]/);
    expect(email.text).not.toMatch(/email\.notification|notifications\.kind|[{}]/);
    // one link to the exact item, absolute from APP_URL, in both parts
    const url = "https://rolebook.example.com/changes/42";
    expect(email.text.split(url).length - 1).toBe(1);
    expect(email.html.split(`href="${url}"`).length - 1).toBe(1);
    expect(email.html).toContain(`lang="${locale}"`);
  });

  it("escapes what people typed in the HTML part", () => {
    const email = renderNotification(
      { kind: "announcement.new", params: { title: `<img src=x onerror="alert(1)">` }, link: "/announcements/1" },
      { id: 1, name: "X", email: "x@example.com", locale: "en" },
    );
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("links to the app only, even if a notification's link is not an app path", () => {
    const email = renderNotification({ kind: "pulse.sent", params: {}, link: "https://evil.example/x" }, { id: 1, name: "X", email: "x@example.com", locale: "en" });
    expect(email.text).not.toContain("evil.example");
  });
});
