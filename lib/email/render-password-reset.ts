import "server-only";
import { passwordResetForEmail } from "@/lib/auth/passwords";
import { organisationTimeZone } from "@/lib/org/settings";
import { emailTranslator } from "./i18n";
import { renderLayout } from "./layout";
import type { OutboxRow, Recipient, RenderedEmail } from "./types";
import { appUrl } from "./urls";

/**
 * Renders a password-reset row (payload: the one-time link's token, key `p<reset id>`) in the
 * recipient's language: the link to choose a new password and until when it works (30 minutes).
 */
export function renderPasswordReset(row: OutboxRow, recipient: Recipient): RenderedEmail {
  let token: unknown;
  try {
    token = (JSON.parse(row.payload) as { reset?: unknown }).reset;
  } catch {
    token = undefined;
  }
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) throw new Error("password reset row has no token (already sent?)");
  const info = passwordResetForEmail(row.messageKey);
  if (!info) throw new Error("password reset not found");
  const t = emailTranslator(recipient.locale);
  const until = new Intl.DateTimeFormat(recipient.locale, { dateStyle: "long", timeStyle: "short", timeZone: organisationTimeZone() }).format(new Date(info.expiresAt));
  const firstName = recipient.name.split(/\s+/)[0] || recipient.name;
  const subject = t("email.passwordReset.subject");
  const paragraphs = [
    t("email.passwordReset.greeting", { name: firstName }),
    t("email.passwordReset.intro"),
    t("email.passwordReset.validUntil", { until }),
    t("email.passwordReset.ignore"),
  ];
  const { html, text } = renderLayout({ heading: subject, paragraphs, action: { label: t("email.passwordReset.action"), url: appUrl(`/reset-password/${token}`) } }, t, recipient.locale);
  return { subject, text, html };
}
