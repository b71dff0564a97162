import { diffWordsWithSpace } from "diff";
import type { RoleDoc, RoleResponsibility, RoleTask } from "@/lib/roles/doc";

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
  /** For a task that moved between responsibilities of the role: the responsibility it came from. */
  movedFrom: string | null;
};

export const SECTION_NAMES = ["standards", "whenWrong", "decisionRights", "evaluation", "capabilities"] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export type ResponsibilityChange = {
  key: string;
  status: ChangeStatus;
  title: string;
  titleDiff: TextDiff | null;
  descriptionDiff: TextDiff | null;
  tasks: TaskChange[];
  sections: { name: SectionName; diff: TextDiff }[];
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

/** One line per item, so section changes read as text changes. */
export function sectionText(r: RoleResponsibility, name: SectionName): string {
  switch (name) {
    case "standards":
      return r.standards.map((s) => `[${s.category}] ${s.text}`).join("\n");
    case "whenWrong":
      return [r.whenWrong.steps, r.whenWrong.escalateTo ? `→ ${r.whenWrong.escalateTo}` : ""].filter(Boolean).join("\n");
    case "decisionRights":
      return r.decisionRights.map((d) => `${d.decision}${d.limit ? ` — ${d.limit}` : ""}`).join("\n");
    case "evaluation":
      return r.evaluation.map((e) => `${e.criterion}${e.good ? ` — ${e.good}` : ""}`).join("\n");
    case "capabilities":
      return r.capabilities.map((c) => `[${c.kind}] ${c.name}`).join("\n");
  }
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
    out.push({ key: t.key, status, title: t.title, titleDiff, descriptionDiff, movedFrom: elsewhere ? elsewhere.resp : null });
  }
  for (const t of oldTasks) {
    if (newTasks.some((n) => n.key === t.key)) continue;
    // Moved to another responsibility of this role: shown where it arrived, not as removed.
    if (allAfter.has(t.key)) continue;
    out.push({ key: t.key, status: "removed", title: t.title, titleDiff: null, descriptionDiff: null, movedFrom: null });
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
    const sections = old
      ? (["standards", "whenWrong", "decisionRights", "evaluation", "capabilities"] as const)
          .map((name) => ({ name, diff: diffText(sectionText(old, name), sectionText(r, name)) }))
          .filter((s): s is { name: SectionName; diff: TextDiff } => s.diff !== null)
      : [];
    let status: ChangeStatus;
    if (!old) status = "added";
    else if (!stable.has(r.key)) status = "moved";
    else if (titleDiff || descriptionDiff || sections.length || tasks.some((t) => t.status !== "unchanged")) status = "changed";
    else status = "unchanged";
    responsibilities.push({ key: r.key, status, title: r.title, titleDiff, descriptionDiff, tasks, sections });
  }
  for (const r of before.responsibilities) {
    if (after.responsibilities.some((n) => n.key === r.key)) continue;
    const tasks: TaskChange[] = r.tasks
      .filter((t) => !allAfter.has(t.key))
      .map((t) => ({ key: t.key, status: "removed", title: t.title, titleDiff: null, descriptionDiff: null, movedFrom: null }));
    responsibilities.push({ key: r.key, status: "removed", title: r.title, titleDiff: null, descriptionDiff: null, tasks, sections: [] });
  }
  for (const r of responsibilities) {
    if (r.status === "added" || r.status === "removed" || r.status === "moved") counts[r.status]++;
    for (const t of r.tasks) if (t.status !== "unchanged") counts[t.status]++;
    if (r.titleDiff || r.descriptionDiff) counts.changed++;
    counts.changed += r.sections.length;
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
