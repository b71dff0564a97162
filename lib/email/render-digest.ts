import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notificationDeliveries, notifications } from "@/db/schema";
import { emailTranslator } from "./i18n";
import { renderLayout } from "./layout";
import type { OutboxRow, Recipient, RenderedEmail } from "./types";
import { unsubscribeUrls } from "./unsubscribe";
import { appUrl } from "./urls";
import { EMAIL_GROUPS, groupOfKind } from "./vocabulary";

export type DigestItem = { kind: string; params: Record<string, string | number>; link: string };

/** The notifications collected into a digest row (they point to it by `digestId`). One query. */
export function digestItems(digestId: number): DigestItem[] {
  return getDb()
    .select({ kind: notifications.kind, params: notifications.params, link: notifications.link })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(eq(notificationDeliveries.digestId, digestId))
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .all()
    .map((r) => ({ kind: r.kind, params: JSON.parse(r.params) as Record<string, string | number>, link: r.link }));
}

/**
 * Renders a daily digest row in the recipient's language: "Your Rolebook digest: N items", the items
 * grouped by kind group (the group named beside each), each with the notification's own text and a
 * link to its item; the one-click unsubscribe link in the footer and the RFC 8058 headers.
 */
export function renderDigest(row: OutboxRow, recipient: Recipient): RenderedEmail {
  return renderDigestItems(digestItems(row.id), recipient);
}

/** The pure part of renderDigest (also for tests). */
export function renderDigestItems(items: DigestItem[], recipient: Recipient): RenderedEmail {
  const t = emailTranslator(recipient.locale);
  const order = new Map<string, number>(EMAIL_GROUPS.map((g, i) => [g, i]));
  const sorted = items
    .map((item, i) => ({ item, i, group: groupOfKind(item.kind) }))
    .sort((a, b) => order.get(a.group)! - order.get(b.group)! || a.i - b.i);
  const text = (item: DigestItem) => {
    const key = `notifications.kind.${item.kind}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key, item.params as never) : t("email.digest.otherItem");
  };
  const subject = t("email.digest.subject", { count: items.length });
  const urls = unsubscribeUrls(recipient.id, "digest");
  const notificationsLink = { label: t("email.digest.action"), url: appUrl("/notifications") };
  const body = renderLayout(
    {
      heading: subject,
      paragraphs: [t("email.digest.greeting", { name: recipient.name.split(/\s+/)[0] ?? recipient.name }), t("email.digest.intro")],
      items: sorted.map(({ item, group }) => ({
        text: text(item),
        url: appUrl(item.link),
        meta: t(`emailPreferences.groups.${group}.name`),
      })),
      action: notificationsLink,
      unsubscribeUrl: urls.page,
    },
    t,
    recipient.locale,
  );
  return {
    subject,
    text: body.text,
    html: body.html,
    headers: { "List-Unsubscribe": `<${urls.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
