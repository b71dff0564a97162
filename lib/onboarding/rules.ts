/**
 * Pure onboarding rules: due dates, buddy order, template generation from a role, the role-change
 * diff and calendar output. No database here, so each rule is unit-tested on its own.
 */
import type { RoleDoc } from "@/lib/roles/doc";
import { foldForSearch } from "@/lib/core/search-text";
import { CHECKIN_MILESTONES, type CheckinMilestone } from "@/lib/onboarding/vocabulary";

export const DUE_DAY_MIN = -30;
export const DUE_DAY_MAX = 180;

const parse = (iso: string) => new Date(`${iso}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;
const NO_HOLIDAYS: ReadonlySet<string> = new Set();
const working = (d: Date, holidays: ReadonlySet<string>) => !isWeekend(d) && !holidays.has(fmt(d));

/** A date shifted by whole calendar days (YYYY-MM-DD). */
export function addDays(iso: string, days: number): string {
  const d = parse(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fmt(d);
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(iso: string, holidays: ReadonlySet<string> = NO_HOLIDAYS): boolean {
  return working(parse(iso), holidays);
}

/** The first working day on or after a date. */
export function nextWorkingDay(iso: string, holidays: ReadonlySet<string> = NO_HOLIDAYS): string {
  const d = parse(iso);
  for (let i = 0; i < 400 && !working(d, holidays); i++) d.setUTCDate(d.getUTCDate() + 1);
  return fmt(d);
}

/**
 * The calendar window that holds every due date of a plan starting on a date (due days run from
 * -30 to 180 working days), for loading the public holidays once.
 */
export function dueDateWindow(startIso: string): { from: string; to: string } {
  return { from: addDays(startIso, -90), to: addDays(startIso, 420) };
}

/**
 * The concrete date of a due day, counting working days (Monday to Friday, public holidays
 * skipped) from the start date: day 0 is the first working day on or after the start, day 1 the
 * next working day, day -1 the working day before it.
 */
export function dueDate(startIso: string, dueDay: number, holidays: ReadonlySet<string> = NO_HOLIDAYS): string {
  const d = parse(startIso);
  for (let i = 0; i < 400 && !working(d, holidays); i++) d.setUTCDate(d.getUTCDate() + 1);
  const step = dueDay < 0 ? -1 : 1;
  for (let left = Math.abs(dueDay), guard = 0; left > 0 && guard < 2000; guard++) {
    d.setUTCDate(d.getUTCDate() + step);
    if (working(d, holidays)) left--;
  }
  return fmt(d);
}

/** Working days from the start to a date (negative before the start): "day N" of the plan. */
export function planDay(startIso: string, todayIso: string, holidays: ReadonlySet<string> = NO_HOLIDAYS): number {
  const start = parse(dueDate(startIso, 0, holidays));
  const today = parse(todayIso);
  const step = today >= start ? 1 : -1;
  let n = 0;
  for (const d = new Date(start); fmt(d) !== fmt(today); d.setUTCDate(d.getUTCDate() + step)) {
    const next = new Date(d);
    next.setUTCDate(next.getUTCDate() + step);
    if (working(next, holidays)) n += step;
    if (Math.abs(n) > 1000) break;
  }
  return n;
}

/** A reminder about one item goes out at most once per this many hours. */
export const REMINDER_INTERVAL_HOURS = 24;

/** When the next reminder about an item may go out (null: now). */
export function nextReminderAt(lastRemindedAt: string | null, now = new Date()): string | null {
  if (!lastRemindedAt) return null;
  const next = new Date(new Date(lastRemindedAt).getTime() + REMINDER_INTERVAL_HOURS * 3600_000);
  return next > now ? next.toISOString() : null;
}

export type BuddyCandidate = { id: number; name: string; startDate: string; currentBuddies: number };

/** Longest tenure first (earliest start date), then the fewest current buddies, then name. */
export function orderBuddies<T extends BuddyCandidate>(candidates: T[]): T[] {
  return [...candidates].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.currentBuddies - b.currentBuddies || a.name.localeCompare(b.name),
  );
}

export type TemplateItem = {
  title: string;
  description: string;
  assignee: "hire" | "manager" | "buddy" | "hr";
  dueDay: number;
  linkKind: "responsibility" | "task" | null;
  linkKey: string | null;
  genKey: string | null;
  /** JSON of the words a generated item is built from ({"responsibility": "…"}), for the reader's language. */
  genParams: string | null;
};

/** Text for generated items, in the organisation's language (the caller passes the phrases). */
export type TemplatePhrases = {
  readRole: string;
  readRoleDescription: string;
  shadow: (responsibility: string) => string;
  shadowDescription: string;
  doWatched: (responsibility: string) => string;
  doWatchedDescription: string;
  account: string;
  accountDescription: string;
  equipment: string;
  equipmentDescription: string;
  tool: (tool: string) => string;
  toolDescription: string;
  welcome: string;
  welcomeDescription: string;
  checkin: (milestone: CheckinMilestone) => string;
  checkinDescription: string;
  /** An item standing for a course that trains a capability the hire lacks (issue 11). */
  course: (course: string) => string;
  courseDescription: string;
};

/**
 * The default template of a role: read and answer the role description; for each responsibility,
 * shadow the buddy, then do it with the buddy watching; HR's account, equipment and the tools the
 * role lists. Every item has a generation key so regenerating keeps
 * hand-made items and replaces only generated ones.
 */
export function generateTemplate(doc: RoleDoc, phrases: TemplatePhrases): TemplateItem[] {
  const items: TemplateItem[] = [
    { title: phrases.account, description: phrases.accountDescription, assignee: "hr", dueDay: -3, linkKind: null, linkKey: null, genKey: "hr:account", genParams: null },
    { title: phrases.equipment, description: phrases.equipmentDescription, assignee: "hr", dueDay: -2, linkKind: null, linkKey: null, genKey: "hr:equipment", genParams: null },
  ];
  // The tools the role lists; a role that lists none falls back to its technical capabilities.
  const listed = doc.tools?.length ? doc.tools : doc.responsibilities.flatMap((r) => r.capabilities.filter((x) => x.kind === "technical").map((c) => c.name));
  const tools = new Map<string, string>();
  for (const name of listed) if (!tools.has(foldForSearch(name))) tools.set(foldForSearch(name), name);
  for (const [folded, tool] of tools)
    items.push({ title: phrases.tool(tool), description: phrases.toolDescription, assignee: "hr", dueDay: -1, linkKind: null, linkKey: null, genKey: `tool:${folded}`, genParams: JSON.stringify({ tool }) });
  items.push({ title: phrases.welcome, description: phrases.welcomeDescription, assignee: "manager", dueDay: 0, linkKind: null, linkKey: null, genKey: "manager:welcome", genParams: null });
  items.push({ title: phrases.readRole, description: phrases.readRoleDescription, assignee: "hire", dueDay: 0, linkKind: null, linkKey: null, genKey: "read-role", genParams: null });
  doc.responsibilities.forEach((r, i) => {
    const shadowDay = 1 + i * 3;
    items.push({
      title: phrases.shadow(r.title),
      description: phrases.shadowDescription,
      assignee: "hire",
      dueDay: Math.min(shadowDay, DUE_DAY_MAX),
      linkKind: "responsibility",
      linkKey: r.key,
      genKey: `shadow:${r.key}`,
      genParams: JSON.stringify({ responsibility: r.title }),
    });
    items.push({
      title: phrases.doWatched(r.title),
      description: phrases.doWatchedDescription,
      assignee: "buddy",
      dueDay: Math.min(shadowDay + 10, DUE_DAY_MAX),
      linkKind: "responsibility",
      linkKey: r.key,
      genKey: `do:${r.key}`,
      genParams: JSON.stringify({ responsibility: r.title }),
    });
  });
  return items;
}

export type SourcedItem = TemplateItem & { source: "generated" | "manual"; edited: boolean };

/**
 * Regenerating a template after a new role version: hand-made items stay as they are; generated
 * items are replaced by the new generation (titles follow the role), except that a generated item
 * someone edited by hand is kept as they wrote it (title, description, due day, assignee). An
 * edited item whose source left the role stays too, without its link to the role.
 */
export function regenerate<T extends TemplateItem & { source: "generated" | "manual"; edited?: boolean }>(current: T[], generated: TemplateItem[]): SourcedItem[] {
  const editedByGen = new Map(current.filter((c) => c.source === "generated" && c.genKey && c.edited).map((c) => [c.genKey!, c]));
  const fresh = new Set(generated.map((g) => g.genKey));
  const pick = (c: T): TemplateItem => ({
    title: c.title,
    description: c.description,
    assignee: c.assignee,
    dueDay: c.dueDay,
    linkKind: c.linkKind,
    linkKey: c.linkKey,
    genKey: c.genKey,
    genParams: c.genParams ?? null,
  });
  const next: SourcedItem[] = generated.map((g) => {
    const old = g.genKey ? editedByGen.get(g.genKey) : undefined;
    return old
      ? { ...g, title: old.title, description: old.description, dueDay: old.dueDay, assignee: old.assignee, source: "generated", edited: true }
      : { ...g, source: "generated", edited: false };
  });
  const orphans: SourcedItem[] = current
    .filter((c) => c.source === "generated" && c.edited && c.genKey && !fresh.has(c.genKey))
    .map((c) => ({ ...pick(c), linkKind: null, linkKey: null, source: "generated", edited: true }));
  const manual: SourcedItem[] = current.filter((c) => c.source === "manual").map((c) => ({ ...pick(c), source: "manual", edited: false }));
  return [...next, ...orphans, ...manual].sort((a, b) => a.dueDay - b.dueDay);
}

export type RegenerationPreview<T> = {
  /** Generated items the role now calls for that the template lacks. */
  added: TemplateItem[];
  /** Generated, unedited items whose source left the role. */
  removed: T[];
  /** Generated items whose words change with the role (a renamed responsibility…). */
  updated: T[];
  /** Items edited by hand, kept as they are. */
  keptEdited: T[];
  /** Items added by hand, kept as they are. */
  keptManual: T[];
};

/** What regenerating would change, for the preview before it is confirmed. */
export function previewRegeneration<T extends TemplateItem & { source: "generated" | "manual"; edited?: boolean }>(current: T[], generated: TemplateItem[]): RegenerationPreview<T> {
  const had = new Set(current.filter((c) => c.source === "generated" && c.genKey).map((c) => c.genKey!));
  const byGen = new Map(generated.map((g) => [g.genKey, g]));
  const plain = current.filter((c) => c.source === "generated" && !c.edited);
  return {
    added: generated.filter((g) => !g.genKey || !had.has(g.genKey)),
    removed: plain.filter((c) => !c.genKey || !byGen.has(c.genKey)),
    updated: plain.filter((c) => {
      const g = c.genKey ? byGen.get(c.genKey) : undefined;
      return Boolean(g && ((g.genParams ?? null) !== (c.genParams ?? null) || g.title !== c.title || g.description !== c.description || g.linkKey !== c.linkKey));
    }),
    keptEdited: current.filter((c) => c.source === "generated" && c.edited),
    keptManual: current.filter((c) => c.source === "manual"),
  };
}

/**
 * Check-ins at day 1, week 1 and days 30, 60 and 90 (in working days: 0, 4, 21, 42 and 63), owed by
 * the plan's manager; the buddy and the hire attend.
 */
export const CHECKIN_DUE_DAYS: Record<CheckinMilestone, number> = { day1: 0, week1: 4, day30: 21, day60: 42, day90: 63 };

export function checkinItems(phrases: TemplatePhrases): TemplateItem[] {
  return CHECKIN_MILESTONES.map((m) => ({
    title: phrases.checkin(m),
    description: phrases.checkinDescription,
    assignee: "manager" as const,
    dueDay: CHECKIN_DUE_DAYS[m],
    linkKind: null,
    linkKey: null,
    genKey: `checkin:${m}`,
    genParams: null,
  }));
}

/** For a role change: the responsibilities of the new role that the person does not already have (by title). */
export function newResponsibilities(oldDoc: RoleDoc | null, newDoc: RoleDoc): RoleDoc["responsibilities"] {
  const had = new Set((oldDoc?.responsibilities ?? []).map((r) => foldForSearch(r.title)));
  return newDoc.responsibilities.filter((r) => !had.has(foldForSearch(r.title)));
}

/** The items of a role-change plan: the role description, and shadow/do items for new responsibilities only. */
export function roleChangeItems<T extends TemplateItem>(template: T[], oldDoc: RoleDoc | null, newDoc: RoleDoc): T[] {
  const fresh = new Set(newResponsibilities(oldDoc, newDoc).map((r) => r.key));
  return template.filter((i) => i.genKey === "read-role" || (i.linkKind === "responsibility" && i.linkKey && fresh.has(i.linkKey)));
}

// ---- Calendar (RFC 5545) ----

function escapeText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets, as RFC 5545 requires. */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Never split a UTF-8 character.
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
    limit = 74;
  }
  return parts.join("\r\n ");
}

export type CalendarEvent = { uid: string; date: string; summary: string; description: string; url?: string };

/**
 * An iCalendar file of all-day events. Stable UIDs (one per item) make a calendar app update the
 * same events when the file is downloaded again.
 */
export function toIcs(events: CalendarEvent[], now = new Date(), name = "Rolebook"): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rolebook//Onboarding//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(name)}`];
  for (const e of events) {
    const start = e.date.replace(/-/g, "");
    const next = new Date(`${e.date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${start}`,
      `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, "")}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
