/**
 * Formatting dates for people, with next-intl's formatter (`getFormatter()` / `useFormatter()`).
 * Two kinds of value:
 * - a calendar day (YYYY-MM-DD: start, due and effective dates) is the same day everywhere, so it is
 *   formatted in UTC, where its midnight lies, and never shifts with the viewer's zone;
 * - an instant (an ISO timestamp) is formatted in the viewer's zone, and when it shows a time of day
 *   it says which zone: "1 Dec 2026, 14:05 (Europe/Riga)".
 */

import type { DateTimeFormatOptions } from "next-intl";

type Formatter = { dateTime: (value: Date, options?: DateTimeFormatOptions) => string };

/** A calendar day, formatted without shifting (e.g. "1 December 2026" in any zone). */
export function formatDay(format: Formatter, isoDate: string, options: DateTimeFormatOptions = { dateStyle: "medium" }): string {
  return format.dateTime(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`), { ...options, timeZone: "UTC" });
}

/** An instant in the viewer's zone `timeZone`; with a time of day, followed by the zone's name. */
export function formatInstant(
  format: Formatter,
  iso: string | Date,
  timeZone: string,
  options: DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" },
): string {
  const text = format.dateTime(typeof iso === "string" ? new Date(iso) : iso, { ...options, timeZone });
  const showsTime = Boolean(options.timeStyle || options.hour || options.minute);
  return showsTime ? `${text} (${timeZone})` : text;
}
