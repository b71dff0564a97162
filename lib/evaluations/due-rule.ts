/**
 * When a person's next evaluation is due (pure, no database: lib/evaluations/due.ts computes the
 * same in SQL for lists, and its test checks the two agree).
 *
 * - Until a first evaluation is released: the probation evaluation, `probationDays` after the start date.
 * - After that: a periodic one, `intervalMonths` after the period end of the last released evaluation
 *   (any kind: a probation evaluation already done counts). A month past the end of a shorter month
 *   is that month's last day (31 January + 1 month = 28 or 29 February).
 * - Overdue: the due date is before today (the organisation's today: `todayIso`).
 */

export type DueKind = "probation" | "periodic";
export type DueSchedule = { probationDays: number; intervalMonths: number };
export type Due = { kind: DueKind; dueDate: string; overdue: boolean };

/** How far ahead "Evaluations due" looks. */
export const DUE_HORIZON_DAYS = 30;

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  return [y, m, d];
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar day plus n days (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return iso(new Date(Date.UTC(y, m - 1, d + n)));
}

/** A calendar day plus n months, clamped to the target month's last day. */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))));
}

export function nextDue(person: { startDate: string; lastReleasedEnd: string | null }, schedule: DueSchedule, today: string): Due {
  const dueDate = person.lastReleasedEnd ? addMonths(person.lastReleasedEnd, schedule.intervalMonths) : addDays(person.startDate, schedule.probationDays);
  return { kind: person.lastReleasedEnd ? "periodic" : "probation", dueDate, overdue: dueDate < today };
}

/** Whether a due date belongs on "Evaluations due": overdue, or due within the horizon. */
export function isListedDue(dueDate: string, today: string): boolean {
  return dueDate <= addDays(today, DUE_HORIZON_DAYS);
}
