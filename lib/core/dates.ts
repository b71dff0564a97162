import { organisationTimeZone } from "@/lib/org/settings";

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dateInZone(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD; formatToParts keeps it independent of the locale's separators.
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
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
