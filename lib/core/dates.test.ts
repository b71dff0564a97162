import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { dateInZone, todayIso } from "@/lib/core/dates";
import { formatDay, formatInstant } from "@/lib/core/format-dates";

describe("calendar days and instants", () => {
  it("today in Europe/Riga at 22:30 UTC on 30 November is 1 December", () => {
    const at = new Date("2026-11-30T22:30:00Z");
    expect(todayIso(at, "Europe/Riga")).toBe("2026-12-01");
    expect(todayIso(at, "UTC")).toBe("2026-11-30");
    expect(dateInZone(new Date("2026-12-01T03:00:00Z"), "America/New_York")).toBe("2026-11-30");
  });

  it("formats a calendar day without shifting it in a zone west of UTC", () => {
    const format = createFormatter({ locale: "en", timeZone: "America/New_York" });
    // The naive way shows the day before: midnight UTC is still 30 November in New York.
    expect(format.dateTime(new Date("2026-12-01T00:00:00Z"), { dateStyle: "long" })).toBe("November 30, 2026");
    expect(formatDay(format, "2026-12-01", { dateStyle: "long" })).toBe("December 1, 2026");
    expect(formatDay(format, "2026-12-01")).toBe("Dec 1, 2026");
  });

  it("formats an instant in the viewer's zone and says which zone when it shows a time", () => {
    const format = createFormatter({ locale: "en", timeZone: "UTC" });
    expect(formatInstant(format, "2026-12-01T12:05:00Z", "Europe/Riga", { dateStyle: "medium", timeStyle: "short" })).toBe(
      "Dec 1, 2026, 2:05 PM (Europe/Riga)",
    );
    expect(formatInstant(format, "2026-12-01T03:00:00Z", "America/New_York", { dateStyle: "medium" })).toBe("Nov 30, 2026");
  });
});

describe("the day formatter kept per zone", () => {
  it("answers each zone with its own day, again and again, and refuses a zone Intl does not know every time", () => {
    const at = new Date("2026-11-30T22:30:00Z");
    for (let i = 0; i < 3; i++) {
      expect(dateInZone(at, "Europe/Riga")).toBe("2026-12-01");
      expect(dateInZone(at, "America/New_York")).toBe("2026-11-30");
      expect(dateInZone(at, "Asia/Tokyo")).toBe("2026-12-01");
    }
    expect(() => dateInZone(at, "Mars/Olympus")).toThrow(RangeError);
    expect(() => dateInZone(at, "Mars/Olympus")).toThrow(RangeError);
  });
});
