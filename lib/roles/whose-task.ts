import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { faqEntries, jobRoles, people, taskPersonOwners } from "@/db/schema";
import { authorize } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { taskIndex } from "@/lib/roles/doc";
import { currentDocs } from "@/lib/roles/documents";
import { foldForSearch } from "@/lib/core/search-text";
import { applyDueTransfers } from "@/lib/communication/transfers";
import { pageOf, type Page } from "@/lib/core/pagination";
import { versionedCache } from "@/lib/core/versioned-cache";

export type Holder = { id: number; name: string; via: "role" | "assigned" };
export type SearchResult = {
  /** "faq": a published FAQ entry (key: its id; title: its question; responsibility: the one it is filed under). */
  kind: "role" | "responsibility" | "task" | "faq";
  key: string;
  title: string;
  /** Matched text with the hits wrapped in \u0002…\u0003 (rendered as <mark> by the page). */
  snippet: string;
  role: { id: number; slug: string; title: string };
  responsibility: string | null;
  /** The responsibility's key, for a link to its anchor on the role page (tasks, responsibilities and FAQ entries). */
  responsibilityKey?: string | null;
  /** The first holders (at most HOLDERS_SHOWN). */
  holders: Holder[];
  /** Everyone who holds it now. */
  holderCount: number;
};

/** The words of a query as the index sees them: folded, punctuation dropped, at most 12. */
export function queryWords(input: string): string[] {
  return foldForSearch(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
    .slice(0, 12);
}

/** Turns what a person typed into an FTS5 query: every word as a quoted prefix term. */
export function ftsQuery(input: string, mode: "all" | "any" = "all"): string | null {
  const words = queryWords(input);
  if (!words.length) return null;
  return words.map((w) => `"${w}"*`).join(mode === "all" ? " " : " OR ");
}

/** Optimal string alignment distance (Levenshtein plus swapped neighbours), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/** How far a typed word may be from a word in the index: one slip in short words, two in long ones. */
export const typoBudget = (word: string) => (word.length >= 6 ? 2 : 1);

/**
 * The words in some candidate texts closest to a mistyped word (within its typo budget), best
 * first: "waranty" → ["warranty"]. Pure; the candidates come from the trigram index.
 */
export function closestWords(word: string, texts: string[], max = 3): string[] {
  const budget = typoBudget(word);
  const seen = new Map<string, number>();
  for (const text of texts)
    for (const token of foldForSearch(text).split(/[^\p{L}\p{N}]+/u)) {
      if (token.length < 3 || seen.has(token)) continue;
      seen.set(token, editDistance(word, token, budget));
    }
  return [...seen]
    .filter(([, d]) => d <= budget)
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, max)
    .map(([w]) => w);
}

/** The distinct trigrams of a word, as FTS5 phrases joined with OR. */
export function trigramQuery(word: string): string | null {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= word.length; i++) grams.add(word.slice(i, i + 3));
  return grams.size ? [...grams].map((g) => `"${g}"`).join(" OR ") : null;
}

/** Each result names at most this many holders; `holderCount` says how many there are in all. */
export const HOLDERS_SHOWN = 5;

/**
 * Who holds each role now, with person-level exceptions from transfers: the first few names per
 * role and the count of all (never every holder). Three queries, none of them per result.
 */
