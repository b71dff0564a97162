import "server-only";
import { cache } from "react";
import { _createCache, _createIntlFormatters, createFormatter } from "next-intl";
import { getLocale, getNow, getTimeZone } from "next-intl/server";

/**
 * The Intl formatters behind dates, numbers and lists, kept for the process (issue 15). next-intl's
 * own `getFormatter` builds a new Intl.DateTimeFormat (or NumberFormat…) on every request, and
 * building one costs far more than using it: about 4 % of My role's server time. A formatter holds no
 * request data; they are memoized by their arguments (locale and options, the time zone among them),
 * so there are as many as there are combinations the code asks for, in the six locales and the zones
 * people choose.
 */
const processFormatters = _createIntlFormatters(_createCache());

/**
 * The request's formatter, as next-intl's `getFormatter()` from "next-intl/server" (same locale,
 * time zone and "now" from i18n/request.ts), with the process's Intl formatters. Server code imports
 * this one.
 */
export const getFormatter = cache(async () => {
  const [locale, timeZone, now] = await Promise.all([getLocale(), getTimeZone(), getNow()]);
  return createFormatter({ locale, timeZone, now, _formatters: processFormatters });
});
