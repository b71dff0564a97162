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


/** Parses a stored document (trusted JSON from the database). */
export function parseRoleDoc(json: string): RoleDoc {
  return roleDocSchema.parse(JSON.parse(json));
}

/** Every task of a document with where it sits, by key. */
export function taskIndex(doc: RoleDoc) {
  const map = new Map<string, { task: RoleTask; responsibilityKey: string; responsibilityTitle: string; position: number }>();
  for (const r of doc.responsibilities) r.tasks.forEach((task, position) => map.set(task.key, { task, responsibilityKey: r.key, responsibilityTitle: r.title, position }));
  return map;
}
