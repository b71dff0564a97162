import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en.json";
import { simpleTranslator, templatePhrases } from "@/lib/onboarding/phrases";
import {
  DUE_DAY_MAX,
  DUE_DAY_MIN,
  dueDate,
  generateTemplate,
  newResponsibilities,
  orderBuddies,
  planDay,
  addDays,
  CHECKIN_DUE_DAYS,
  checkinItems,
  isWorkingDay,
  nextReminderAt,
  nextWorkingDay,
  previewRegeneration,
  regenerate,
  roleChangeItems,
  toIcs,
  type BuddyCandidate,
  type CalendarEvent,
  type TemplateItem,
} from "@/lib/onboarding/rules";
import { emptyResponsibility, type RoleDoc, type RoleResponsibility } from "@/lib/roles/doc";

const phrases = templatePhrases(simpleTranslator(en.onboarding.generated));

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekday = (iso: string) => weekday(iso) >= 1 && weekday(iso) <= 5;

// January 2025: Wed 1, Thu 2, Fri 3, Sat 4, Sun 5, Mon 6, Tue 7, Wed 8 … Mon 13.
const MON = "2025-01-06";
const WED = "2025-01-08";
const FRI = "2025-01-03";
const SAT = "2025-01-04";
const SUN = "2025-01-05";

describe("dueDate", () => {
  it("day 0 on a weekday start is the start itself", () => {
    expect(dueDate(MON, 0)).toBe(MON);
    expect(dueDate(WED, 0)).toBe(WED);
    expect(dueDate(FRI, 0)).toBe(FRI);
  });

  it("a Saturday or Sunday start moves day 0 to the Monday", () => {
    expect(dueDate(SAT, 0)).toBe(MON);
    expect(dueDate(SUN, 0)).toBe(MON);
  });

  it("positive days count working days and skip weekends", () => {
    expect(dueDate(FRI, 1)).toBe(MON);
    expect(dueDate(MON, 1)).toBe("2025-01-07");
    expect(dueDate(MON, 4)).toBe("2025-01-10");
    expect(dueDate(MON, 5)).toBe("2025-01-13");
    expect(dueDate(WED, 3)).toBe("2025-01-13");
    expect(dueDate(SAT, 1)).toBe("2025-01-07");
    // Across a year end: Friday 27 December 2024 + 1 is Monday 30 December.
    expect(dueDate("2024-12-27", 1)).toBe("2024-12-30");
    expect(dueDate("2024-12-27", 3)).toBe("2025-01-01");
  });

  it("negative days go back over weekends", () => {
    expect(dueDate(MON, -1)).toBe(FRI);
    expect(dueDate(MON, -3)).toBe("2025-01-01");
    expect(dueDate(WED, -3)).toBe(FRI);
    expect(dueDate(MON, -5)).toBe("2024-12-30");
    // From a weekend start, day -1 is the Friday before (day 0 is the Monday after).
    expect(dueDate(SAT, -1)).toBe(FRI);
    expect(dueDate(SUN, -3)).toBe("2025-01-01");
  });

  it("large values stay on weekdays", () => {
    expect(dueDate(MON, 180)).toBe("2025-09-15"); // 36 whole weeks later
    for (const start of [MON, WED, FRI, SAT, SUN, "2024-02-29"]) {
      for (const day of [DUE_DAY_MIN, -29, -7, 13, 97, 179, DUE_DAY_MAX]) {
        const due = dueDate(start, day);
        expect(isWeekday(due), `${start} ${day} → ${due}`).toBe(true);
      }
    }
  });

  it("planDay inverts dueDate", () => {
    for (const start of [MON, WED, FRI, SAT, SUN, "2024-12-27", "2024-02-28"]) {
      for (const day of [-30, -6, -3, -1, 0, 1, 2, 4, 5, 6, 17, 60, 180]) {
        expect(planDay(start, dueDate(start, day)), `${start} day ${day}`).toBe(day);
      }
    }
  });

  it("planDay counts a weekend today as the last working day before it", () => {
    expect(planDay(MON, "2025-01-11")).toBe(4); // Saturday after a Monday start: Friday was day 4
    expect(planDay(MON, MON)).toBe(0);
  });
});

