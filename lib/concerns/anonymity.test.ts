import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "@/db/client";
import { raiseConcern } from "@/lib/concerns/raise";
import { readByReceipt, replyByReceipt, resolveByReceipt } from "@/lib/concerns/receipt-thread";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

/*
 * Anonymity checked from the database itself (issue 10 point 2): every row of every table before
 * and after an anonymous post, and after the author's anonymous reply and resolve through the
 * receipt code. No new or changed row may hold the author's id in a column about a person, their
 * email or name (in any column, any case), or a time finer than a day; no audit entry is written.
 */

type Row = Record<string, unknown>;
type Snapshot = Map<string, { columns: string[]; rows: Set<string> }>;

function snapshot(): Snapshot {
  const db = getSqlite();
  const tables = db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
  const out: Snapshot = new Map();
  for (const { name } of tables) {
    const rows = db.prepare(`select * from "${name.replace(/"/g, '""')}"`).all() as Row[];
    const columns = rows[0] ? Object.keys(rows[0]) : [];
    out.set(name, { columns, rows: new Set(rows.map((r) => JSON.stringify(r))) });
  }
  return out;
}

/** Rows present after and not before (new rows, and changed rows in their new state), by table. */
function changes(before: Snapshot, after: Snapshot): { table: string; row: Row }[] {
  const out: { table: string; row: Row }[] = [];
  for (const [table, { rows }] of after) {
    const old = before.get(table)?.rows ?? new Set<string>();
    for (const r of rows) if (!old.has(r)) out.push({ table, row: JSON.parse(r) as Row });
  }
  return out;
}

/** Columns that name a person by id. */
const PERSONISH = /person|author|actor|owner|manager|reports_to|_by(_id)?$|forwarded_to|user|^sub$/i;
const ISO_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

function withoutRowid(table: string): boolean {
  const row = getSqlite().prepare("select wr from pragma_table_list where name = ?").get(table) as { wr: number } | undefined;
  return row?.wr === 1;
}

function expectAnonymous(rows: { table: string; row: Row }[], author: { id: number; email: string; name: string }) {
  expect(problemsOf(rows, author)).toEqual([]);
}

function problemsOf(rows: { table: string; row: Row }[], author: { id: number; email: string; name: string }): string[] {
  const problems: string[] = [];
  const needles = [author.email.toLowerCase(), author.name.toLowerCase(), author.email.split("@")[0]!.toLowerCase()];
  for (const { table, row } of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (PERSONISH.test(column) && value === author.id) problems.push(`${table}.${column} holds the author's id`);
      if (typeof value === "string") {
        const v = value.toLowerCase();
        for (const n of needles) if (v.includes(n)) problems.push(`${table}.${column} contains "${n}"`);
        if (ISO_TIME.test(value)) problems.push(`${table}.${column} holds a time finer than a day: ${value}`);
      }
      // Millisecond timestamps (e.g. a rate-limit record) would date it to the instant.
      if (typeof value === "number" && value > 1e12 && /(^|_)at$|time|date|_on$/.test(column)) problems.push(`${table}.${column} holds a timestamp`);
    }
    if (/audit/.test(table)) problems.push(`${table}: an audit row was written`);
    // Order: a row in an ordinary (rowid) table, or an autoincrement sequence moved forward, places
    // the post between neighbours that carry exact times.
    if (table === "sqlite_sequence") problems.push(`the autoincrement sequence of ${String(row.name)} moved`);
    else if (!withoutRowid(table)) problems.push(`${table} (a rowid table) gained an ordered row`);
    if (table === "login_failures") problems.push("a rate-limit record was written");
  }
  return problems;
}

beforeAll(async () => {
  await useSeededTestDb();
});

describe("an anonymous concern, from the database itself", () => {
  it("its post, reply and resolve leave no trace of the author", () => {
    const elif = actorFor("employee@example.com");
    const author = { id: elif.id, email: elif.email, name: elif.name };

    const s0 = snapshot();
    const { code } = raiseConcern(elif, { body: "Unpaid overtime during recalls.", anonymous: true, audience: "manager" });
    const s1 = snapshot();
    const posted = changes(s0, s1);
    // The post wrote what it should (so the check is not vacuous).
    // (The addressees' notifications come later, from the daily job: lib/concerns/deferred.ts.)
    expect(new Set(posted.map((c) => c.table))).toEqual(new Set(["concerns", "concern_addressees", "concern_messages"]));
    expectAnonymous(posted, author);
    // Only the hash of the code is stored.
    expect(JSON.stringify(posted)).not.toContain(code!.replace(/-/g, ""));
    expect(JSON.stringify(posted)).not.toContain(code!);

    readByReceipt(code!, "192.0.2.1");
    expect(changes(s1, snapshot())).toEqual([]); // reading writes nothing

    replyByReceipt(code!, "It happened again on Friday.", "192.0.2.1");
    const s2 = snapshot();
    const replied = changes(s1, s2);
    expect(new Set(replied.map((c) => c.table))).toEqual(new Set(["concerns", "concern_messages"]));
    expectAnonymous(replied, author);

    resolveByReceipt(code!, "192.0.2.1");
    const resolved = changes(s2, snapshot());
    expect(resolved.map((c) => c.table)).toContain("concerns");
    expectAnonymous(resolved, author);
  });

  it("the tables an anonymous post writes to keep no insertion order (WITHOUT ROWID)", () => {
    for (const table of ["concerns", "concern_messages", "concern_addressees", "pulse_answers"]) expect(withoutRowid(table), table).toBe(true);
  });

  it("the check catches an ordered row and a moved autoincrement sequence", () => {
    const author = { id: -1, email: "nobody@example.invalid", name: "Nobody Anywhere" };
    expect(problemsOf([{ table: "faq_entries", row: { id: 1 } }], author)).toEqual(["faq_entries (a rowid table) gained an ordered row"]);
    expect(problemsOf([{ table: "sqlite_sequence", row: { name: "faq_entries", seq: 2 } }], author)).toEqual(["the autoincrement sequence of faq_entries moved"]);
    expect(problemsOf([{ table: "concern_addressees", row: { added_on: "2026-01-01" } }], author)).toEqual([]);
  });

  it("the check catches a trace (a named post fails it)", () => {
    const elif = actorFor("employee@example.com");
    const s0 = snapshot();
    raiseConcern(elif, { body: "Named one.", anonymous: false, audience: "manager" });
    expect(() => expectAnonymous(changes(s0, snapshot()), { id: elif.id, email: elif.email, name: elif.name })).toThrow();
  });
});