function holdersByRole(roleIds: number[], taskKeys: string[], withNames = true) {
  const db = getDb();
  const overrides = taskKeys.length
    ? db
        .select({ taskKey: taskPersonOwners.taskKey, kind: taskPersonOwners.kind, id: people.id, name: people.name, jobRoleId: people.jobRoleId })
        .from(taskPersonOwners)
        .innerJoin(people, and(eq(people.id, taskPersonOwners.personId), eq(people.active, true)))
        .where(inArray(taskPersonOwners.taskKey, taskKeys))
        .all()
    : [];
  const releasedTotal = overrides.filter((o) => o.kind === "released").length;
  const counts = new Map(
    roleIds.length
      ? db
          .select({ jobRoleId: people.jobRoleId, n: count() })
          .from(people)
          .where(and(inArray(people.jobRoleId, roleIds), eq(people.active, true)))
          .groupBy(people.jobRoleId)
          .all()
          .map((r) => [r.jobRoleId, r.n])
      : [],
  );
  // The first names per role, enough to fill the list after any released holders are left out.
  // (Not for the ownership reports, which need only the counts: at 10,000 people numbering every
  // holder of every role was most of the manager's "Whose task?" page.) Each role's first names
  // come from the people_role_holders_idx index, a few rows per role, where a window over every
  // holder read thousands at 10,000 people.
  const shown = HOLDERS_SHOWN + releasedTotal;
  const first =
    withNames && roleIds.length
      ? db.all<{ id: number; name: string; jobRoleId: number }>(
          sql.join(
            roleIds.map(
              (roleId) => sql`select * from (
                select ${people.id} as id, ${people.name} as name, ${people.jobRoleId} as jobRoleId from ${people}
                where ${people.jobRoleId} = ${roleId} and ${people.active} = 1
                order by ${people.name}, ${people.id} limit ${shown})`,
            ),
            sql` union all `,
          ),
        )
      : [];
  return (roleId: number, taskKey: string | null): { holders: Holder[]; holderCount: number } => {
    const mine = overrides.filter((o) => o.taskKey === taskKey);
    const released = new Set(mine.filter((o) => o.kind === "released" && o.jobRoleId === roleId).map((o) => o.id));
    const list: Holder[] = first.filter((h) => Number(h.jobRoleId) === roleId && !released.has(h.id)).map((h) => ({ id: h.id, name: h.name, via: "role" }));
    const assigned = mine.filter((o) => o.kind === "assigned" && o.jobRoleId !== roleId);
    for (const o of assigned) if (!list.some((h) => h.id === o.id)) list.push({ id: o.id, name: o.name, via: "assigned" });
    const holderCount = (counts.get(roleId) ?? 0) - released.size + new Set(assigned.map((o) => o.id)).size;
    return { holders: list.slice(0, HOLDERS_SHOWN), holderCount };
  };
}

/** Candidate rows per mistyped word taken from the trigram index; the edit-distance check runs on these only. */
const TYPO_CANDIDATES = 40;
/** A word shorter than this is not corrected (too many near neighbours). */
const TYPO_MIN_LENGTH = 4;

/**
 * One FTS5 term group per query word. A word the porter index knows is a prefix term; a word it
 * does not know (a typo) is replaced by the closest words found through the trigram index
 * ("waranty" → ("warranty"*)); a word with no close match is dropped. Three queries at most.
 */
function termGroups(words: string[]): string[] {
  const db = getDb();
  const known = new Set(
    db
      .all<{ w: number }>(
        sql.join(
          words.map((w, i) => sql`select ${i} as w where exists (select 1 from role_search where role_search match ${`"${w}"*`})`),
          sql` union all `,
        ),
      )
      .map((r) => Number(r.w)),
  );
  const typos = words.map((w, i) => ({ w, i })).filter(({ w, i }) => !known.has(i) && w.length >= TYPO_MIN_LENGTH && trigramQuery(w));
  const candidates = new Map<number, string[]>();
  if (typos.length) {
    const rows = db.all<{ w: number; title: string; body: string }>(
      sql.join(
        typos.map(
          ({ w, i }) =>
            sql`select * from (select ${i} as w, title, body from role_search_trigram where role_search_trigram match ${trigramQuery(w)} order by rank limit ${TYPO_CANDIDATES})`,
        ),
        sql` union all `,
      ),
    );
    for (const r of rows) candidates.set(Number(r.w), [...(candidates.get(Number(r.w)) ?? []), r.title, r.body]);
  }
  return words.flatMap((w, i) => {
    if (known.has(i)) return [`"${w}"*`];
    const close = closestWords(w, candidates.get(i) ?? []);
    return close.length ? [close.length === 1 ? `"${close[0]}"*` : `(${close.map((c) => `"${c}"*`).join(" OR ")})`] : [];
  });
}

/** Results per page: each shows its role, holders and FAQ answers, so 15 keep the page small (issue 15). */
export const SEARCH_PAGE_SIZE = 15;

/**
 * "Whose task is this?": ranked full-text search over every role's current tasks, responsibilities
 * and role text, each result with its role and the people who hold it now. Results that contain
 * every word come first (most words matched, then bm25 with titles weighted, then tasks before
 * responsibilities before roles); mistyped words are matched through the trigram index.
 */
