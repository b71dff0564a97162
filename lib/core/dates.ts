/** Today's date in UTC as YYYY-MM-DD (dates in Rolebook are calendar days, compared as strings). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
