import { createHash } from "node:crypto";
import type Database from "better-sqlite3";

/**
 * Data migration: evaluation criteria and capabilities of role documents saved before they carried
 * a `key` get one. Role documents are stored whole as JSON in `role_versions.content` and
 * `role_drafts.content` (nothing else embeds one: onboarding templates, announcements and transfers
 * name responsibilities and tasks by key only), so those two columns are all it touches.
 *
 * The keys are derived, not random, so every copy of a document agrees without comparing them:
 * - a criterion's key is a UUID-shaped hash of its responsibility's key and its normalised text (with
 *   an occurrence number for the same text twice in one responsibility): the same criterion in v1, v2
 *   and the draft gets the same key; a criterion whose text changed between versions reads as a new one.
 * - a capability's key is a hash of its normalised name: the same capability in any role, version or
 *   draft shares one key (the training tool counts it once). The same name twice in one
 *   responsibility gets an occurrence number, so a responsibility never holds a key twice.
 * Keys already present are kept. Pure JS (SQLite has no hash function to do it in SQL).
 */

/** Fixed namespaces (random once): criterion and capability keys can never equal each other. */
const CRITERION_NAMESPACE = "5b0c6f3e-8f0e-4c38-9a43-2f7d1f1e6a21";
const CAPABILITY_NAMESPACE = "c7a1d2e4-3b5f-4e69-8d0a-6e2b9c4f7a10";

/** A name-based UUID (version 5: SHA-1 of namespace and name, RFC 9562). */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash("sha1").update(Buffer.from(namespace.replace(/-/g, ""), "hex")).update(name, "utf8").digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Case, spacing and Unicode form do not make a different item. */
export function normaliseName(text: string): string {
  return text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

export function criterionKeyFor(responsibilityKey: string, criterion: string, occurrence = 1): string {
  return uuidV5(CRITERION_NAMESPACE, `${responsibilityKey}\n${normaliseName(criterion)}\n${occurrence}`);
}

export function capabilityKeyFor(name: string, occurrence = 1): string {
  return uuidV5(CAPABILITY_NAMESPACE, occurrence === 1 ? normaliseName(name) : `${normaliseName(name)}\n${occurrence}`);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const hasKey = (item: Json) => typeof item.key === "string" && item.key.length > 0;
const textOf = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * Gives one list's key-less items a key: `keyFor(text, occurrence)`, the occurrence counting items
 * of the same normalised text in the list, bumped past any key already `taken`. Returns the new list
 * (key first), or null when nothing was missing.
 */
function keyList(items: unknown, field: string, taken: Set<string>, keyFor: (text: string, occurrence: number) => string): Json[] | null {
  if (!Array.isArray(items) || !items.some((x) => isObject(x) && !hasKey(x))) return null;
  for (const x of items) if (isObject(x) && hasKey(x)) taken.add(x.key as string);
  const seen = new Map<string, number>();
  return items.map((x) => {
    if (!isObject(x)) return x;
    const name = normaliseName(textOf(x[field]));
    let occurrence = (seen.get(name) ?? 0) + 1;
    seen.set(name, occurrence);
    if (hasKey(x)) return x;
    let key = keyFor(name, occurrence);
    while (taken.has(key)) key = keyFor(name, ++occurrence);
    taken.add(key);
    // A bumped occurrence is used up for the next item of the same text.
    seen.set(name, occurrence);
    const out: Json = { key };
    for (const [k, v] of Object.entries(x)) if (k !== "key") out[k] = v;
    return out;
  });
}

/** One stored document with every criterion and capability keyed, or null when it needs nothing. */
export function keyRoleDocItems(content: string): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return null;
  }
  if (!isObject(doc) || !Array.isArray(doc.responsibilities)) return null;
  let changed = false;
  // Criterion keys are unique in the document (already present ones included).
  const criteria = new Set<string>(
    doc.responsibilities.flatMap((r) => (isObject(r) && Array.isArray(r.evaluation) ? r.evaluation.filter((e) => isObject(e) && hasKey(e)).map((e) => (e as Json).key as string) : [])),
  );
  const responsibilities = doc.responsibilities.map((r) => {
    if (!isObject(r)) return r;
    const respKey = textOf(r.key);
    const evaluation = keyList(r.evaluation, "criterion", criteria, (text, n) => criterionKeyFor(respKey, text, n));
    const capabilities = keyList(r.capabilities, "name", new Set(), (text, n) => capabilityKeyFor(text, n));
    if (!evaluation && !capabilities) return r;
    changed = true;
    return { ...r, ...(evaluation ? { evaluation } : {}), ...(capabilities ? { capabilities } : {}) };
  });
  return changed ? JSON.stringify({ ...doc, responsibilities }) : null;
}

/** Rewrites every stored role document that has a key-less criterion or capability. */
export function keyStoredRoleDocs(sqlite: Database.Database): number {
  let count = 0;
  for (const table of ["role_versions", "role_drafts"] as const) {
    // Only documents that can need it; the rest are left byte for byte.
    const rows = sqlite
      .prepare(`select rowid as id, content from ${table} where content like '%"evaluation"%' or content like '%"capabilities"%'`)
      .all() as { id: number; content: string }[];
    const update = sqlite.prepare(`update ${table} set content = ? where rowid = ?`);
    for (const row of rows) {
      const next = keyRoleDocItems(row.content);
      if (next === null) continue;
      update.run(next, row.id);
      count++;
    }
  }
  return count;
}