describe("orderBuddies", () => {
  const candidates: BuddyCandidate[] = [
    { id: 1, name: "Zoe", startDate: "2020-05-01", currentBuddies: 2 },
    { id: 2, name: "Anna", startDate: "2021-01-01", currentBuddies: 0 },
    { id: 3, name: "Bram", startDate: "2020-05-01", currentBuddies: 0 },
    { id: 4, name: "Aart", startDate: "2020-05-01", currentBuddies: 0 },
    { id: 5, name: "Cees", startDate: "2018-09-30", currentBuddies: 5 },
  ];

  it("puts the longest tenure first, then the fewest current buddies, then the name", () => {
    expect(orderBuddies(candidates).map((c) => c.id)).toEqual([5, 4, 3, 1, 2]);
  });

  it("does not mutate its input and keeps extra fields", () => {
    const input = candidates.map((c) => ({ ...c, extra: `x${c.id}` }));
    const copy = structuredClone(input);
    const out = orderBuddies(input);
    expect(input).toEqual(copy);
    expect(out).not.toBe(input);
    expect(out[0]).toEqual({ id: 5, name: "Cees", startDate: "2018-09-30", currentBuddies: 5, extra: "x5" });
  });

  it("handles an empty list", () => {
    expect(orderBuddies([])).toEqual([]);
  });
});

/** Capabilities are keyed by their position (these rules read names and kinds only). */
const resp = (key: string, title: string, capabilities: Omit<RoleResponsibility["capabilities"][number], "key">[] = []): RoleResponsibility => ({
  ...emptyResponsibility(key),
  title,
  capabilities: capabilities.map((c, i) => ({ key: `${key}-c${i}`, ...c })),
});

const doc: RoleDoc = {
  title: "Service Advisor",
  purpose: "Helps customers.",
  responsibilities: [
    resp("r-greet", "Greet customers", [
      { name: "DMS booking screens", kind: "technical" },
      { name: "Smiling at people", kind: "interpersonal" },
    ]),
    resp("r-diag", "Diagnose faults", [
      { name: "Diagnostic tester", kind: "technical" },
      { name: "dms  BOOKING screens", kind: "technical" },
      { name: "Brand model range", kind: "customer" },
    ]),
    resp("r-cafe", "Coffee corner", [
      { name: "Café machine", kind: "technical" },
      { name: "CAFE MACHINE", kind: "technical" },
    ]),
  ],
};

const byGenKey = (items: TemplateItem[], genKey: string) => items.find((i) => i.genKey === genKey);

