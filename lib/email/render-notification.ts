import "server-only";
import type { NotificationKind } from "@/lib/notifications/notifications";
import { emailTranslator, type EmailT } from "./i18n";
import { renderLayout } from "./layout";
import type { Recipient, RenderedEmail } from "./types";
import { appUrl } from "./urls";

/*
 * The email of one notification, in the recipient's language: a subject that says what to do,
 * one short paragraph (the notification's own sentence, as the bell shows it), and ONE link to the
 * exact item. Texts: `email.notification.<prefix>.<name>.{subject,action}`, with the
 * notification's params.
 */

export type NotificationForEmail = { kind: NotificationKind | string; params: Record<string, string | number>; link: string };

type LooseT = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

function loose(t: EmailT): LooseT {
  return t as unknown as LooseT;
}

/** Subject, paragraph and action label of a notification in the translator's language. */
export function notificationTexts(n: NotificationForEmail, t: EmailT): { subject: string; paragraph: string; action: string } {
  const tt = loose(t);
  const base = `email.notification.${n.kind}`;
  const subject = tt(`${base}.subject`, n.params);
  const sentence = `notifications.kind.${n.kind}`;
  const paragraph = tt.has(sentence) ? tt(sentence, n.params) : subject;
  return { subject, paragraph, action: tt(`${base}.action`, n.params) };
}

export function renderNotification(n: NotificationForEmail, recipient: Recipient): RenderedEmail {
  const t = emailTranslator(recipient.locale);
  const { subject, paragraph, action } = notificationTexts(n, t);
  const { html, text } = renderLayout({ heading: subject, paragraphs: [paragraph], action: { label: action, url: appUrl(n.link) } }, t, recipient.locale);
  return { subject, text, html };
}
