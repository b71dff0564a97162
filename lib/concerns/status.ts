/**
 * The concern status machine (lib/confidence/vocabulary.ts), pure: which step each action takes a
 * concern to, and when it waits for an addressee. No database here, so each rule is unit-tested.
 *
 * open → answered (an addressee replied) → resolved (by the author) or closed with a reason (by an
 * addressee). The author's reply makes an answered concern open again; forwarding hands it to
 * someone new, so it waits for an answer again. Resolved and closed are final.
 */
import { CONCERN_FINAL, type ConcernStatus } from "@/lib/confidence/vocabulary";

export const CONCERN_EVENTS = ["answer", "authorReply", "resolve", "close", "forward"] as const;
export type ConcernEvent = (typeof CONCERN_EVENTS)[number];

/** The status after `event`, or null when the event is not allowed from `status`. */
export function nextStatus(status: ConcernStatus, event: ConcernEvent): ConcernStatus | null {
  if (CONCERN_FINAL.includes(status)) return null;
  switch (event) {
    case "answer":
      return "answered";
    case "authorReply":
    case "forward":
      return "open";
    case "resolve":
      return "resolved";
    case "close":
      return "closed";
  }
}

/**
 * `waitingSince` after a step: an open concern waits from the day it (re)opened (kept when it was
 * open already, so a second author message does not reset the clock); otherwise it waits for nobody.
 */
export function nextWaitingSince(before: { status: ConcernStatus; waitingSince: string | null }, after: ConcernStatus, today: string): string | null {
  if (after !== "open") return null;
  return before.status === "open" && before.waitingSince ? before.waitingSince : today;
}

const parse = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Working days after `from` up to and including `to` (weekends and the given holidays skipped); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string> = new Set()): number {
  const d = parse(from);
  const end = parse(to);
  let n = 0;
  for (let i = 0; i < 3700 && d < end; i++) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6 && !holidays.has(d.toISOString().slice(0, 10))) n++;
  }
  return n;
}

/** A concern is overdue for a reminder when it has waited more than `limit` working days. */
export function isOverdue(waitingSince: string | null, today: string, limit: number, holidays: ReadonlySet<string> = new Set()): boolean {
  return waitingSince !== null && workingDaysBetween(waitingSince, today, holidays) > limit;
}