describe("generateTemplate", () => {
  const items = generateTemplate(doc, phrases);

  it("has a read-role item for the hire on day 0", () => {
    expect(byGenKey(items, "read-role")).toMatchObject({
      title: phrases.readRole,
      description: phrases.readRoleDescription,
      assignee: "hire",
      dueDay: 0,
      linkKind: null,
      linkKey: null,
    });
  });

  it("has a shadow item (hire) and a do-with-buddy-watching item (buddy) per responsibility, in order", () => {
    const shadows = items.filter((i) => i.genKey?.startsWith("shadow:"));
    const dos = items.filter((i) => i.genKey?.startsWith("do:"));
    expect(shadows.map((i) => i.linkKey)).toEqual(["r-greet", "r-diag", "r-cafe"]);
    expect(dos.map((i) => i.linkKey)).toEqual(["r-greet", "r-diag", "r-cafe"]);
    doc.responsibilities.forEach((r, n) => {
      const shadow = shadows[n];
      const watched = dos[n];
      expect(shadow).toMatchObject({ title: phrases.shadow(r.title), assignee: "hire", linkKind: "responsibility", linkKey: r.key, genKey: `shadow:${r.key}` });
      expect(watched).toMatchObject({ title: phrases.doWatched(r.title), assignee: "buddy", linkKind: "responsibility", linkKey: r.key, genKey: `do:${r.key}` });
      expect(shadow.title).toContain(r.title);
      expect(shadow.dueDay).toBeGreaterThan(0);
      expect(watched.dueDay).toBeGreaterThan(shadow.dueDay);
      if (n > 0) {
        expect(shadow.dueDay).toBeGreaterThan(shadows[n - 1].dueDay);
        expect(watched.dueDay).toBeGreaterThan(dos[n - 1].dueDay);
      }
    });
    // The shadow item comes before its do item in the list, too.
    for (const r of doc.responsibilities)
      expect(items.findIndex((i) => i.genKey === `shadow:${r.key}`)).toBeLessThan(items.findIndex((i) => i.genKey === `do:${r.key}`));
  });

  it("has HR's account and equipment items before day 0", () => {
    expect(byGenKey(items, "hr:account")).toMatchObject({ title: phrases.account, assignee: "hr" });
    expect(byGenKey(items, "hr:equipment")).toMatchObject({ title: phrases.equipment, assignee: "hr" });
    expect(byGenKey(items, "hr:account")!.dueDay).toBeLessThan(0);
    expect(byGenKey(items, "hr:equipment")!.dueDay).toBeLessThan(0);
  });

  it("has one tool item per distinct technical capability (case and accents folded), none for other kinds", () => {
    const tools = items.filter((i) => i.genKey?.startsWith("tool:"));
    expect(tools).toHaveLength(3);
    expect(tools.map((t) => t.genKey).sort()).toEqual(["tool:cafe machine", "tool:diagnostic tester", "tool:dms booking screens"]);
    for (const t of tools) {
      expect(t.assignee).toBe("hr");
      expect(t.dueDay).toBeLessThan(0);
      expect(t.description).toBe(phrases.toolDescription);
    }
    expect(tools.some((t) => t.title === phrases.tool("Diagnostic tester"))).toBe(true);
    const titles = items.map((i) => i.title).join("\n");
    expect(titles).not.toContain("Smiling at people");
    expect(titles).not.toContain("Brand model range");
  });

  it("gives every item a unique generation key and keeps due days within range", () => {
    const keys = items.map((i) => i.genKey);
    expect(keys.every((k) => typeof k === "string" && k.length > 0)).toBe(true);
    expect(new Set(keys).size).toBe(items.length);
    for (const i of items) {
      expect(i.dueDay).toBeGreaterThanOrEqual(DUE_DAY_MIN);
      expect(i.dueDay).toBeLessThanOrEqual(DUE_DAY_MAX);
    }
  });

  it("keeps due days within range for the largest role (30 responsibilities)", () => {
    const big: RoleDoc = { ...doc, responsibilities: Array.from({ length: 30 }, (_, n) => resp(`k${n}`, `Responsibility ${n}`)) };
    const many = generateTemplate(big, phrases);
    expect(many.filter((i) => i.linkKind === "responsibility")).toHaveLength(60);
    expect(new Set(many.map((i) => i.genKey)).size).toBe(many.length);
    for (const i of many) expect(i.dueDay >= DUE_DAY_MIN && i.dueDay <= DUE_DAY_MAX).toBe(true);
  });

  it("for a role without responsibilities still has the read-role and HR items", () => {
    const empty = generateTemplate({ ...doc, responsibilities: [] }, phrases);
    expect(empty.map((i) => i.genKey)).toEqual(expect.arrayContaining(["read-role", "hr:account", "hr:equipment"]));
    expect(empty.some((i) => i.linkKind === "responsibility")).toBe(false);
  });
});

