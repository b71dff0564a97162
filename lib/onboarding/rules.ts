/**
 * Pure onboarding rules: due dates, buddy order, template generation from a role, the role-change
 * diff and calendar output. No database here, so each rule is unit-tested on its own.
 */
import type { RoleDoc } from "@/lib/roles/doc";
import { foldForSearch } from "@/lib/core/search-text";

export const DUE_DAY_MIN = -30;
export const DUE_DAY_MAX = 180;

const parse = (iso: string) => new Date(`${iso}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/**
 * The concrete date of a due day, counting working days (Monday to Friday) from the start date:
 * day 0 is the first working day on or after the start, day 1 the next working day, day -1 the
 * working day before it.
 */
export function dueDate(startIso: string, dueDay: number): string {
  const d = parse(startIso);
  while (isWeekend(d)) d.setUTCDate(d.getUTCDate() + 1);
  const step = dueDay < 0 ? -1 : 1;
  for (let left = Math.abs(dueDay); left > 0; ) {
    d.setUTCDate(d.getUTCDate() + step);
    if (!isWeekend(d)) left--;
  }
  return fmt(d);
}

/** Working days from the start to a date (negative before the start): "day N" of the plan. */
export function planDay(startIso: string, todayIso: string): number {
  const start = parse(dueDate(startIso, 0));
  const today = parse(todayIso);
  const step = today >= start ? 1 : -1;
  let n = 0;
  for (const d = new Date(start); fmt(d) !== fmt(today); d.setUTCDate(d.getUTCDate() + step)) {
    const next = new Date(d);
    next.setUTCDate(next.getUTCDate() + step);
    if (!isWeekend(next)) n += step;
    if (Math.abs(n) > 1000) break;
  }
  return n;
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
};

/**
 * The default template of a role: read and answer the role description; for each responsibility,
 * shadow the buddy, then do it with the buddy watching; HR's account, equipment and the tools the
 * role lists. Every item has a generation key so regenerating keeps
 * hand-made items and replaces only generated ones.
 */
export function generateTemplate(doc: RoleDoc, phrases: TemplatePhrases): TemplateItem[] {
  const items: TemplateItem[] = [
    { title: phrases.account, description: phrases.accountDescription, assignee: "hr", dueDay: -3, linkKind: null, linkKey: null, genKey: "hr:account" },
    { title: phrases.equipment, description: phrases.equipmentDescription, assignee: "hr", dueDay: -2, linkKind: null, linkKey: null, genKey: "hr:equipment" },
  ];
  // The tools the role lists; a role that lists none falls back to its technical capabilities.
  const listed = doc.tools?.length ? doc.tools : doc.responsibilities.flatMap((r) => r.capabilities.filter((x) => x.kind === "technical").map((c) => c.name));
  const tools = new Map<string, string>();
  for (const name of listed) if (!tools.has(foldForSearch(name))) tools.set(foldForSearch(name), name);
  for (const [folded, tool] of tools)
    items.push({ title: phrases.tool(tool), description: phrases.toolDescription, assignee: "hr", dueDay: -1, linkKind: null, linkKey: null, genKey: `tool:${folded}` });
  items.push({ title: phrases.welcome, description: phrases.welcomeDescription, assignee: "manager", dueDay: 0, linkKind: null, linkKey: null, genKey: "manager:welcome" });
  items.push({ title: phrases.readRole, description: phrases.readRoleDescription, assignee: "hire", dueDay: 0, linkKind: null, linkKey: null, genKey: "read-role" });
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
    });
    items.push({
      title: phrases.doWatched(r.title),
      description: phrases.doWatchedDescription,
      assignee: "buddy",
      dueDay: Math.min(shadowDay + 10, DUE_DAY_MAX),
      linkKind: "responsibility",
      linkKey: r.key,
      genKey: `do:${r.key}`,
    });
  });
  return items;
}

/**
 * Regenerating a template after a new role version: hand-made items stay as they are; generated
 * items are replaced by the new generation (titles follow the role), except that a generated item
 * someone edited by hand keeps its due day, assignee and description while it still exists.
 */
export function regenerate<T extends TemplateItem & { source: "generated" | "manual"; edited?: boolean }>(
  current: T[],
  generated: TemplateItem[],
): (TemplateItem & { source: "generated" | "manual"; edited: boolean })[] {
  const byGen = new Map(current.filter((c) => c.source === "generated" && c.genKey && c.edited).map((c) => [c.genKey!, c]));
  const next: (TemplateItem & { source: "generated" | "manual"; edited: boolean })[] = generated.map((g) => {
    const old = g.genKey ? byGen.get(g.genKey) : undefined;
    return {
      ...g,
      ...(old ? { dueDay: old.dueDay, assignee: old.assignee, description: old.description } : {}),
      source: "generated",
      edited: Boolean(old),
    };
  });
  return [...next, ...current.filter((c) => c.source === "manual").map((c) => ({ ...c, edited: false }))].sort((a, b) => a.dueDay - b.dueDay);
}

/** For a role change: the responsibilities of the new role that the person does not already have (by title). */
export function newResponsibilities(oldDoc: RoleDoc | null, newDoc: RoleDoc): RoleDoc["responsibilities"] {
  const had = new Set((oldDoc?.responsibilities ?? []).map((r) => foldForSearch(r.title)));
  return newDoc.responsibilities.filter((r) => !had.has(foldForSearch(r.title)));
}

/** The items of a role-change plan: the role description, and shadow/do items for new responsibilities only. */
export function roleChangeItems(template: TemplateItem[], oldDoc: RoleDoc | null, newDoc: RoleDoc): TemplateItem[] {
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
