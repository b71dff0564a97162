import { createFormatter } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The request's locale and zone, as i18n/request.ts would give them.
const request = { locale: "en", timeZone: "UTC", now: new Date("2026-12-01T12:00:00Z") };
vi.mock("next-intl/server", () => ({
  getLocale: async () => request.locale,
  getTimeZone: async () => request.timeZone,
  getNow: async () => request.now,
}));

const { getFormatter } = await import("./formatter");

const instant = new Date("2026-12-01T22:30:00Z");

describe("the request's formatter with the process's Intl formatters", () => {
  beforeEach(() => Object.assign(request, { locale: "en", timeZone: "UTC" }));

  it("formats as next-intl's own formatter does for the request's locale and zone", async () => {
    for (const [locale, timeZone] of [["lv", "Europe/Riga"], ["tr", "Europe/Istanbul"], ["nl", "America/New_York"]] as const) {
      Object.assign(request, { locale, timeZone });
      const format = await getFormatter();
      const own = createFormatter({ locale, timeZone, now: request.now });
      expect(format.dateTime(instant, { dateStyle: "medium", timeStyle: "short" })).toBe(own.dateTime(instant, { dateStyle: "medium", timeStyle: "short" }));
      expect(format.number(1234.5)).toBe(own.number(1234.5));
      expect(format.relativeTime(new Date("2026-11-29T12:00:00Z"))).toBe(own.relativeTime(new Date("2026-11-29T12:00:00Z")));
    }
  });

  it("never hands one request's zone or language to another: the kept formatters are told apart by them", async () => {
    Object.assign(request, { locale: "en", timeZone: "Europe/Riga" });
    const riga = (await getFormatter()).dateTime(instant, { dateStyle: "medium", timeStyle: "short" });
    Object.assign(request, { locale: "en", timeZone: "America/New_York" });
    const newYork = (await getFormatter()).dateTime(instant, { dateStyle: "medium", timeStyle: "short" });
    Object.assign(request, { locale: "lt", timeZone: "America/New_York" });
    const lithuanian = (await getFormatter()).dateTime(instant, { dateStyle: "medium", timeStyle: "short" });
    expect(riga).toBe("Dec 2, 2026, 12:30 AM");
    expect(newYork).toBe("Dec 1, 2026, 5:30 PM");
    expect(lithuanian).toBe(createFormatter({ locale: "lt", timeZone: "America/New_York" }).dateTime(instant, { dateStyle: "medium", timeStyle: "short" }));
    expect(lithuanian).not.toBe(newYork);
    // An explicit zone in the options still wins over the request's.
    expect((await getFormatter()).dateTime(instant, { dateStyle: "medium", timeZone: "UTC" })).toBe(createFormatter({ locale: "lt", timeZone: "UTC" }).dateTime(instant, { dateStyle: "medium" }));
  });
});