describe("regenerate", () => {
  type Row = TemplateItem & { source: "generated" | "manual"; edited?: boolean };
  const current: Row[] = [
    ...generateTemplate(doc, phrases).map((i) => ({ ...i, source: "generated" as const })),
    { title: "Lunch with the team", description: "Friday", assignee: "manager", dueDay: 3, linkKind: null, linkKey: null, genKey: null, genParams: null, source: "manual" },
    { title: "Practise on the diagnosis bench", description: "", assignee: "hire", dueDay: 30, linkKind: "responsibility", linkKey: "r-diag", genKey: null, genParams: null, source: "manual" },
  ];
  // A person edited the shadow item of the greeting responsibility.
  const edited = current.find((i) => i.genKey === "shadow:r-greet")!;
  edited.dueDay = 9;
  edited.assignee = "manager";
  edited.description = "Edited by hand";
  edited.title = "Follow Anna at the front desk";
  edited.edited = true;
  // An untouched generated item whose day was changed without being marked edited is refreshed.
  const untouched = current.find((i) => i.genKey === "do:r-greet")!;
  untouched.dueDay = 99;

  const newDoc: RoleDoc = {
    ...doc,
    responsibilities: [{ ...doc.responsibilities[0], title: "Greet every customer" }, doc.responsibilities[2], resp("r-new", "Courtesy cars", [{ name: "Fleet app", kind: "technical" }])],
  };
  const next = regenerate(current, generateTemplate(newDoc, phrases));

  it("keeps hand-made items", () => {
    const manual = next.filter((i) => i.source === "manual");
    expect(manual.map((i) => i.title).sort()).toEqual(["Lunch with the team", "Practise on the diagnosis bench"]);
    expect(manual.find((i) => i.title === "Lunch with the team")).toMatchObject({ assignee: "manager", dueDay: 3, description: "Friday" });
  });

  it("drops generated items of a removed responsibility (and its tools)", () => {
    expect(next.some((i) => i.source === "generated" && i.linkKey === "r-diag")).toBe(false);
    expect(next.some((i) => i.genKey === "tool:diagnostic tester")).toBe(false);
  });

  it("adds items for new responsibilities", () => {
    const added = next.filter((i) => i.linkKey === "r-new");
    expect(added.map((i) => i.genKey).sort()).toEqual(["do:r-new", "shadow:r-new"]);
    expect(added.every((i) => i.source === "generated")).toBe(true);
    expect(next.some((i) => i.genKey === "tool:fleet app")).toBe(true);
  });

  it("keeps the edits to a generated item that still exists", () => {
    expect(next.find((i) => i.genKey === "shadow:r-greet")).toMatchObject({ dueDay: 9, assignee: "manager", description: "Edited by hand", source: "generated" });
    // The title written by hand is kept too; the unedited sibling follows the new responsibility title.
    expect(next.find((i) => i.genKey === "shadow:r-greet")?.title).toBe("Follow Anna at the front desk");
    expect(next.find((i) => i.genKey === "do:r-greet")).toMatchObject({ title: phrases.doWatched("Greet every customer"), assignee: "buddy" });
    expect(next.find((i) => i.genKey === "shadow:r-greet")?.edited).toBe(true);
  });

  it("refreshes generated items nobody edited", () => {
    const fresh = generateTemplate({ ...doc, responsibilities: doc.responsibilities }, phrases);
    expect(next.find((i) => i.genKey === "do:r-greet")?.dueDay).not.toBe(99);
    expect(next.find((i) => i.genKey === "do:r-greet")?.edited).toBe(false);
    expect(fresh.length).toBeGreaterThan(0);
  });

  it("returns items by due day and leaves its input alone", () => {
    const days = next.map((i) => i.dueDay);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(current.filter((i) => i.linkKey === "r-diag")).toHaveLength(3);
    expect(new Set(next.filter((i) => i.genKey).map((i) => i.genKey)).size).toBe(next.filter((i) => i.genKey).length);
  });
});

describe("newResponsibilities and roleChangeItems", () => {
  const newDoc: RoleDoc = {
    ...doc,
    responsibilities: [...doc.responsibilities, resp("r-cars", "Courtesy cars")],
  };
  // The old role shares two responsibilities with the new one, written differently.
  const oldDoc: RoleDoc = {
    title: "Receptionist",
    purpose: "",
    responsibilities: [resp("o-1", "  GREET   customers "), resp("o-2", "Diagnose fäults"), resp("o-3", "Answer the phone")],
  };

  it("returns only the responsibilities whose folded titles are new to the person", () => {
    expect(newResponsibilities(oldDoc, newDoc).map((r) => r.key)).toEqual(["r-cafe", "r-cars"]);
  });

  it("treats everything as new without an old role, and nothing when the role is the same", () => {
    expect(newResponsibilities(null, newDoc).map((r) => r.key)).toEqual(["r-greet", "r-diag", "r-cafe", "r-cars"]);
    expect(newResponsibilities(newDoc, newDoc)).toEqual([]);
  });

  it("builds a role-change plan of the read-role item and items for new responsibilities only", () => {
    const template = [
      ...generateTemplate(newDoc, phrases),
      { title: "Manual", description: "", assignee: "hire" as const, dueDay: 2, linkKind: null, linkKey: null, genKey: null, genParams: null },
    ];
    const items = roleChangeItems(template, oldDoc, newDoc);
    expect(items.map((i) => i.genKey).sort()).toEqual(["do:r-cafe", "do:r-cars", "read-role", "shadow:r-cafe", "shadow:r-cars"]);
    expect(items.some((i) => i.assignee === "hr")).toBe(false);
    expect(items.some((i) => i.genKey === "manager:welcome")).toBe(false);
  });

  it("without new responsibilities keeps only the read-role item", () => {
    expect(roleChangeItems(generateTemplate(newDoc, phrases), newDoc, newDoc).map((i) => i.genKey)).toEqual(["read-role"]);
  });
});

