import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, holidays, organisation } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { ConflictError, FieldError, ForbiddenError } from "@/lib/core/errors";
import { addHoliday, isCalendarDay, listHolidays, removeHoliday } from "@/lib/org/holidays";
import { organisationSettingsForEdit, updateOrganisationSettings, type OrganisationInput } from "@/lib/org/organisation";
import { displayTimeZone, ownTimeZone, setOwnTimeZone } from "@/lib/org/preferences";
import { holidaysBetween, organisationSettings, organisationTimeZone } from "@/lib/org/settings";
import { isTimeZone, timeZoneGroups } from "@/lib/org/zones";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const hr = () => actorFor("hr@example.com");
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}
const fieldErrors = (fn: () => unknown) => {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(FieldError);
  return (e as FieldError).fieldErrors;
};
const current = (): OrganisationInput => {
  const s = organisationSettings();
  return { name: s.name, timeZone: s.timeZone, applyEmail: s.applyEmail, applyUrl: s.applyUrl, location: s.location };
};
const auditsOf = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("time zones", () => {
  it("knows the runtime's zones and UTC, grouped by region", () => {
    expect(isTimeZone("Europe/Riga")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    const europe = timeZoneGroups().find((g) => g.region === "Europe")!;
    expect(europe.zones).toContain("Europe/Amsterdam");
    expect(timeZoneGroups().flatMap((g) => g.zones)).toHaveLength(Intl.supportedValuesOf("timeZone").length + 1);
  });
});

describe("organisation settings", () => {
  it("the demo organisation is in Rotterdam's zone", () => {
    expect(organisationTimeZone()).toBe("Europe/Amsterdam");
  });

  it("HR changes the time zone; today is then computed in it; the change is audited", () => {
    const before = organisationSettingsForEdit(hr());
    expect(before.serverTimeZone).toBeTruthy();
    const { revision } = updateOrganisationSettings(hr(), before.revision, { ...current(), timeZone: "Europe/Riga" });
    expect(revision).toBe(before.revision + 1);
    expect(organisationSettings()).toMatchObject({ timeZone: "Europe/Riga", revision });
    expect(organisationTimeZone()).toBe("Europe/Riga");
    expect(todayIso(new Date("2026-11-30T22:30:00Z"))).toBe("2026-12-01");
    expect(todayIso(new Date("2026-11-30T21:30:00Z"))).toBe("2026-11-30");
    const row = auditsOf("organisation.update").at(-1)!;
    expect(row.actorId).toBe(hr().id);
    expect(JSON.parse(row.detail)).toEqual({ changes: { timeZone: { from: "Europe/Amsterdam", to: "Europe/Riga" } } });
    expect(getDb().select({ by: organisation.updatedById }).from(organisation).get()!.by).toBe(hr().id);
  });

  it("an empty zone means the server's", () => {
    const { revision } = organisationSettings();
    updateOrganisationSettings(hr(), revision, { ...current(), timeZone: "" });
    expect(organisationTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    updateOrganisationSettings(hr(), revision + 1, { ...current(), timeZone: "Europe/Amsterdam" });
  });

  it("refuses an unknown zone and a non-https apply URL next to their fields, changing nothing", () => {
    const before = organisationSettings();
    expect(fieldErrors(() => updateOrganisationSettings(hr(), before.revision, { ...current(), timeZone: "Europe/Atlantis", applyUrl: "http://jobs.example" }))).toEqual({
      timeZone: "invalidTimeZone",
      applyUrl: "invalidUrl",
    });
    expect(fieldErrors(() => updateOrganisationSettings(hr(), before.revision, { ...current(), applyUrl: "javascript:alert(1)" }))).toEqual({ applyUrl: "invalidUrl" });
    expect(organisationSettings()).toEqual(before);
  });

  it("a stale revision is a conflict", () => {
    const before = organisationSettings();
    updateOrganisationSettings(hr(), before.revision, { ...current(), applyUrl: "https://vandijk-auto.example/jobs" });
    expect(thrown(() => updateOrganisationSettings(hr(), before.revision, { ...current(), name: "Someone else's edit" }))).toBeInstanceOf(ConflictError);
    expect(organisationSettings()).toMatchObject({ name: before.name, applyUrl: "https://vandijk-auto.example/jobs", revision: before.revision + 1 });
  });

  it("only HR may read the form or save it", () => {
    for (const email of ["manager@example.com", "supervisor@example.com", "employee@example.com"]) {
      expect(thrown(() => organisationSettingsForEdit(actorFor(email)))).toBeInstanceOf(ForbiddenError);
      expect(thrown(() => updateOrganisationSettings(actorFor(email), organisationSettings().revision, current()))).toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("public holidays", () => {
  it("the demo has Dutch public holidays for this year and next", () => {
    const year = Number(todayIso().slice(0, 4));
    const days = holidaysBetween(`${year}-01-01`, `${year + 1}-12-31`);
    expect(days.has(`${year}-04-27`) || days.has(`${year}-04-26`)).toBe(true); // King's Day (26 April when the 27th is a Sunday)
    expect(days.has(`${year + 1}-12-25`)).toBe(true);
    expect(days.has(`${year}-01-01`)).toBe(true);
  });

  it("HR adds and removes a holiday, audited; due-date arithmetic sees it", () => {
    const added = addHoliday(hr(), { date: "2031-06-02", name: " Company day " });
    expect(added).toMatchObject({ date: "2031-06-02", name: "Company day" });
    expect(holidaysBetween("2031-06-01", "2031-06-30").has("2031-06-02")).toBe(true);
    expect(JSON.parse(auditsOf("holiday.add").at(-1)!.detail)).toEqual({ date: "2031-06-02", name: "Company day" });
    removeHoliday(hr(), added.id);
    expect(holidaysBetween("2031-06-01", "2031-06-30").size).toBe(0);
    expect(auditsOf("holiday.remove").at(-1)!.entityId).toBe(String(added.id));
  });

  it("refuses a duplicate date and a date that does not exist, on the date field", () => {
    addHoliday(hr(), { date: "2031-07-01", name: "First" });
    const count = () => getDb().select().from(holidays).all().length;
    const n = count();
    expect(fieldErrors(() => addHoliday(hr(), { date: "2031-07-01", name: "Second" }))).toEqual({ date: "holidayTaken" });
    expect(fieldErrors(() => addHoliday(hr(), { date: "2031-02-30", name: "Nope" }))).toEqual({ date: "invalidDate" });
    expect(fieldErrors(() => addHoliday(hr(), { date: "1 July", name: "  " }))).toEqual({ date: "invalidDate", name: "required" });
    expect(fieldErrors(() => addHoliday(hr(), { date: "1899-12-25", name: "Too early" }))).toEqual({ date: "dateOutOfRange" });
    expect(fieldErrors(() => addHoliday(hr(), { date: "2101-01-01", name: "Too late" }))).toEqual({ date: "dateOutOfRange" });
    expect(count()).toBe(n);
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2027-02-29")).toBe(false);
  });

  it("lists a page at a time, by date", () => {
    const all = getDb().select().from(holidays).all().length;
    const first = listHolidays(hr(), 1);
    expect(first.total).toBe(all);
    expect(first.rows.length).toBe(Math.min(all, first.pageSize));
    expect(first.rows.map((r) => r.date)).toEqual([...first.rows.map((r) => r.date)].sort());
    const last = listHolidays(hr(), first.pageCount);
    expect(last.rows.at(-1)!.date).toBe("2031-07-01");
  });

  it("only HR manages holidays", () => {
    const mgr = actorFor("manager@example.com");
    expect(thrown(() => listHolidays(mgr))).toBeInstanceOf(ForbiddenError);
    expect(thrown(() => addHoliday(mgr, { date: "2031-08-01", name: "X" }))).toBeInstanceOf(ForbiddenError);
    const id = listHolidays(hr()).rows[0].id;
    expect(thrown(() => removeHoliday(mgr, id))).toBeInstanceOf(ForbiddenError);
  });
});

describe("a person's own time zone", () => {
  it("follows the organisation's until they choose one", () => {
    const emp = actorFor("employee@example.com");
    expect(ownTimeZone(emp)).toBe("");
    expect(displayTimeZone(emp)).toBe(organisationTimeZone());
    expect(displayTimeZone(null)).toBe(organisationTimeZone());
    setOwnTimeZone(emp, "America/New_York");
    expect(displayTimeZone(emp)).toBe("America/New_York");
    expect(displayTimeZone(actorFor("manager@example.com"))).toBe(organisationTimeZone());
    expect(fieldErrors(() => setOwnTimeZone(emp, "Nowhere/Land"))).toEqual({ timeZone: "invalidTimeZone" });
    setOwnTimeZone(emp, "");
    expect(displayTimeZone(emp)).toBe(organisationTimeZone());
  });
});
