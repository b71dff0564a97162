import "server-only";
import { and, count, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb, type DB } from "@/db/client";
import { acknowledgements, notificationDeliveries, notifications } from "@/db/schema";
import { authorize, outOfScope, ownRows } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import type { AckState } from "@/lib/communication/vocabulary";
import { todayIso } from "@/lib/core/dates";
import { batches } from "@/lib/core/batches";

export const NOTIFICATION_KINDS = [
  "role.changed",
  "ack.question",
  "ack.reply",
  "ack.reminder",
  "announcement.new",
  "onboarding.started",
  "onboarding.reminder",
  "evaluation.selfRequested",
  "evaluation.selfSubmitted",
  "evaluation.released",
  "evaluation.understood",
  "evaluation.question",
  "evaluation.disagree",
  "evaluation.reply",
  "evaluation.addendum",
  "evaluation.escalated",
  "evaluation.reviewed",
  "concern.new",
  "concern.authorReplied",
  "concern.answered",
  "concern.closed",
  "concern.forwarded",
  "concern.reminder",
  "thread.reply",
  "thread.solved",
  "thread.proposed",
  "pulse.sent",
  "training.assigned",
  "capability.signedOff",
  "access.flagged",
  "rating.received",
  "followup.opened",
  "followup.handed",
  "feedback.praise",
  "feedback.suggestion",
  "feedback.suggestionShared",
  // Issue 13: sent by the scheduled jobs (lib/jobs).
  "ack.questionReminder",
  "onboarding.dueTomorrow",
  "evaluation.due",
  "capability.expiring",
  "followup.overdue",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Channels every notification is delivered on. In-app is read from the notifications table; the
 * email row is the outbox entry the email worker (lib/email/worker.ts) routes by the person's
 * choice for the kind's group (immediately, digest, off) and sends.
 */
export const CHANNELS = ["in_app", "email"] as const;

/** The idempotency key of a notification's email: its Message-ID and .eml file name. */
export function notificationMessageKey(notificationId: number): string {
  return `n${notificationId}`;
}

type Tx = Pick<DB, "insert">;

/** Stores one notification per person (inside the caller's transaction) and its deliveries. */
export function notify(
  tx: Tx,
  personIds: number[],
  kind: NotificationKind,
  params: Record<string, string | number>,
  link: string,
  opts: NotifyOptions = {},
): void {
  notifyEach(
    tx,
    [...new Set(personIds)].map((personId) => ({ personId, link })),
    kind,
    params,
    opts,
  );
}

/** `dayOnly`: stamp the notification with the day only (anonymous concerns: no time that could tie it to its author). */
export type NotifyOptions = { dayOnly?: boolean };

/** Like notify, with a link of its own for each person. Two inserts per batch of people (lib/core/batches), whatever the count. */
export function notifyEach(
  tx: Tx,
  items: { personId: number; link: string }[],
  kind: NotificationKind,
  params: Record<string, string | number>,
  opts: NotifyOptions = {},
): void {
  if (!items.length) return;
  const now = opts.dayOnly ? todayIso() : new Date().toISOString();
  for (const batch of batches(items)) insertNotifications(tx, batch, kind, params, now, opts);
}

function insertNotifications(
  tx: Tx,
  items: { personId: number; link: string }[],
  kind: NotificationKind,
  params: Record<string, string | number>,
  now: string,
  opts: NotifyOptions,
): void {
  const rows = tx
    .insert(notifications)
    .values(items.map(({ personId, link }) => ({ personId, kind, params: JSON.stringify(params), link, createdAt: now })))
    .returning({ id: notifications.id, personId: notifications.personId })
    .all();
  tx.insert(notificationDeliveries)
    .values(
      rows.flatMap((r) =>
        CHANNELS.map((channel) =>
          channel === "in_app"
            ? { notificationId: r.id, channel, status: "sent" as const, attemptedAt: now, createdAt: now }
            : {
                notificationId: r.id,
                personId: r.personId,
                channel,
                status: "pending" as const,
                // A day-stamped notification (anonymous concern) never goes out at once: the
                // email's time would tell what the day-rounded stamp hides. It waits for the digest.
                payload: opts.dayOnly ? JSON.stringify({ dayOnly: true }) : "{}",
                messageKey: notificationMessageKey(r.id),
                // Due at once, still without a time of day: the organisation's day can be ahead of
                // UTC (a concern raised at 23:30 UTC is already "tomorrow" in Amsterdam), so the
                // UTC day is used, which never lies after the moment it was raised.
                nextAttemptAt: opts.dayOnly ? new Date().toISOString().slice(0, 10) : now,
                createdAt: now,
              },
        ),
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
  /** The item it is about is dealt with: the change answered, the question answered. */
  done: boolean;
};

/**
 * Whether a notification's item is dealt with, from the state of the item its link opens:
 * a question to the owner is done once it is no longer waiting for an answer; anything asking the
 * person to answer a change is done once the item is closed (understood, or replaced before they
 * answered it). Pure, for the list and its test.
 */
export function isDone(kind: NotificationKind, state: AckState | undefined): boolean {
  if (!state) return false;
  if (kind === "ack.question") return state !== "clarification";
  if (kind === "role.changed" || kind === "ack.reminder" || kind === "ack.reply" || kind === "announcement.new") return state === "understood" || state === "superseded";
  return false;
}

const ITEM_LINK = /^\/changes\/(\d+)$/;
const ANNOUNCEMENT_LINK = /^\/announcements\/(\d+)$/;

/** The states of the items a page of the actor's notifications link to. One query. */
function itemStates(actor: Actor, links: string[]): { byAck: Map<number, AckState>; byAnnouncement: Map<number, AckState> } {
  const ackIds = links.flatMap((l) => (ITEM_LINK.test(l) ? [Number(ITEM_LINK.exec(l)![1])] : []));
  const announcementIds = links.flatMap((l) => (ANNOUNCEMENT_LINK.test(l) ? [Number(ANNOUNCEMENT_LINK.exec(l)![1])] : []));
  const byAck = new Map<number, AckState>();
  const byAnnouncement = new Map<number, AckState>();
  if (!ackIds.length && !announcementIds.length) return { byAck, byAnnouncement };
  const rows = getDb()
    .select({ id: acknowledgements.id, announcementId: acknowledgements.announcementId, personId: acknowledgements.personId, state: acknowledgements.state })
    .from(acknowledgements)
    .where(
      or(
        ackIds.length ? inArray(acknowledgements.id, ackIds) : undefined,
        announcementIds.length ? and(inArray(acknowledgements.announcementId, announcementIds), ownRows(acknowledgements.personId, actor)) : undefined,
      ),
    )
    .all();
  for (const r of rows) {
    if (ackIds.includes(r.id)) byAck.set(r.id, r.state);
    if (r.announcementId && announcementIds.includes(r.announcementId)) byAnnouncement.set(r.announcementId, r.state);
  }
  return { byAck, byAnnouncement };
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

export function listNotifications(actor: Actor, opts: { page?: number; unreadOnly?: boolean } = {}): Page<NotificationView> {
  authorize(actor, "notifications.read");
  const db = getDb();
  const where = and(ownRows(notifications.personId, actor), opts.unreadOnly ? isNull(notifications.readAt) : undefined);
  const total = db.select({ n: count() }).from(notifications).where(where).get()?.n ?? 0;
  const { page, offset, pageCount } = pageOf(total, opts.page, NOTIFICATIONS_PAGE_SIZE);
  const found = db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE)
    .offset(offset)
    .all();
  const states = itemStates(actor, found.map((n) => n.link));
  const rows = found.map((n) => {
    const kind = n.kind as NotificationKind;
    const ack = ITEM_LINK.exec(n.link);
    const ann = ANNOUNCEMENT_LINK.exec(n.link);
    const state = ack ? states.byAck.get(Number(ack[1])) : ann ? states.byAnnouncement.get(Number(ann[1])) : undefined;
    return {
      id: n.id,
      kind,
      params: JSON.parse(n.params) as Record<string, string | number>,
      link: n.link,
      createdAt: n.createdAt,
      readAt: n.readAt,
      done: isDone(kind, state),
    };
  });
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

/**
 * Opening a notification: marks it read and returns where it leads (the exact item). Only the
 * actor's own notification; anything else is not found.
 */
export function openNotification(actor: Actor, id: number): { link: string } {
  authorize(actor, "notifications.read");
  const db = getDb();
  const row = db
    .select({ link: notifications.link, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), ownRows(notifications.personId, actor)))
    .get();
  if (!row) {
    const exists = db.select({ id: notifications.id }).from(notifications).where(eq(notifications.id, id)).get();
    throw exists ? outOfScope(actor, { type: "notification", id }, "ownRows") : new NotFoundError("notification");
  }
  if (!row.readAt)
    db.update(notifications)
      .set({ readAt: new Date().toISOString() })
      .where(and(eq(notifications.id, id), isNull(notifications.readAt)))
      .run();
  return { link: row.link };
}
