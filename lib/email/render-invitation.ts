import "server-only";
import { organisationTimeZone } from "@/lib/org/settings";
import { emailTranslator } from "./i18n";
import { invitationForEmail } from "./invitations";
import { renderLayout } from "./layout";
import type { OutboxRow, Recipient, RenderedEmail } from "./types";
import { appUrl } from "./urls";

/**
 * Renders an invitation row (payload: the one-time link's token) in the recipient's language:
 * who invited them, the link to choose a password, and until when it works.
 */
export function renderInvitation(row: OutboxRow, recipient: Recipient): RenderedEmail {
  let token: unknown;
  try {
    token = (JSON.parse(row.payload) as { token?: unknown }).token;
  } catch {
    token = undefined;
  }
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) throw new Error("invitation row has no token (already sent?)");
  const info = invitationForEmail(row.messageKey);
  if (!info) throw new Error("invitation not found");
  const t = emailTranslator(recipient.locale);
  const until = new Intl.DateTimeFormat(recipient.locale, { dateStyle: "long", timeStyle: "short", timeZone: organisationTimeZone() }).format(new Date(info.expiresAt));
  const firstName = recipient.name.split(/\s+/)[0] || recipient.name;
  const organisation = info.organisation || "Rolebook";
  const subject = t("email.invitation.subject");
  const paragraphs = [
    t("email.invitation.greeting", { name: firstName }),
    info.inviterName ? t("email.invitation.invitedBy", { inviter: info.inviterName, organisation }) : t("email.invitation.invited", { organisation }),
    t("email.invitation.validUntil", { until }),
    t("email.invitation.ignore"),
  ];
  const link = { label: t("email.invitation.action"), url: appUrl(`/invite/${token}`) };
  const { html, text } = renderLayout(
    { heading: subject, paragraphs, action: link },
    t,
    recipient.locale,
  );
  return { subject, text, html };
}
