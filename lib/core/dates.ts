import { organisationTimeZone } from "@/lib/org/settings";

/**
 * One formatter per zone, kept for the process (building an Intl.DateTimeFormat costs far more than
 * using one, and "today" is asked for on most requests). A zone Intl refuses throws and is not kept.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD; formatToParts keeps it independent of the locale's separators.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dateInZone(now: Date, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * Today's date as YYYY-MM-DD in a time zone: by default the organisation's (HR's setting, else the
 * server's), so "today", due dates and effective dates turn over at the organisation's midnight, not
 * at UTC's. Dates in Rolebook are calendar days, compared as strings.
 */
export function todayIso(now = new Date(), timeZone: string = organisationTimeZone()): string {
  return dateInZone(now, timeZone);
}
