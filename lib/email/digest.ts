import "server-only";
import { and, eq, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailPreferences, emailSettings, notificationDeliveries, notifications, people } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { organisationTimeZone } from "@/lib/org/settings";
import { DEFAULT_DIGEST_TIME, groupOfKind } from "./vocabulary";
import { batches } from "@/lib/core/batches";
import { SKIP_NOTES } from "./worker";

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/*
 * Daily digests (issue 13, point 2). The worker parks a notification's email row in status "digest"
 * when the person chose the digest for its group; once a day, at the person's digest time in the
 * organisation's time zone, those rows are collected into one digest row (kind "digest") that the
 * worker sends like any email (lib/email/render-digest.ts renders it).
 */

/** The idempotency key of a person's digest for an organisation day: a second run inserts nothing. */
export function digestMessageKey(personId: number, day: string): string {
  return `d${personId}-${day}`;
}

/** "HH:MM" (24 h) of an instant in a time zone. */
export function timeInZone(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("hour")}:${get("minute")}`;
}

/**
 * Makes the digest rows due at `now`: for each active person whose digest time (organisation zone)
 * has passed today, who has not had today's digest yet and who has rows waiting in status "digest",
 * one digest row (pending, due now); the waiting rows become "digested" and point to it; the
 * person's lastDigestOn becomes today. One transaction, three statements per batch of 500 people
 * (lib/core/batches). Returns how many digests were queued.
 *
 * A row parked while its group was in the digest is re-checked first: if the person has since turned
 * that group off (the preferences page, or the digest's unsubscribe link), it is skipped with the
 * worker's note ("email off"), as the worker skips a row of a group that is off, and never sent.
 */
export function queueDueDigests(now = new Date()): number {
  const zone = organisationTimeZone();
  const today = todayIso(now, zone);
  const clock = timeInZone(now, zone);
  const at = now.toISOString();
  const db = getDb();
  return db.transaction((tx) => {
    skipTurnedOff(tx);
    const due = tx
      .selectDistinct({ personId: notificationDeliveries.personId })
      .from(notificationDeliveries)
      .innerJoin(people, and(eq(people.id, notificationDeliveries.personId), eq(people.active, true)))
      .leftJoin(emailSettings, eq(emailSettings.personId, notificationDeliveries.personId))
      .where(
        and(
          eq(notificationDeliveries.channel, "email"),
          eq(notificationDeliveries.status, "digest"),
          lte(sql`coalesce(${emailSettings.digestTime}, ${DEFAULT_DIGEST_TIME})`, clock),
          or(isNull(emailSettings.lastDigestOn), ne(emailSettings.lastDigestOn, today)),
        ),
      )
      .all()
      .flatMap((r) => (r.personId == null ? [] : [r.personId]));
    let queued = 0;
    // In batches: a statement binds a few values per person, and SQLite refuses more than 32,766.
    for (const batch of batches(due)) queued += queueDigests(tx, batch, today, at);
    return queued;
  });
}

/**
 * Skips the parked rows whose group the person has turned off since they were parked: one read (only
 * the parked rows of people with a group off, each with that group) and one update per 500 rows.
 */
function skipTurnedOff(tx: Tx): number {
  const candidates = tx
    .select({ id: notificationDeliveries.id, kind: notifications.kind, offGroup: emailPreferences.group })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .innerJoin(emailPreferences, and(eq(emailPreferences.personId, notificationDeliveries.personId), eq(emailPreferences.mode, "off")))
    .where(and(eq(notificationDeliveries.channel, "email"), eq(notificationDeliveries.status, "digest")))
    .all();
  const ids = [...new Set(candidates.filter((r) => groupOfKind(r.kind) === r.offGroup).map((r) => r.id))];
  for (const batch of batches(ids))
    tx.update(notificationDeliveries)
      .set({ status: "skipped", lastError: SKIP_NOTES.off })
      .where(and(inArray(notificationDeliveries.id, batch), eq(notificationDeliveries.status, "digest")))
      .run();
  return ids.length;
}

function queueDigests(tx: Tx, due: number[], today: string, at: string): number {
  const inserted = tx
    .insert(notificationDeliveries)
    .values(
      due.map((personId) => ({
        personId,
        channel: "email" as const,
        kind: "digest" as const,
        status: "pending" as const,
        payload: JSON.stringify({ day: today }),
        messageKey: digestMessageKey(personId, today),
        nextAttemptAt: at,
        createdAt: at,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notificationDeliveries.id, personId: notificationDeliveries.personId })
    .all();
  if (!inserted.length) return 0;
  const personIds = inserted.map((r) => r.personId!);
  const digestIdByPerson = sql.join(
    [sql`case ${notificationDeliveries.personId}`, ...inserted.map((r) => sql`when ${r.personId} then ${r.id}`), sql`end`],
    sql` `,
  );

  tx.update(notificationDeliveries)
    .set({ status: "digested", digestId: sql`${digestIdByPerson}`, attemptedAt: at })
    .where(
      and(
        eq(notificationDeliveries.channel, "email"),
        eq(notificationDeliveries.status, "digest"),
        inArray(notificationDeliveries.personId, personIds),
      ),
    )
    .run();

  tx.insert(emailSettings)
    .values(personIds.map((personId) => ({ personId, lastDigestOn: today, updatedAt: at })))
    .onConflictDoUpdate({ target: emailSettings.personId, set: { lastDigestOn: today } })
    .run();
  return inserted.length;
}
