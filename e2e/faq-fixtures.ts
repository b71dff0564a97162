import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";

const DB_PATH = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), "data", "e2e.db");

/** The stable key of one responsibility of a role's current version, by its title. */
export function responsibilityKey(slug: string, title: string): string {
  const db = new Database(DB_PATH, { readonly: true });
  try {
    const row = db
      .prepare("select v.content from job_roles r join role_versions v on v.job_role_id = r.id and v.number = r.current_version where r.slug = ?")
      .get(slug) as { content: string };
    const doc = JSON.parse(row.content) as { responsibilities: { key: string; title: string }[] };
    return doc.responsibilities.find((r) => r.title === title)!.key;
  } finally {
    db.close();
  }
}

/**
 * An answered concern written straight to the server's database (raising and answering are other
 * parts' pages): by `authorEmail` (named) or anonymous, addressed to and answered by `addresseeEmail`,
 * on a responsibility of the author's role. Returns its id.
 */
export function answeredConcern(opts: { authorEmail: string | null; addresseeEmail: string; slug: string; responsibilityKey: string; body: string; answer: string }): string {
  const db = new Database(DB_PATH);
  try {
    db.pragma("busy_timeout = 5000");
    const personId = (email: string) => (db.prepare("select id from people where email = ?").get(email) as { id: number }).id;
    const roleId = (db.prepare("select id from job_roles where slug = ?").get(opts.slug) as { id: number }).id;
    const id = randomUUID();
    const day = new Date().toISOString().slice(0, 10);
    const anonymous = opts.authorEmail === null;
    db.transaction(() => {
      db.prepare(
        "insert into concerns (id, anonymous, audience, job_role_id, responsibility_key, body, status, receipt_hash, created_on) values (?, ?, 'manager', ?, ?, ?, 'answered', ?, ?)",
      ).run(id, anonymous ? 1 : 0, roleId, opts.responsibilityKey, opts.body, anonymous ? "0".repeat(64) : null, day);
      if (!anonymous) db.prepare("insert into concern_authors (concern_id, person_id) values (?, ?)").run(id, personId(opts.authorEmail!));
      db.prepare("insert into concern_addressees (concern_id, person_id, added_on) values (?, ?, ?)").run(id, personId(opts.addresseeEmail), day);
      db.prepare("insert into concern_messages (id, concern_id, seq, from_author, person_id, body, created_at) values (?, ?, 1, 1, ?, ?, ?)").run(
        randomUUID(),
        id,
        anonymous ? null : personId(opts.authorEmail!),
        opts.body,
        anonymous ? day : new Date().toISOString(),
      );
      db.prepare("insert into concern_messages (id, concern_id, seq, from_author, person_id, body, created_at) values (?, ?, 2, 0, ?, ?, ?)").run(
        randomUUID(),
        id,
        personId(opts.addresseeEmail),
        opts.answer,
        new Date().toISOString(),
      );
    })();
    return id;
  } finally {
    db.close();
  }
}
