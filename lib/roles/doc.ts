import { z } from "zod";
import { STANDARD_CATEGORIES } from "./vocabulary";
import { CAPABILITY_KINDS } from "@/lib/capability/vocabulary";
import { cleanLine } from "@/lib/core/validation";
import { NAME_MAX, ROLE_KEY_MAX, ROLE_LIST_MAX, ROLE_RESPONSIBILITIES_MAX, ROLE_STANDARDS_MAX, ROLE_TASKS_MAX, ROLE_TOOLS_MAX, TEXT_MAX } from "@/lib/core/limits";

/**
 * A role description as one document: what a draft holds and what a published version freezes.
 * Every responsibility, task, evaluation criterion and capability carries a stable `key` so versions
 * can be compared and other records (onboarding items, training, evaluations) can link to them
 * across versions.
 */
export { emptyResponsibility, STANDARD_CATEGORIES, type StandardCategory } from "./vocabulary";
export { CAPABILITY_KINDS, type CapabilityKind } from "@/lib/capability/vocabulary";

const key = z.string().min(1).max(ROLE_KEY_MAX);
/** Titles and names in a role: cleaned of control and bidirectional characters (lib/core/validation.ts). */
const title = z.string().overwrite(cleanLine).trim().min(1).max(NAME_MAX);
const text = z.string().max(TEXT_MAX);
const shortText = z.string().overwrite(cleanLine).trim().max(NAME_MAX);

export const taskSchema = z.object({ key, title, description: text.default("") });
export const responsibilitySchema = z.object({
  key,
  title,
  description: text.default(""),
  tasks: z.array(taskSchema).max(ROLE_TASKS_MAX).default([]),
  standards: z.array(z.object({ category: z.enum(STANDARD_CATEGORIES), text: text.pipe(z.string().trim().min(1)) })).max(ROLE_STANDARDS_MAX).default([]),
  whenWrong: z.object({ steps: text.default(""), escalateTo: shortText.default("") }).default({ steps: "", escalateTo: "" }),
  decisionRights: z
    .array(z.object({ decision: title, limit: text.default("") }))
    .max(ROLE_LIST_MAX)
    .default([]),
  evaluation: z
    .array(z.object({ key, criterion: title, good: text.default("") }))
    .max(ROLE_LIST_MAX)
    .default([]),
  capabilities: z
    .array(z.object({ key, name: title, kind: z.enum(CAPABILITY_KINDS) }))
    .max(ROLE_LIST_MAX)
    .default([]),
});
export const roleDocSchema = z.object({
  title,
  purpose: text.default(""),
  /** Tools, systems and access the role needs (onboarding prepares them). */
  tools: z.array(z.string().overwrite(cleanLine).trim().min(1).max(NAME_MAX)).max(ROLE_TOOLS_MAX).default([]),
  responsibilities: z.array(responsibilitySchema).max(ROLE_RESPONSIBILITIES_MAX),
});

export type RoleTask = z.output<typeof taskSchema>;
export type RoleResponsibility = z.output<typeof responsibilitySchema>;
/** `tools` may be absent in documents from before the field existed (read it as `doc.tools ?? []`). */
export type RoleDoc = Omit<z.output<typeof roleDocSchema>, "tools"> & { tools?: string[] };


/**
 * Documents already checked, by their exact text: the checked (normalized) document as JSON. A
 * published version never changes and is read on every page that shows it; checking it against the
 * schema was most of the cost (issue 15: 47 roles took 15 ms, JSON.parse alone 3 ms). Each caller
 * gets its own freshly parsed object, so nobody shares one they might change. Texts over
 * PARSED_TEXT_MAX are checked every time; the oldest entry goes first beyond PARSED_MAX.
 */
const parsed = new Map<string, string>();
const PARSED_MAX = 300;
const PARSED_TEXT_MAX = 64 * 1024;

/** Parses a stored document (trusted JSON from the database). */
export function parseRoleDoc(json: string): RoleDoc {
  const hit = parsed.get(json);
  if (hit !== undefined) {
    parsed.delete(json);
    parsed.set(json, hit);
    return JSON.parse(hit) as RoleDoc;
  }
  const doc = roleDocSchema.parse(JSON.parse(json));
  if (json.length <= PARSED_TEXT_MAX) {
    parsed.set(json, JSON.stringify(doc));
    if (parsed.size > PARSED_MAX) parsed.delete(parsed.keys().next().value!);
  }
  return doc;
}

/** Every task of a document with where it sits, by key. */
export function taskIndex(doc: RoleDoc) {
  const map = new Map<string, { task: RoleTask; responsibilityKey: string; responsibilityTitle: string; position: number }>();
  for (const r of doc.responsibilities) r.tasks.forEach((task, position) => map.set(task.key, { task, responsibilityKey: r.key, responsibilityTitle: r.title, position }));
  return map;
}
