import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { displayTimeZone } from "@/lib/org/preferences";
import { serverTimeZone } from "@/lib/org/settings";
import { defaultLocale, isLocale, LOCALE_COOKIE, negotiateLocale, type AppLocale } from "./config";

/**
 * The person's stored choice (copied into the locale cookie at sign-in and when they switch),
 * otherwise the browser's language.
 */
export async function resolveLocale(): Promise<AppLocale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get("accept-language")) ?? defaultLocale;
}

/**
 * The zone instants are shown in: the person's own, else the organisation's. Calendar days
 * (YYYY-MM-DD) are formatted in UTC by formatDay (lib/core/format-dates.ts), so they never shift.
 */
async function resolveTimeZone(): Promise<string> {
  const actor = await getActor();
  try {
    return displayTimeZone(actor);
  } catch {
    // No database to ask (e.g. while building): the server's zone.
    return serverTimeZone();
  }
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: await resolveTimeZone(),
  };
});
