import "server-only";
import { and, eq, inArray, isNotNull, isNull, lte, ne, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { concernAddressees, concerns } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { CONCERN_REMINDER_WORKING_DAYS } from "@/lib/confidence/vocabulary";
import { addDays } from "@/lib/onboarding/rules";
import { holidaysBetween } from "@/lib/org/settings";
import { notifyEach } from "@/lib/notifications/notifications";
import { isOverdue } from "./status";

/*
 * Reminders (issue 10, point 4): an open concern that has waited for an answer more than 3 working
 * days (weekends and the organisation's holidays skipped) reminds each of its addressees, at most
 * once a day (`remindedOn`). The scheduler's `reminders` job (lib/jobs) runs this sweep every 15
 * minutes. Cheap when nothing is due (one indexed query on `waiting_since`) and safe to run twice.
 * The notification names no author (anonymous concerns have none to name).
 */

/** Sends today's reminders; returns how many concerns were reminded about. */
export function remindWaitingConcerns(now = new Date()): number {
  const db = getDb();
  const today = todayIso(now);
  // More than 3 working days is at least 4 calendar days: anything newer cannot be due.
  const latest = addDays(today, -(CONCERN_REMINDER_WORKING_DAYS + 1));
  const candidateWhere = and(
    isNotNull(concerns.waitingSince),
    lte(concerns.waitingSince, latest),
    eq(concerns.status, "open"),
    or(isNull(concerns.remindedOn), ne(concerns.remindedOn, today)),
  );
  const candidates = db.select({ id: concerns.id, waitingSince: concerns.waitingSince }).from(concerns).where(candidateWhere).all();
  if (!candidates.length) return 0;
  const earliest = candidates.reduce((min, c) => (c.waitingSince! < min ? c.waitingSince! : min), today);
  const holidays = holidaysBetween(earliest, today);
  const due = candidates.filter((c) => isOverdue(c.waitingSince, today, CONCERN_REMINDER_WORKING_DAYS, holidays)).map((c) => c.id);
  if (!due.length) return 0;
  return db.transaction((tx) => {
    // Marked first and guarded, so a second sweep running at the same time reminds nobody twice.
    const marked = tx
      .update(concerns)
      .set({ remindedOn: today })
      .where(and(inArray(concerns.id, due), or(isNull(concerns.remindedOn), ne(concerns.remindedOn, today))))
      .returning({ id: concerns.id })
      .all()
      .map((r) => r.id);
    if (!marked.length) return 0;
    const addressees = tx.select({ concernId: concernAddressees.concernId, personId: concernAddressees.personId }).from(concernAddressees).where(inArray(concernAddressees.concernId, marked)).all();
    notifyEach(tx, addressees.map((a) => ({ personId: a.personId, link: `/concerns/${a.concernId}` })), "concern.reminder", { days: CONCERN_REMINDER_WORKING_DAYS });
    return marked.length;
  });
}