export function searchTasksPage(actor: Actor, q: string, page = 1, pageSize = SEARCH_PAGE_SIZE): Page<SearchResult> {
  authorize(actor, "tasks.search");
  const words = queryWords(q);
  const empty = { rows: [], total: 0, page: 1, pageCount: 1, pageSize };
  if (!words.length) return empty;
  applyDueTransfers();
  const groups = termGroups(words);
  if (!groups.length) return empty;
  // The same for everyone who may search: kept until the database changes (issue 15).
  return searchResults.get(JSON.stringify([groups, page, pageSize]), () => readSearch(groups, page, pageSize));
}

/** Search pages by their term groups and page: kept until the database changes. */
const searchResults = versionedCache<Page<SearchResult>>(200);

function readSearch(groups: string[], page: number, pageSize: number): Page<SearchResult> {
  const db = getDb();
  const empty = { rows: [], total: 0, page: 1, pageCount: 1, pageSize };
  const any = groups.join(" OR ");
  const total = Number(db.get<{ n: number }>(sql`select count(*) as n from role_search where role_search match ${any}`)?.n ?? 0);
  const at = pageOf(total, page, pageSize);
  const matched = sql.join(
    groups.map((g) => sql`(rowid in (select rowid from role_search where role_search match ${g}))`),
    sql` + `,
  );
  type Row = { kind: SearchResult["kind"]; ref_key: string; role_id: number; title: string; snippet: string };
  const rows = db.all<Row>(sql`
      select kind, ref_key, role_id, title,
             snippet(role_search, -1, char(2), char(3), '…', 16) as snippet
      from role_search where role_search match ${any}
      order by ${matched} desc, bm25(role_search, 0.0, 0.0, 0.0, 10.0, 1.0),
               case kind when 'task' then 0 when 'responsibility' then 1 when 'faq' then 2 else 3 end
      limit ${pageSize} offset ${at.offset}`);
  if (!rows.length) return { ...empty, total, page: at.page, pageCount: at.pageCount };
  const roleIds = [...new Set(rows.map((r) => Number(r.role_id)))];
  const docs = new Map(currentDocs(inArray(jobRoles.id, roleIds)).map((d) => [d.role.id, d]));
  const holders = holdersByRole(roleIds, rows.filter((r) => r.kind === "task").map((r) => r.ref_key));
  const faqKeys = faqResponsibilityKeys(rows.filter((r) => r.kind === "faq").map((r) => Number(r.ref_key)));
  const results = rows.flatMap((r) => {
    const d = docs.get(Number(r.role_id));
    if (!d) return [];
    const faqKey = r.kind === "faq" ? faqKeys.get(Number(r.ref_key)) : undefined;
    const responsibility =
      r.kind === "task"
        ? (taskIndex(d.doc).get(r.ref_key)?.responsibilityTitle ?? null)
        : r.kind === "responsibility"
          ? r.title
          : r.kind === "faq"
            ? (d.doc.responsibilities.find((x) => x.key === faqKey)?.title ?? null)
            : null;
    return [
      {
        kind: r.kind,
        key: r.ref_key,
        title: r.title,
        snippet: r.snippet,
        role: { id: d.role.id, slug: d.role.slug, title: d.role.title },
        responsibility,
        responsibilityKey: r.kind === "faq" ? (responsibility ? faqKey : null) : r.kind === "responsibility" ? r.ref_key : undefined,
        ...holders(d.role.id, r.kind === "task" ? r.ref_key : null),
      },
    ];
  });
  return { rows: results, total, page: at.page, pageCount: at.pageCount, pageSize };
}

/** The responsibility each of these FAQ entries is filed under (one query; the index holds only published ones). */
function faqResponsibilityKeys(ids: number[]): Map<number, string> {
  if (!ids.length) return new Map();
  return new Map(
    getDb()
      .select({ id: faqEntries.id, key: faqEntries.responsibilityKey })
      .from(faqEntries)
      .where(and(inArray(faqEntries.id, ids), eq(faqEntries.status, "published")))
      .all()
      .map((f) => [f.id, f.key]),
  );
}

/** The first `limit` results of {@link searchTasksPage}. */
export function searchTasks(actor: Actor, q: string, limit = 30): SearchResult[] {
  return searchTasksPage(actor, q, 1, limit).rows;
}