// ---- A small RFC 5545 reader for the calendar tests ----

type Prop = { name: string; params: string[]; value: string };

function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((l) => l !== "");
}

function parseLine(line: string): Prop {
  const colon = line.indexOf(":");
  const [name, ...params] = line.slice(0, colon).split(";");
  return { name, params, value: line.slice(colon + 1) };
}

function parseIcs(ics: string) {
  const lines = unfold(ics).map(parseLine);
  const events: Prop[][] = [];
  let current: Prop[] | null = null;
  const calendar: Prop[] = [];
  for (const p of lines) {
    if (p.name === "BEGIN" && p.value === "VEVENT") current = [];
    else if (p.name === "END" && p.value === "VEVENT") {
      events.push(current!);
      current = null;
    } else if (current) current.push(p);
    else calendar.push(p);
  }
  const get = (props: Prop[], name: string) => props.find((p) => p.name === name);
  return {
    lines,
    calendar,
    events: events.map((e) => ({
      props: e,
      uid: get(e, "UID")?.value,
      dtstart: get(e, "DTSTART"),
      dtend: get(e, "DTEND"),
      stamp: get(e, "DTSTAMP")?.value,
      summary: unescapeText(get(e, "SUMMARY")?.value ?? ""),
      description: get(e, "DESCRIPTION") ? unescapeText(get(e, "DESCRIPTION")!.value) : undefined,
      url: get(e, "URL")?.value,
    })),
  };
}

