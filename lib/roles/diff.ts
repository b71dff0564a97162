import { diffWordsWithSpace } from "diff";
import { CAPABILITY_KINDS, type CapabilityKind } from "@/lib/capability/vocabulary";
import type { RoleDoc, RoleResponsibility, RoleTask } from "@/lib/roles/doc";
import { emptyResponsibility, STANDARD_CATEGORIES, type StandardCategory } from "@/lib/roles/vocabulary";

export type TextPart = { value: string; added?: boolean; removed?: boolean };
/** An inline word diff: parts to show in order, some added, some removed. */
export type TextDiff = TextPart[];

export type ChangeStatus = "added" | "removed" | "moved" | "changed" | "unchanged";

export type TaskChange = {
  key: string;
  status: ChangeStatus;
  title: string;
  titleDiff: TextDiff | null;
  descriptionDiff: TextDiff | null;
  /** The task's description as it reads now (an added task shows it whole). */
  description: string;
  /** For a task that moved between responsibilities of the role: the responsibility it came from. */
  movedFrom: string | null;
};

export const SECTION_NAMES = ["standards", "whenWrong", "decisionRights", "evaluation", "capabilities"] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/**
 * One changed part of a responsibility's sections. Standards are compared per category and
 * capabilities per kind: `category` and `kind` are keys, shown by their translated names
 * (`sectionLabel`), never as text. `markdown` says the text is Markdown (render it, do not show it raw).
 */
export type SectionChange = {
  name: SectionName;
  category?: StandardCategory;
  kind?: CapabilityKind;
  /** The "escalate to" line of "When it goes wrong". */
  escalate?: boolean;
  markdown: boolean;
  diff: TextDiff;
};

export type ResponsibilityChange = {
  key: string;
  status: ChangeStatus;
  title: string;
  titleDiff: TextDiff | null;
  descriptionDiff: TextDiff | null;
  /** The description as it reads now (an added responsibility shows it whole). */
  description: string;
  tasks: TaskChange[];
  sections: SectionChange[];
};

export type RoleDiff = {
  titleDiff: TextDiff | null;
  purposeDiff: TextDiff | null;
  toolsDiff: TextDiff | null;
  responsibilities: ResponsibilityChange[];
  changed: boolean;
  counts: { added: number; removed: number; moved: number; changed: number };
};

/** Word-level inline diff, or null when the texts are equal. */
export function diffText(before: string, after: string): TextDiff | null {
  if (before === after) return null;
  return diffWordsWithSpace(before, after).map((p) => ({
    value: p.value,
    ...(p.added ? { added: true } : {}),
    ...(p.removed ? { removed: true } : {}),
  }));
}

/** Keys that kept their relative order (longest common subsequence); the rest moved. */
export function stableKeys(before: string[], after: string[]): Set<string> {
  const a = before.filter((k) => after.includes(k));
  const b = after.filter((k) => before.includes(k));
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const keep = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      keep.add(a[i]);
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return keep;
}

/**
 * A list of keyed lines (criteria, capabilities) as one inline diff, matched by key rather than by
 * text: a line whose key stayed reads as a word diff of that line (a renamed criterion is one change),
 * a new key is added whole, a gone key removed whole at its old place. A line that moved against the
 * others reads as removed where it was and added where it is. Lines are joined by `separator`, never
 * marked; keys never appear in the text.
 */
export function diffKeyedLines(before: { key: string; text: string }[], after: { key: string; text: string }[], separator: string): TextDiff | null {
  const stable = stableKeys(
    before.map((x) => x.key),
    after.map((x) => x.key),
  );
  const oldByKey = new Map(before.map((x) => [x.key, x.text]));
  const lines: TextDiff[] = [];
  let i = 0;
  /** Old lines up to (not including) `until` that are no longer where they were. */
  const flushRemoved = (until: number) => {
    for (; i < until; i++) if (!stable.has(before[i].key)) lines.push([{ value: before[i].text, removed: true }]);
  };
  for (const line of after) {
    if (!stable.has(line.key)) {
      lines.push([{ value: line.text, added: true }]);
      continue;
    }
    const at = before.findIndex((x) => x.key === line.key);
    flushRemoved(at);
    i = at + 1;
    const old = oldByKey.get(line.key)!;
    lines.push(diffText(old, line.text) ?? [{ value: line.text }]);
  }
  flushRemoved(before.length);
  const parts: TextDiff = [];
  lines.forEach((l, n) => {
    if (n) parts.push({ value: separator });
    parts.push(...l.filter((p) => p.value));
  });
  const changed = parts.some((p) => p.added || p.removed);
  return changed ? parts : null;
}

