import { eq } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { holidays, people } from "@/db/schema";
import { ConflictError } from "@/lib/core/errors";
import { addHoliday, listHolidays, removeHoliday } from "@/lib/org/holidays";
import { organisationSettingsForEdit, updateOrganisationSettings, type OrganisationInput } from "@/lib/org/organisation";
import { displayTimeZone, ownTimeZone, setOwnTimeZone } from "@/lib/org/preferences";
import { organisationSettings } from "@/lib/org/settings";
import { useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, NORA, refusals, STRANGER, SUP, type RefusalCase, SEED_TIMEOUT } from "@/lib/test/refusals";

/** Organisation settings, public holidays and a person's own time zone (the harness is lib/test/refusals.ts). */

beforeAll(async () => {
  await useSeededTestDb();
}, SEED_TIMEOUT);

const settings = (over: Partial<OrganisationInput> = {}): OrganisationInput => {
  const s = organisationSettings();
  return { name: s.name, timeZone: s.timeZone, applyEmail: s.applyEmail, applyUrl: s.applyUrl, location: s.location, ...over };
};
const rev = () => organisationSettings().revision;
const firstHoliday = () => getDb().select({ id: holidays.id }).from(holidays).orderBy(holidays.date).get()!.id;
const ORG = () => ({ type: "organisation", id: 1 });
const HOLIDAY = () => ({ type: "holiday" });
const NOT_HR = [MGR, SUP, EMP, NORA, STRANGER];
const caught = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e;
  }
};

const cases: RefusalCase[] = [
  ...forbidden("organisationSettingsForEdit", NOT_HR, (a) => organisationSettingsForEdit(a), "organisation.manage", ORG),
  ...forbidden("updateOrganisationSettings", NOT_HR, (a) => updateOrganisationSettings(a, rev(), settings({ timeZone: "Europe/Riga" })), "organisation.manage", ORG),
  ...forbidden("listHolidays", NOT_HR, (a) => listHolidays(a), "organisation.manage", HOLIDAY),
  ...forbidden("addHoliday", NOT_HR, (a) => addHoliday(a, { date: "2031-06-02", name: "Company day" }), "organisation.manage", HOLIDAY),
  ...forbidden("removeHoliday", NOT_HR, (a) => removeHoliday(a, firstHoliday()), "organisation.manage", () => ({ type: "holiday", id: firstHoliday() })),
  ...forbidden("ownTimeZone", [STRANGER], (a) => ownTimeZone(a), "self.read", () => ({ type: "person", id: idOf("daan.visser@example.com") })),
  ...forbidden("setOwnTimeZone", [STRANGER], (a) => setOwnTimeZone(a, "Europe/Riga"), "self.updateLocale", () => ({ type: "person", id: idOf("daan.visser@example.com") })),
  {
    name: "displayTimeZone: someone without self.read sees the organisation's zone, not a stored one",
    as: STRANGER,
    call: (a) => displayTimeZone(a),
    expect: (zone: string) => expect(zone).toBe("Europe/Amsterdam"),
  },
  {
    name: "updateOrganisationSettings: HR's unknown time zone is refused next to the field",
    as: HR,
    call: (a) => updateOrganisationSettings(a, rev(), settings({ timeZone: "Europe/Atlantis" })),
    expect: "field",
    fieldErrors: { timeZone: "invalidTimeZone" },
  },
  {
    name: "updateOrganisationSettings: HR's edit on a stale revision is a conflict",
    as: HR,
    call: (a) => caught(() => updateOrganisationSettings(a, rev() - 1, settings({ name: "Stale" }))),
    expect: (e: unknown) => expect(e).toBeInstanceOf(ConflictError),
  },
  {
    name: "addHoliday: HR's second holiday on the same date is refused on the date field",
    as: HR,
    call: (a) => addHoliday(a, { date: getDb().select({ date: holidays.date }).from(holidays).get()!.date, name: "Again" }),
    expect: "field",
    fieldErrors: { date: "holidayTaken" },
  },
  {
    name: "removeHoliday: a holiday that does not exist is not found",
    as: HR,
    call: (a) => removeHoliday(a, 999_999),
    expect: "notFound",
  },

  // Allowed writes last.
  {
    name: "positive: setOwnTimeZone changes Elif's own zone and nobody else's",
    as: EMP,
    call: (a) => {
      setOwnTimeZone(a, "America/New_York");
      return getDb().select({ id: people.id }).from(people).where(eq(people.timeZone, "America/New_York")).all().map((p) => p.id);
    },
    expect: (ids: number[]) => expect(ids).toEqual([idOf(EMP)]),
    changes: ["people"],
  },
  {
    name: "positive: HR saves the organisation's time zone",
    as: HR,
    call: (a) => updateOrganisationSettings(a, rev(), settings({ timeZone: "Europe/Riga" })),
    expect: () => expect(organisationSettings().timeZone).toBe("Europe/Riga"),
    changes: ["organisation"],
  },
  {
    name: "positive: HR adds a holiday",
    as: HR,
    call: (a) => addHoliday(a, { date: "2031-06-02", name: "Company day" }),
    expect: (h: { date: string }) => expect(h.date).toBe("2031-06-02"),
    changes: ["holidays", "sqlite_sequence"],
  },
];

describe("refusals: organisation settings, holidays, own time zone", () => {
  refusals(cases);
});
