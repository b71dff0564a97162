import "server-only";
import { sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import type { RoleDoc } from "@/lib/roles/doc";
import { sectionText, SECTION_NAMES } from "@/lib/roles/diff";

type Tx = Pick<DB, "run">;

/**
 * Full-text index of every role's current version (SQLite FTS5, table role_search, created by a
 * migration): one row for the role, one per responsibility, one per task. The porter tokenizer
 * matches English word forms (invoice / invoicing), and diacritics are folded.
 */
export function reindexRole(tx: Tx, roleId: number, slug: string, doc: RoleDoc): void {
  // FAQ entries (kind "faq") live beside the version's rows and are kept by their own writes.
  tx.run(sql`delete from role_search where role_id = ${roleId} and kind <> 'faq'`);
  tx.run(sql`delete from role_search_trigram where role_id = ${roleId} and kind <> 'faq'`);
  const rows: { kind: string; refKey: string; title: string; body: string }[] = [
    { kind: "role", refKey: slug, title: doc.title, body: [doc.purpose, ...(doc.tools ?? [])].join("\n") },
    ...doc.responsibilities.map((r) => ({
      kind: "responsibility",
      refKey: r.key,
      title: r.title,
      body: [r.description, ...SECTION_NAMES.map((n) => sectionText(r, n))].filter(Boolean).join("\n"),
    })),
    ...doc.responsibilities.flatMap((r) =>
      r.tasks.map((t) => ({ kind: "task", refKey: t.key, title: t.title, body: `${t.description}\n${r.title}` })),
    ),
  ];
  const values = sql.join(
    rows.map((r) => sql`(${r.kind}, ${r.refKey}, ${roleId}, ${r.title}, ${r.body})`),
    sql`, `,
  );
  tx.run(sql`insert into role_search (kind, ref_key, role_id, title, body) values ${values}`);
  // The same rows under the trigram tokenizer: substring and typo-tolerant matching ("waranty").
  tx.run(sql`insert into role_search_trigram (kind, ref_key, role_id, title, body) values ${values}`);
}

/**
 * A published FAQ entry in the same index (kind "faq", ref_key its id, title its question, body its
 * answer), so "Whose task is this?" finds it; `null` entry (unpublished or deleted) removes it.
 */
export function reindexFaqEntry(tx: Tx, id: number, entry: { jobRoleId: number; question: string; answer: string } | null): void {
  tx.run(sql`delete from role_search where kind = 'faq' and ref_key = ${String(id)}`);
  tx.run(sql`delete from role_search_trigram where kind = 'faq' and ref_key = ${String(id)}`);
  if (!entry) return;
  tx.run(sql`insert into role_search (kind, ref_key, role_id, title, body) values ('faq', ${String(id)}, ${entry.jobRoleId}, ${entry.question}, ${entry.answer})`);
  tx.run(sql`insert into role_search_trigram (kind, ref_key, role_id, title, body) values ('faq', ${String(id)}, ${entry.jobRoleId}, ${entry.question}, ${entry.answer})`);
}