export type OwnershipGap = { title: string; roles: { slug: string; title: string }[]; roleCount: number };

/** Each ownership report comes this many tasks a page (issue 15: the manager's page must not grow with the organisation). */
export const OWNERSHIP_PAGE_SIZE = 10;
/** A shared task names at most this many of its roles, with the count of all. */
export const OWNERSHIP_ROLES_SHOWN = 5;

function pageOfGaps(gaps: OwnershipGap[], requested: number | undefined): Page<OwnershipGap> {
  const at = pageOf(gaps.length, requested, OWNERSHIP_PAGE_SIZE);
  const rows = gaps.slice(at.offset, at.offset + OWNERSHIP_PAGE_SIZE).map((g) => ({ ...g, roles: g.roles.slice(0, OWNERSHIP_ROLES_SHOWN) }));
  return { rows, total: gaps.length, page: at.page, pageCount: at.pageCount, pageSize: OWNERSHIP_PAGE_SIZE };
}

/**
 * For managers: tasks owned by a role that nobody holds (and nobody was assigned), and tasks with
 * the same name owned by more than one role; each a page of OWNERSHIP_PAGE_SIZE, never all of them.
 */
export function ownershipReports(actor: Actor, opts: { unownedPage?: number; sharedPage?: number } = {}): { unowned: Page<OwnershipGap>; shared: Page<OwnershipGap> } {
  authorize(actor, "tasks.ownershipReports");
  applyDueTransfers();
  const { unowned, shared } = ownershipGaps.get("all", readOwnershipGaps);
  return { unowned: pageOfGaps(unowned, opts.unownedPage), shared: pageOfGaps(shared, opts.sharedPage) };
}

/** Both reports in full, the same for every manager: kept until the database changes (issue 15). */
const ownershipGaps = versionedCache<{ unowned: OwnershipGap[]; shared: OwnershipGap[] }>(1);

function readOwnershipGaps(): { unowned: OwnershipGap[]; shared: OwnershipGap[] } {
  const { tasks, shared } = taskCatalog();
  const holders = holdersByRole(
    [...new Set(tasks.map((t) => t.role.id))],
    tasks.map((t) => t.key),
    false,
  );
  const unowned: OwnershipGap[] = tasks
    .filter((t) => !holders(t.role.id, t.key).holderCount)
    .map((t) => ({ title: t.title, roles: [{ slug: t.role.slug, title: t.role.title }], roleCount: 1 }));
  return { unowned, shared };
}

type CatalogTask = { key: string; title: string; role: { id: number; slug: string; title: string } };

/**
 * Every current task of every role, and the task titles more than one role has: what the ownership
 * reports read from the role documents. It changes only when a role, its current version or its
 * title changes, so it is kept for the roles' signature (ids, versions, slugs, titles: one small
 * query) and rebuilt from the documents only then (issue 15: reading and walking every document
 * was most of the manager's "Whose task?" page).
 */
let catalog: { signature: string; tasks: CatalogTask[]; shared: OwnershipGap[] } | null = null;

function taskCatalog(): { tasks: CatalogTask[]; shared: OwnershipGap[] } {
  const roles = getDb()
    .select({ id: jobRoles.id, slug: jobRoles.slug, title: jobRoles.title, version: jobRoles.currentVersion })
    .from(jobRoles)
    .orderBy(jobRoles.title)
    .all();
  const signature = JSON.stringify(roles);
  if (catalog?.signature === signature) return catalog;
  const tasks: CatalogTask[] = [];
  const byTitle = new Map<string, OwnershipGap>();
  for (const d of currentDocs()) {
    const role = { id: d.role.id, slug: d.role.slug, title: d.role.title };
    for (const [key, { task }] of taskIndex(d.doc)) {
      tasks.push({ key, title: task.title, role });
      const folded = foldForSearch(task.title);
      const entry = byTitle.get(folded) ?? { title: task.title, roles: [], roleCount: 0 };
      if (!entry.roles.some((r) => r.slug === role.slug)) {
        entry.roles.push({ slug: role.slug, title: role.title });
        entry.roleCount = entry.roles.length;
      }
      byTitle.set(folded, entry);
    }
  }
  catalog = { signature, tasks, shared: [...byTitle.values()].filter((e) => e.roles.length > 1) };
  return catalog;
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
