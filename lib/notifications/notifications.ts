import "server-only";
import { and, count, desc, inArray, isNull } from "drizzle-orm";
import { getDb, type DB } from "@/db/client";
import { notificationDeliveries, notifications } from "@/db/schema";
import { authorize, ownRows } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageOf, type Page } from "@/lib/core/pagination";

export const NOTIFICATION_KINDS = [
  "role.changed",
  "ack.question",
  "ack.reply",
  "ack.reminder",
  "announcement.new",
  "onboarding.started",
  "onboarding.reminder",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Channels every notification is delivered on. In-app is read from the notifications table; adding
 * "email" here (and a sender that works through pending deliveries) needs no change in callers.
 */
export const CHANNELS = ["in_app"] as const;

type Tx = Pick<DB, "insert">;

/** Stores one notification per person (inside the caller's transaction) and its deliveries. */
export function notify(
  tx: Tx,
  personIds: number[],
  kind: NotificationKind,
  params: Record<string, string | number>,
  link: string,
): void {
  notifyEach(
    tx,
    [...new Set(personIds)].map((personId) => ({ personId, link })),
    kind,
    params,
  );
}

/** Like notify, with a link of its own for each person. Two inserts, whatever the count. */
export function notifyEach(
  tx: Tx,
  items: { personId: number; link: string }[],
  kind: NotificationKind,
  params: Record<string, string | number>,
): void {
  if (!items.length) return;
  const now = new Date().toISOString();
  const rows = tx
    .insert(notifications)
    .values(items.map(({ personId, link }) => ({ personId, kind, params: JSON.stringify(params), link, createdAt: now })))
    .returning({ id: notifications.id })
    .all();
  tx.insert(notificationDeliveries)
    .values(
      rows.flatMap((r) =>
        CHANNELS.map((channel) => ({
          notificationId: r.id,
          channel,
          status: channel === "in_app" ? ("sent" as const) : ("pending" as const),
          attemptedAt: channel === "in_app" ? now : null,
        })),
      ),
    )
    .run();
}

export type NotificationView = {
  id: number;
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string;
  createdAt: string;
  readAt: string | null;
};

export const NOTIFICATIONS_PAGE_SIZE = 20;

export function listNotifications(actor: Actor, opts: { page?: number; unreadOnly?: boolean } = {}): Page<NotificationView> {
  authorize(actor, "notifications.read");
  const db = getDb();
  const where = and(ownRows(notifications.personId, actor), opts.unreadOnly ? isNull(notifications.readAt) : undefined);
  const total = db.select({ n: count() }).from(notifications).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, NOTIFICATIONS_PAGE_SIZE);
  const rows = db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE)
    .offset(offset)
    .all()
    .map((n) => ({
      id: n.id,
      kind: n.kind as NotificationKind,
      params: JSON.parse(n.params) as Record<string, string | number>,
      link: n.link,
      createdAt: n.createdAt,
      readAt: n.readAt,
    }));
  return { rows, total, page, pageCount, pageSize: NOTIFICATIONS_PAGE_SIZE };
}

export function unreadCount(actor: Actor): number {
  authorize(actor, "notifications.read");
  return (
    getDb()
      .select({ n: count() })
      .from(notifications)
      .where(and(ownRows(notifications.personId, actor), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

/** Marks some (or, with no ids, all) of the actor's own notifications read. */
export function markRead(actor: Actor, ids?: number[]): number {
  authorize(actor, "notifications.read");
  const result = getDb()
    .update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(
      and(ownRows(notifications.personId, actor), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined),
    )
    .run();
  return result.changes;
}
