import "server-only";
import { lte, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { reminderLog } from "@/db/schema";
import type { NotificationKind } from "@/lib/notifications/notifications";
import { notifyEach } from "@/lib/notifications/notifications";

type Tx = Pick<DB, "insert">;

/** An item reminds a person at most once in this long. */
export const REMINDER_REPEAT_MS = 24 * 60 * 60 * 1000;
const CHUNK = 300;

export type ReminderItem = { key: string; personId: number };

/**
 * Claims reminders in `reminder_log`, inside the caller's transaction: an item/person pair not
 * reminded in the last 24 hours (or, with `once`, never) is recorded as reminded now and returned;
 * the others are not. The guard is the upsert itself (ON CONFLICT … DO UPDATE … WHERE), so two
 * runs at the same time never both claim the same pair. Returns the claimed pairs as "key|person".
 */
export function claimReminders(tx: Tx, items: ReminderItem[], now: Date, opts: { once?: boolean } = {}): Set<string> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - REMINDER_REPEAT_MS).toISOString();
  const unique = [...new Map(items.map((i) => [`${i.key}|${i.personId}`, i])).values()];
  const claimed = new Set<string>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const values = unique.slice(i, i + CHUNK).map((it) => ({ key: it.key, personId: it.personId, sentAt: at }));
    const insert = tx.insert(reminderLog).values(values);
    const rows = (
      opts.once
        ? insert.onConflictDoNothing()
        : insert.onConflictDoUpdate({ target: [reminderLog.key, reminderLog.personId], set: { sentAt: sql`excluded.sent_at` }, setWhere: lte(reminderLog.sentAt, cutoff) })
    )
      .returning({ key: reminderLog.key, personId: reminderLog.personId })
      .all();
    for (const r of rows) claimed.add(`${r.key}|${r.personId}`);
  }
  return claimed;
}

/**
 * Notifies each claimed item, grouped by identical parameters so the inserts stay few (notifyEach
 * writes one batch per group, whatever the number of people in it).
 */
export function notifyGrouped(tx: Tx, kind: NotificationKind, items: { personId: number; link: string; params: Record<string, string | number> }[]): number {
  const groups = new Map<string, { params: Record<string, string | number>; items: { personId: number; link: string }[] }>();
  for (const it of items) {
    const k = JSON.stringify(it.params);
    const g = groups.get(k) ?? { params: it.params, items: [] };
    g.items.push({ personId: it.personId, link: it.link });
    groups.set(k, g);
  }
  for (const g of groups.values()) notifyEach(tx, g.items, kind, g.params);
  return items.length;
}