describe("toIcs", () => {
  const events: CalendarEvent[] = [
    { uid: "onboarding-item-1@rolebook", date: "2025-01-31", summary: "Shadow your buddy, then; do it\nyourself \\ twice", description: "Line one\nLine two, with a comma", url: "http://x/onboarding/1" },
    { uid: "onboarding-item-2@rolebook", date: "2024-12-31", summary: "Year end", description: "" },
    { uid: "onboarding-item-3@rolebook", date: "2025-03-05", summary: "Plain", description: "Something" },
  ];
  const now = new Date("2025-01-02T10:20:30.456Z");
  const ics = toIcs(events, now);
  const parsed = parseIcs(ics);

  it("wraps the events in a VCALENDAR", () => {
    expect(parsed.lines[0]).toEqual({ name: "BEGIN", params: [], value: "VCALENDAR" });
    expect(parsed.lines[parsed.lines.length - 1]).toEqual({ name: "END", params: [], value: "VCALENDAR" });
    expect(parsed.calendar.find((p) => p.name === "VERSION")?.value).toBe("2.0");
    expect(parsed.calendar.some((p) => p.name === "PRODID")).toBe(true);
  });

  it("has one VEVENT per event, with its UID", () => {
    expect(parsed.events).toHaveLength(3);
    expect(parsed.events.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics.match(/END:VEVENT/g)).toHaveLength(3);
  });

  it("writes all-day dates with DTEND on the next day, across month and year ends", () => {
    const [a, b, c] = parsed.events;
    expect(a.dtstart).toEqual({ name: "DTSTART", params: ["VALUE=DATE"], value: "20250131" });
    expect(a.dtend).toEqual({ name: "DTEND", params: ["VALUE=DATE"], value: "20250201" });
    expect(b.dtstart?.value).toBe("20241231");
    expect(b.dtend?.value).toBe("20250101");
    expect(c.dtstart?.value).toBe("20250305");
    expect(c.dtend).toEqual({ name: "DTEND", params: ["VALUE=DATE"], value: "20250306" });
    expect(a.stamp).toBe("20250102T102030Z");
  });

  it("round-trips summaries and descriptions with commas, semicolons, backslashes and newlines", () => {
    expect(parsed.events[0].summary).toBe(events[0].summary);
    expect(parsed.events[0].description).toBe(events[0].description);
    expect(parsed.events[0].url).toBe("http://x/onboarding/1");
    expect(parsed.events[1].description).toBeUndefined();
    // Escaped on the wire: no raw newline inside a property value.
    expect(ics).toContain("SUMMARY:Shadow your buddy\\, then\\; do it\\nyourself \\\\ twice");
  });

  it("ends every line with CRLF", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(/(?<!\r)\n/.test(ics)).toBe(false);
    expect(/\r(?!\n)/.test(ics)).toBe(false);
  });

  it("folds long non-ASCII lines at 75 octets without splitting a UTF-8 character", () => {
    const summary = "Ēriks Šķēle — “Pārbaudīt riepas” ✔︎ 🚗 ".repeat(8) + "Ğüşiöç İı".repeat(5);
    const out = toIcs([{ uid: "u@rolebook", date: "2025-02-03", summary, description: "日本語の説明".repeat(20) }], now, "Rolebook — Nora Bērziņa");
    const physical = out.split("\r\n").slice(0, -1);
    expect(physical.some((l) => l.startsWith(" "))).toBe(true);
    for (const line of physical) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(out).not.toContain("\uFFFD");
    const back = parseIcs(out);
    expect(back.events[0].summary).toBe(summary);
    expect(back.events[0].description).toBe("日本語の説明".repeat(20));
    expect(unescapeText(back.calendar.find((p) => p.name === "X-WR-CALNAME")!.value)).toBe("Rolebook — Nora Bērziņa");
  });

  it("gives the same UIDs for the same input at another time", () => {
    const later = parseIcs(toIcs(events, new Date("2025-06-01T08:00:00Z")));
    expect(later.events.map((e) => e.uid)).toEqual(parsed.events.map((e) => e.uid));
    expect(later.events[0].stamp).not.toBe(parsed.events[0].stamp);
  });

  it("writes an empty calendar for no events", () => {
    const empty = parseIcs(toIcs([], now));
    expect(empty.events).toEqual([]);
    expect(empty.lines[0].value).toBe("VCALENDAR");
  });
});

describe("tools the role lists", () => {
  const base: RoleDoc = {
    title: "Parts Clerk",
    purpose: "",
    tools: ["DMS parts module", "Barcode scanner", "dms PARTS module"],
    responsibilities: [],
  };
  const phrasesForTools = templatePhrases(simpleTranslator(en.onboarding.generated));

  it("prepares one HR item per listed tool (duplicates folded), instead of the technical capabilities", () => {
    const items = generateTemplate(base, phrasesForTools).filter((i) => i.genKey?.startsWith("tool:"));
    expect(items.map((i) => i.title)).toEqual([phrasesForTools.tool("DMS parts module"), phrasesForTools.tool("Barcode scanner")]);
    expect(items.every((i) => i.assignee === "hr" && i.dueDay < 0)).toBe(true);
  });
});

