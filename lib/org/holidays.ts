import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { holidays } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { FieldError, NotFoundError } from "@/lib/core/errors";
import { NAME_MAX } from "@/lib/core/limits";
import { pageOf, type Page } from "@/lib/core/pagination";
import { dateInRange } from "@/lib/core/validation";

export const HOLIDAYS_PAGE_SIZE = 20;

export type Holiday = { id: number; date: string; name: string };

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The public holidays, by date, a page at a time. HR only. */
export function listHolidays(actor: Actor, page = 1): Page<Holiday> {
  authorize(actor, "organisation.manage", { type: "holiday" });
  const db = getDb();
  const total = db.select({ n: count() }).from(holidays).get()?.n ?? 0;
  const p = pageOf(total, page, HOLIDAYS_PAGE_SIZE);
  const rows = db
    .select({ id: holidays.id, date: holidays.date, name: holidays.name })
    .from(holidays)
    .orderBy(asc(holidays.date))
    .limit(HOLIDAYS_PAGE_SIZE)
    .offset(p.offset)
    .all();
  return { rows, total, page: p.page, pageCount: p.pageCount, pageSize: HOLIDAYS_PAGE_SIZE };
}

/** HR adds a public holiday; a date that is not a real day, or already a holiday, is refused on the date field. */
export function addHoliday(actor: Actor, input: { date: string; name: string }): Holiday {
  authorize(actor, "organisation.manage", { type: "holiday" });
  const date = input.date.trim();
  const name = input.name.trim();
  const errors: Record<string, string> = {};
  if (!isCalendarDay(date)) errors.date = "invalidDate";
  else if (!dateInRange(date)) errors.date = "dateOutOfRange";
  if (!name) errors.name = "required";
  else if (name.length > NAME_MAX) errors.name = "titleTooLong";
  if (Object.keys(errors).length) throw new FieldError(errors);
  return getDb().transaction((tx) => {
    if (tx.select({ id: holidays.id }).from(holidays).where(eq(holidays.date, date)).get()) throw new FieldError({ date: "holidayTaken" });
    const row = tx.insert(holidays).values({ date, name, createdById: actor.id }).returning({ id: holidays.id }).get();
    audit({ actorId: actor.id, action: "holiday.add", entityType: "holiday", entityId: row.id, detail: { date, name } }, tx);
    return { id: row.id, date, name };
  });
}

/** HR removes a public holiday. */
export function removeHoliday(actor: Actor, id: number): void {
  authorize(actor, "organisation.manage", { type: "holiday", id });
  getDb().transaction((tx) => {
    const row = tx.select().from(holidays).where(eq(holidays.id, id)).get();
    if (!row) throw new NotFoundError("holiday");
    tx.delete(holidays).where(eq(holidays.id, id)).run();
    audit({ actorId: actor.id, action: "holiday.remove", entityType: "holiday", entityId: id, detail: { date: row.date, name: row.name } }, tx);
  });
}
