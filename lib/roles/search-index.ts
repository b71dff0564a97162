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
  tx.run(sql`delete from role_search where role_id = ${roleId}`);
  tx.run(sql`delete from role_search_trigram where role_id = ${roleId}`);
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
