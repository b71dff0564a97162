/** Follow-up due dates (issue 12, point 5). Pure: no database. */

const parse = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The day `n` working days after `from` (weekends and the given holidays skipped). */
export function addWorkingDays(from: string, n: number, holidays: ReadonlySet<string> = new Set()): string {
  const d = parse(from);
  let left = n;
  for (let i = 0; i < 3700 && left > 0; i++) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6 && !holidays.has(d.toISOString().slice(0, 10))) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** An unsolved follow-up is overdue once its due day has passed. */
export function isFollowupOverdue(f: { status: string; dueOn: string }, today: string): boolean {
  return f.status !== "solved" && f.dueOn < today;
}

/** The calendar quarter of a day, "2026-Q4": the period of upward feedback. */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}
