import "server-only";
import { createTranslator } from "next-intl";
import { defaultLocale, isLocale, type AppLocale } from "@/i18n/config";
import en from "@/i18n/messages/en.json";
import lt from "@/i18n/messages/lt.json";
import lv from "@/i18n/messages/lv.json";
import nl from "@/i18n/messages/nl.json";
import ro from "@/i18n/messages/ro.json";
import tr from "@/i18n/messages/tr.json";

/*
 * Emails are written outside a request, in the recipient's language: their stored choice, else the
 * organisation's default (English).
 */

export const EMAIL_MESSAGES: Record<AppLocale, typeof en> = { en, tr, lv, lt, nl, ro } as Record<AppLocale, typeof en>;

export function recipientLocale(locale: string | null | undefined): AppLocale {
  return isLocale(locale) ? locale : defaultLocale;
}

/** A translator over every message of a locale (keys as in the app: "email.…", "notifications.kind.…"). */
export function emailTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: EMAIL_MESSAGES[locale] });
}
export type EmailT = ReturnType<typeof emailTranslator>;
