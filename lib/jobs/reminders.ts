import "server-only";
import { and, eq, inArray, isNotNull, lt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { acknowledgements, ackMessages, announcements, jobRoles, people, ratingFollowups, ratings, roleVersions } from "@/db/schema";
import { dateInZone, todayIso } from "@/lib/core/dates";
import { addWorkingDays } from "@/lib/feedback/due";
import { addDays } from "@/lib/onboarding/rules";
import { holidaysBetween, organisationSettings, organisationTimeZone } from "@/lib/org/settings";
import { claimReminders, notifyGrouped, REMINDER_REPEAT_MS } from "./reminder-log";
import { batches } from "@/lib/core/batches";

/*
 * Automatic reminders (issue 13, point 5), run by the `reminders` job every 15 minutes:
 * - a change (role version or announcement) still waiting for the person's answer after N working
 *   days (HR's setting, weekends and holidays skipped) → `ack.reminder` to the person;
 * - a question (an acknowledgement in clarification) still waiting for the owner's reply after N
 *   working days → `ack.questionReminder` to whoever answers it (the acknowledgement's owner, the
 *   one `ack.question` went to);
 * - an unsolved follow-up past its due day → `followup.overdue` to its owner.
 * Each item reminds each person at most once per 24 hours (reminder_log, claimed in the same
 * transaction as the notification). One query per kind, whatever the number of items.
 */

export type ReminderCounts = { changes: number; questions: number; followups: number };

/** Whether a wait that began on `startDay` has lasted `days` working days by `today`. */
export function waitedWorkingDays(startDay: string, today: string, days: number, holidays: ReadonlySet<string>): boolean {
  return addWorkingDays(startDay, days, holidays) <= today;
}

/** Reminders for unanswered changes and questions. */
export function remindUnansweredAcks(now = new Date()): { changes: number; questions: number } {
  const db = getDb();
  const zone = organisationTimeZone();
  const today = todayIso(now, zone);
  const days = organisationSettings().reminderWorkingDays;
  // N working days are at least N calendar days: anything newer cannot be due (kept in the index scan).
  const latest = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
  const lastMessage = sql<string | null>`(select max(${ackMessages.createdAt}) from ${ackMessages} where ${ackMessages.acknowledgementId} = ${acknowledgements.id})`;
  const holder = alias(people, "holder");
  const owner = alias(people, "owner");
  const rows = db
    .select({
      id: acknowledgements.id,
      personId: acknowledgements.personId,
      personName: holder.name,
      ownerId: acknowledgements.ownerId,
      ownerActive: owner.active,
      state: acknowledgements.state,
      createdAt: acknowledgements.createdAt,
      lastRemindedAt: acknowledgements.lastRemindedAt,
      lastMessageAt: lastMessage,
      roleTitle: jobRoles.title,
      announcementTitle: announcements.title,
    })
    .from(acknowledgements)
    .innerJoin(holder, eq(holder.id, acknowledgements.personId))
    .leftJoin(owner, eq(owner.id, acknowledgements.ownerId))
    .leftJoin(roleVersions, eq(roleVersions.id, acknowledgements.roleVersionId))
    .leftJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .leftJoin(announcements, eq(announcements.id, acknowledgements.announcementId))
    .where(and(inArray(acknowledgements.state, ["pending", "answered", "clarification"]), eq(holder.active, true), lt(acknowledgements.createdAt, latest)))
    .all();
  if (!rows.length) return { changes: 0, questions: 0 };
  const waits = rows.map((r) => {
    // A pending change waits since it was published to the person; after a question, since the last message.
    const since = r.state === "pending" ? r.createdAt : (r.lastMessageAt ?? r.createdAt);
    return { ...r, startDay: dateInZone(new Date(since), zone) };
  });
  const earliest = waits.reduce((min, w) => (w.startDay < min ? w.startDay : min), today);
  const holidays = holidaysBetween(earliest, addDays(today, 1));
  const due = waits.filter((w) => waitedWorkingDays(w.startDay, today, days, holidays));
  // A reminder sent by hand (the tracking page's "Remind", lib/communication/tracking.ts) counts too.
  const cutoff = new Date(now.getTime() - REMINDER_REPEAT_MS).toISOString();
  const toPerson = due.filter((w) => w.state !== "clarification" && (!w.lastRemindedAt || w.lastRemindedAt <= cutoff));
  const toOwner = due.filter((w) => w.state === "clarification" && w.ownerId != null && w.ownerId !== w.personId);
  if (!toPerson.length && !toOwner.length) return { changes: 0, questions: 0 };
  return db.transaction((tx) => {
    const claimed = claimReminders(
      tx,
      [
        ...toPerson.map((w) => ({ key: `ack:${w.id}`, personId: w.personId })),
        ...toOwner.filter((w) => w.ownerActive).map((w) => ({ key: `ack-question:${w.id}`, personId: w.ownerId! })),
      ],
      now,
    );
    const reminded = toPerson.filter((w) => claimed.has(`ack:${w.id}|${w.personId}`));
    // The tracking page shows reminders per person: automatic ones are counted like manual ones.
    for (const batch of batches(reminded.map((w) => w.id)))
      tx.update(acknowledgements)
        .set({ reminders: sql`${acknowledgements.reminders} + 1`, lastRemindedAt: now.toISOString() })
        .where(inArray(acknowledgements.id, batch))
        .run();
    const changes = notifyGrouped(tx, "ack.reminder", reminded.map((w) => ({ personId: w.personId, link: `/changes/${w.id}`, params: {} })));
    const questions = notifyGrouped(
      tx,
      "ack.questionReminder",
      toOwner
        .filter((w) => claimed.has(`ack-question:${w.id}|${w.ownerId}`))
        .map((w) => ({ personId: w.ownerId!, link: `/changes/${w.id}`, params: { name: w.personName, role: w.roleTitle ?? w.announcementTitle ?? "" } })),
    );
    return { changes, questions };
  });
}

/** Unsolved follow-ups past their due day remind their owner, once per 24 hours. */
export function remindOverdueFollowups(now = new Date()): number {
  const db = getDb();
  const today = todayIso(now);
  const owner = alias(people, "owner");
  const rows = db
    .select({ id: ratingFollowups.id, ownerId: ratingFollowups.ownerId, person: people.name })
    .from(ratingFollowups)
    .innerJoin(ratings, eq(ratings.id, ratingFollowups.ratingId))
    .innerJoin(people, eq(people.id, ratings.personId))
    .innerJoin(owner, eq(owner.id, ratingFollowups.ownerId))
    // isFollowupOverdue (lib/feedback/due.ts) as SQL: unsolved, due day passed.
    .where(and(ne(ratingFollowups.status, "solved"), lt(ratingFollowups.dueOn, today), isNotNull(ratingFollowups.ownerId), eq(owner.active, true)))
    .all();
  if (!rows.length) return 0;
  return db.transaction((tx) => {
    const claimed = claimReminders(tx, rows.map((r) => ({ key: `followup:${r.id}`, personId: r.ownerId! })), now);
    return notifyGrouped(
      tx,
      "followup.overdue",
      rows.filter((r) => claimed.has(`followup:${r.id}|${r.ownerId}`)).map((r) => ({ personId: r.ownerId!, link: `/feedback/follow-ups/${r.id}`, params: { person: r.person } })),
    );
  });
}