/**
 * One line per item: the section as searchable text. No keys (categories, kinds) appear in it: what
 * is indexed is shown in search snippets, and a person reads those.
 */
export function sectionText(r: RoleResponsibility, name: SectionName): string {
  switch (name) {
    case "standards":
      return r.standards.map((s) => s.text).join("\n");
    case "whenWrong":
      return [r.whenWrong.steps, r.whenWrong.escalateTo ? `→ ${r.whenWrong.escalateTo}` : ""].filter(Boolean).join("\n");
    case "decisionRights":
      return r.decisionRights.map((d) => `${d.decision}${d.limit ? ` — ${d.limit}` : ""}`).join("\n");
    case "evaluation":
      return r.evaluation.map((e) => `${e.criterion}${e.good ? ` — ${e.good}` : ""}`).join("\n");
    case "capabilities":
      return r.capabilities.map((c) => c.name).join("\n");
  }
}

/**
 * What changed in a responsibility's sections, part by part: standards per category, "when it
 * goes wrong" as its steps and its escalation, capabilities per kind. Markdown texts stay Markdown.
 */
export function sectionChanges(before: RoleResponsibility, after: RoleResponsibility): SectionChange[] {
  const out: SectionChange[] = [];
  const add = (change: Omit<SectionChange, "diff">, diff: TextDiff | null) => {
    if (diff) out.push({ ...change, diff });
  };
  const push = (change: Omit<SectionChange, "diff">, a: string, b: string) => add(change, diffText(a, b));
  const standards = (r: RoleResponsibility, c: StandardCategory) =>
    r.standards
      .filter((s) => s.category === c)
      .map((s) => s.text)
      .join("\n\n");
  for (const category of STANDARD_CATEGORIES) push({ name: "standards", category, markdown: true }, standards(before, category), standards(after, category));
  push({ name: "whenWrong", markdown: true }, before.whenWrong.steps, after.whenWrong.steps);
  push({ name: "whenWrong", escalate: true, markdown: false }, before.whenWrong.escalateTo, after.whenWrong.escalateTo);
  push({ name: "decisionRights", markdown: false }, sectionText(before, "decisionRights"), sectionText(after, "decisionRights"));
  // Criteria and capabilities are matched by key: a renamed one reads as a change of that one.
  const criteria = (r: RoleResponsibility) => r.evaluation.map((e) => ({ key: e.key, text: `${e.criterion}${e.good ? ` — ${e.good}` : ""}` }));
  add({ name: "evaluation", markdown: true }, diffKeyedLines(criteria(before), criteria(after), "\n\n"));
  const capabilities = (r: RoleResponsibility, k: CapabilityKind) => r.capabilities.filter((c) => c.kind === k).map((c) => ({ key: c.key, text: c.name }));
  for (const kind of CAPABILITY_KINDS) add({ name: "capabilities", kind, markdown: false }, diffKeyedLines(capabilities(before, kind), capabilities(after, kind), "\n"));
  return out;
}

/** Translations a diff's labels come from: the "roleDoc" messages (any next-intl translator fits). */
export type RoleDocTranslate = (key: string) => string;

/** The heading of a section change in the reader's language, e.g. "Service standards · Safety". */
export function sectionLabel(s: Pick<SectionChange, "name" | "category" | "kind" | "escalate">, t: RoleDocTranslate): string {
  const section = t(s.name);
  if (s.category) return `${section} · ${t(`category.${s.category}`)}`;
  if (s.kind) return `${section} · ${t(`kind.${s.kind}`)}`;
  if (s.escalate) return `${section} · ${t("escalateTo")}`;
  return section;
}

