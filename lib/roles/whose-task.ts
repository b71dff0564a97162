import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobRoles, people, taskPersonOwners } from "@/db/schema";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { taskIndex } from "@/lib/roles/doc";
import { currentDocs } from "@/lib/roles/documents";
import { foldForSearch } from "@/lib/core/search-text";
import { applyDueTransfers } from "@/lib/communication/transfers";

export type Holder = { id: number; name: string; via: "role" | "assigned" };
export type SearchResult = {
  kind: "role" | "responsibility" | "task";
  key: string;
  title: string;
  /** Matched text with the hits wrapped in \u0002…\u0003 (rendered as <mark> by the page). */
  snippet: string;
  role: { id: number; slug: string; title: string };
  responsibility: string | null;
  holders: Holder[];
};

/** Turns what a person typed into an FTS5 query: every word as a quoted prefix term. */
export function ftsQuery(input: string, mode: "all" | "any" = "all"): string | null {
  const words = foldForSearch(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
    .slice(0, 12);
  if (!words.length) return null;
  return words.map((w) => `"${w}"*`).join(mode === "all" ? " " : " OR ");
}

/** Who holds each role now, with person-level exceptions from transfers. Two queries. */
function holdersByRole(roleIds: number[], taskKeys: string[]) {
  const db = getDb();
  const holders = roleIds.length
    ? db
        .select({ id: people.id, name: people.name, jobRoleId: people.jobRoleId })
        .from(people)
        .where(and(inArray(people.jobRoleId, roleIds), eq(people.active, true)))
        .orderBy(people.name)
        .all()
    : [];
  const overrides = taskKeys.length
    ? db
        .select({ taskKey: taskPersonOwners.taskKey, kind: taskPersonOwners.kind, id: people.id, name: people.name })
        .from(taskPersonOwners)
        .innerJoin(people, and(eq(people.id, taskPersonOwners.personId), eq(people.active, true)))
        .where(inArray(taskPersonOwners.taskKey, taskKeys))
        .all()
    : [];
  return (roleId: number, taskKey: string | null): Holder[] => {
    const released = new Set(overrides.filter((o) => o.taskKey === taskKey && o.kind === "released").map((o) => o.id));
    const list: Holder[] = holders.filter((h) => h.jobRoleId === roleId && !released.has(h.id)).map((h) => ({ id: h.id, name: h.name, via: "role" }));
    for (const o of overrides)
      if (o.taskKey === taskKey && o.kind === "assigned" && !list.some((h) => h.id === o.id)) list.push({ id: o.id, name: o.name, via: "assigned" });
    return list;
  };
}

/**
 * "Whose task is this?": ranked full-text search over every role's current tasks, responsibilities
 * and role text, each result with its role and the people who hold it now.
 */
export function searchTasks(actor: Actor, q: string, limit = 30): SearchResult[] {
  authorize(actor, "tasks.search");
  applyDueTransfers();
  const db = getDb();
  type Row = { kind: SearchResult["kind"]; ref_key: string; role_id: number; title: string; snippet: string };
  const run = (match: string) =>
    db.all<Row>(sql`
      select kind, ref_key, role_id, title,
             snippet(role_search, -1, char(2), char(3), '…', 16) as snippet
      from role_search where role_search match ${match}
      order by bm25(role_search, 0.0, 0.0, 0.0, 10.0, 1.0), case kind when 'task' then 0 when 'responsibility' then 1 else 2 end
      limit ${limit}`);
  const all = ftsQuery(q, "all");
  if (!all) return [];
  let rows = run(all);
  if (!rows.length) rows = run(ftsQuery(q, "any")!);
  if (!rows.length) return [];
  const roleIds = [...new Set(rows.map((r) => Number(r.role_id)))];
  const docs = new Map(currentDocs(inArray(jobRoles.id, roleIds)).map((d) => [d.role.id, d]));
  const holders = holdersByRole(roleIds, rows.filter((r) => r.kind === "task").map((r) => r.ref_key));
  return rows.flatMap((r) => {
    const d = docs.get(Number(r.role_id));
    if (!d) return [];
    const responsibility =
      r.kind === "task" ? (taskIndex(d.doc).get(r.ref_key)?.responsibilityTitle ?? null) : r.kind === "responsibility" ? r.title : null;
    return [
      {
        kind: r.kind,
        key: r.ref_key,
        title: r.title,
        snippet: r.snippet,
        role: { id: d.role.id, slug: d.role.slug, title: d.role.title },
        responsibility,
        holders: holders(d.role.id, r.kind === "task" ? r.ref_key : null),
      },
    ];
  });
}

export type OwnershipGap = { title: string; roles: { slug: string; title: string }[] };

/**
 * For managers: tasks owned by a role that nobody holds (and nobody was assigned), and tasks with
 * the same name owned by more than one role.
 */
export function ownershipReports(actor: Actor): { unowned: OwnershipGap[]; shared: OwnershipGap[] } {
  authorize(actor, "tasks.ownershipReports");
  applyDueTransfers();
  const docs = currentDocs();
  const allKeys = docs.flatMap((d) => [...taskIndex(d.doc).keys()]);
  const holders = holdersByRole(
    docs.map((d) => d.role.id),
    allKeys,
  );
  const unowned: OwnershipGap[] = [];
  const byTitle = new Map<string, OwnershipGap>();
  for (const d of docs) {
    for (const [key, { task }] of taskIndex(d.doc)) {
      const role = { slug: d.role.slug, title: d.role.title };
      if (!holders(d.role.id, key).length) unowned.push({ title: task.title, roles: [role] });
      const folded = foldForSearch(task.title);
      const entry = byTitle.get(folded) ?? { title: task.title, roles: [] };
      if (!entry.roles.some((r) => r.slug === role.slug)) entry.roles.push(role);
      byTitle.set(folded, entry);
    }
  }
  return { unowned, shared: [...byTitle.values()].filter((e) => e.roles.length > 1) };
}

/** The tasks a person owns now (their role's, minus released, plus assigned): key → title. */
export function ownedTaskKeysOf(personId: number): Map<string, string> {
  const db = getDb();
  const person = db.select({ jobRoleId: people.jobRoleId }).from(people).where(eq(people.id, personId)).get();
  const owned = new Map<string, string>();
  const overrides = db.select().from(taskPersonOwners).where(eq(taskPersonOwners.personId, personId)).all();
  const released = new Set(overrides.filter((o) => o.kind === "released").map((o) => o.taskKey));
  const docs = currentDocs();
  const allTasks = new Map(docs.flatMap((d) => [...taskIndex(d.doc)].map(([k, v]) => [k, v.task.title] as const)));
  const mine = docs.find((d) => d.role.id === person?.jobRoleId);
  if (mine) for (const [k, v] of taskIndex(mine.doc)) if (!released.has(k)) owned.set(k, v.task.title);
  for (const o of overrides) if (o.kind === "assigned" && allTasks.has(o.taskKey)) owned.set(o.taskKey, allTasks.get(o.taskKey)!);
  return owned;
}