describe("regenerate keeps edited items whose source left the role", () => {
  const base = generateTemplate(doc, phrases).map((i) => ({ ...i, source: "generated" as const, edited: false }));
  const diag = base.find((i) => i.genKey === "shadow:r-diag")!;
  const current = base.map((i) => (i === diag ? { ...i, title: "Bench practice with Jan", edited: true } : i));
  const withoutDiag: RoleDoc = { ...doc, responsibilities: doc.responsibilities.filter((r) => r.key !== "r-diag") };

  it("keeps the edited item with its title, unlinked from the removed responsibility", () => {
    const next = regenerate(current, generateTemplate(withoutDiag, phrases));
    expect(next.find((i) => i.genKey === "shadow:r-diag")).toMatchObject({ title: "Bench practice with Jan", edited: true, linkKind: null, linkKey: null });
    expect(next.some((i) => i.genKey === "do:r-diag")).toBe(false);
  });

  it("previews what it adds, removes, updates and keeps", () => {
    const renamed: RoleDoc = {
      ...withoutDiag,
      responsibilities: [{ ...withoutDiag.responsibilities[0], title: "Greet every customer" }, ...withoutDiag.responsibilities.slice(1), resp("r-new", "Courtesy cars")],
    };
    const manualItem = { title: "Lunch", description: "", assignee: "manager" as const, dueDay: 3, linkKind: null, linkKey: null, genKey: null, genParams: null, source: "manual" as const, edited: false };
    const preview = previewRegeneration([...current, manualItem], generateTemplate(renamed, phrases));
    expect(preview.added.map((i) => i.genKey).sort()).toEqual(["do:r-new", "shadow:r-new"]);
    expect(preview.removed.map((i) => i.genKey)).toContain("do:r-diag");
    expect(preview.removed.map((i) => i.genKey)).not.toContain("shadow:r-diag");
    expect(preview.keptEdited.map((i) => i.title)).toEqual(["Bench practice with Jan"]);
    expect(preview.keptManual.map((i) => i.title)).toEqual(["Lunch"]);
    expect(preview.updated.map((i) => i.genKey).sort()).toEqual(["do:r-greet", "shadow:r-greet"]);
    // Nothing to change when the role did not change.
    const same = previewRegeneration(base, generateTemplate(doc, phrases));
    expect([same.added, same.removed, same.updated, same.keptEdited]).toEqual([[], [], [], []]);
  });
});

describe("working days and public holidays", () => {
  // Monday 6 January 2025 is a holiday here; Wednesday 8 too.
  const holidays = new Set(["2025-01-06", "2025-01-08"]);

  it("a weekend or a holiday is not a working day; the next working day skips both", () => {
    expect(isWorkingDay(SAT)).toBe(false);
    expect(isWorkingDay(MON)).toBe(true);
    expect(isWorkingDay(MON, holidays)).toBe(false);
    expect(nextWorkingDay(SAT)).toBe(MON);
    expect(nextWorkingDay(SAT, holidays)).toBe("2025-01-07");
    expect(nextWorkingDay("2025-01-07", holidays)).toBe("2025-01-07");
    expect(addDays("2025-01-30", 3)).toBe("2025-02-02");
  });

  it("due dates skip public holidays as they skip weekends", () => {
    expect(dueDate(FRI, 1)).toBe(MON);
    expect(dueDate(FRI, 1, holidays)).toBe("2025-01-07");
    expect(dueDate(FRI, 2, holidays)).toBe("2025-01-09");
    expect(dueDate(SAT, 0, holidays)).toBe("2025-01-07");
    expect(dueDate("2025-01-09", -1, holidays)).toBe("2025-01-07");
    expect(dueDate("2025-01-09", -2, holidays)).toBe(FRI);
    expect(planDay(FRI, "2025-01-09", holidays)).toBe(2);
  });
});

describe("check-in items", () => {
  it("day 1, week 1 and days 30, 60 and 90 are manager items with generation keys and due days", () => {
    const items = checkinItems(phrases);
    expect(items.map((i) => i.genKey)).toEqual(["checkin:day1", "checkin:week1", "checkin:day30", "checkin:day60", "checkin:day90"]);
    expect(items.every((i) => i.assignee === "manager")).toBe(true);
    expect(items.map((i) => i.dueDay)).toEqual([0, 4, 21, 42, 63]);
    expect(items.map((i) => i.dueDay)).toEqual(Object.values(CHECKIN_DUE_DAYS));
    expect(items[2].title).toBe(phrases.checkin("day30"));
  });
});

describe("nextReminderAt", () => {
  const now = new Date("2025-01-06T12:00:00.000Z");
  it("is now when never reminded or reminded 24 hours ago, else 24 hours after the last", () => {
    expect(nextReminderAt(null, now)).toBeNull();
    expect(nextReminderAt("2025-01-05T12:00:00.000Z", now)).toBeNull();
    expect(nextReminderAt("2025-01-06T09:30:00.000Z", now)).toBe("2025-01-07T09:30:00.000Z");
  });
});