function taskChanges(before: RoleResponsibility | undefined, after: RoleResponsibility | undefined, allBefore: Map<string, { task: RoleTask; resp: string }>, allAfter: Map<string, { task: RoleTask; resp: string }>): TaskChange[] {
  const oldTasks = before?.tasks ?? [];
  const newTasks = after?.tasks ?? [];
  const stable = stableKeys(
    oldTasks.map((t) => t.key),
    newTasks.map((t) => t.key),
  );
  const out: TaskChange[] = [];
  for (const t of newTasks) {
    const prev = oldTasks.find((o) => o.key === t.key);
    const elsewhere = !prev ? allBefore.get(t.key) : undefined;
    const old = prev ?? elsewhere?.task;
    const titleDiff = old ? diffText(old.title, t.title) : null;
    const descriptionDiff = old ? diffText(old.description, t.description) : null;
    let status: ChangeStatus;
    if (!old) status = "added";
    else if (elsewhere || !stable.has(t.key)) status = "moved";
    else if (titleDiff || descriptionDiff) status = "changed";
    else status = "unchanged";
    out.push({ key: t.key, status, title: t.title, titleDiff, descriptionDiff, description: t.description, movedFrom: elsewhere ? elsewhere.resp : null });
  }
  for (const t of oldTasks) {
    if (newTasks.some((n) => n.key === t.key)) continue;
    // Moved to another responsibility of this role: shown where it arrived, not as removed.
    if (allAfter.has(t.key)) continue;
    out.push({ key: t.key, status: "removed", title: t.title, titleDiff: null, descriptionDiff: null, description: t.description, movedFrom: null });
  }
  return out;
}

/** Compares two versions of a role: what was added, removed, moved, and how texts changed. */
export function diffRoles(before: RoleDoc, after: RoleDoc): RoleDiff {
  const index = (doc: RoleDoc) => {
    const m = new Map<string, { task: RoleTask; resp: string }>();
    for (const r of doc.responsibilities) for (const t of r.tasks) m.set(t.key, { task: t, resp: r.title });
    return m;
  };
  const allBefore = index(before);
  const allAfter = index(after);
  const stable = stableKeys(
    before.responsibilities.map((r) => r.key),
    after.responsibilities.map((r) => r.key),
  );
  const responsibilities: ResponsibilityChange[] = [];
  const counts = { added: 0, removed: 0, moved: 0, changed: 0 };

  for (const r of after.responsibilities) {
    const old = before.responsibilities.find((o) => o.key === r.key);
    const titleDiff = old ? diffText(old.title, r.title) : null;
    const descriptionDiff = old ? diffText(old.description, r.description) : null;
    const tasks = taskChanges(old, r, allBefore, allAfter);
    // An added responsibility shows its sections whole (as added text).
    const sections = sectionChanges(old ?? emptyResponsibility(r.key), r);
    let status: ChangeStatus;
    if (!old) status = "added";
    else if (!stable.has(r.key)) status = "moved";
    else if (titleDiff || descriptionDiff || sections.length || tasks.some((t) => t.status !== "unchanged")) status = "changed";
    else status = "unchanged";
    responsibilities.push({ key: r.key, status, title: r.title, titleDiff, descriptionDiff, description: r.description, tasks, sections });
  }
  for (const r of before.responsibilities) {
    if (after.responsibilities.some((n) => n.key === r.key)) continue;
    const tasks: TaskChange[] = r.tasks
      .filter((t) => !allAfter.has(t.key))
      .map((t) => ({ key: t.key, status: "removed", title: t.title, titleDiff: null, descriptionDiff: null, description: t.description, movedFrom: null }));
    responsibilities.push({ key: r.key, status: "removed", title: r.title, titleDiff: null, descriptionDiff: null, description: r.description, tasks, sections: [] });
  }
  for (const r of responsibilities) {
    if (r.status === "added" || r.status === "removed" || r.status === "moved") counts[r.status]++;
    for (const t of r.tasks) if (t.status !== "unchanged") counts[t.status]++;
    if (r.titleDiff || r.descriptionDiff) counts.changed++;
    // A section counts once however many of its parts changed; an added responsibility counts once.
    if (r.status !== "added") counts.changed += new Set(r.sections.map((s) => s.name)).size;
  }
  const titleDiff = diffText(before.title, after.title);
  const purposeDiff = diffText(before.purpose, after.purpose);
  const toolsDiff = diffText((before.tools ?? []).join("\n"), (after.tools ?? []).join("\n"));
  if (titleDiff) counts.changed++;
  if (purposeDiff) counts.changed++;
  if (toolsDiff) counts.changed++;
  const changed = Boolean(titleDiff || purposeDiff || toolsDiff || responsibilities.some((r) => r.status !== "unchanged"));
  return { titleDiff, purposeDiff, toolsDiff, responsibilities, changed, counts };
}

/** Only what changed: drops unchanged responsibilities and tasks (for a holder's pending item). */
export function onlyChanges(diff: RoleDiff): RoleDiff {
  return {
    ...diff,
    responsibilities: diff.responsibilities
      .filter((r) => r.status !== "unchanged")
      .map((r) => ({ ...r, tasks: r.tasks.filter((t) => t.status !== "unchanged") })),
  };
}
