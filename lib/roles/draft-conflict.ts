import type { RoleDoc, RoleResponsibility, RoleTask } from "@/lib/roles/doc";
import { SECTION_NAMES, sectionText } from "@/lib/roles/diff";

/**
 * When someone else saved the draft first: the fields this person changed (against the draft they
 * started from) whose text differs from the saved draft. The editor shows the saved draft and
 * lists these beside it, so nothing the person wrote is lost and nothing of the other person's is
 * overwritten without a choice ("use mine" per field). Pure: used by the editor in the browser.
 */
export type ConflictKind =
  | "title"
  | "purpose"
  | "tools"
  | "responsibility"
  | "responsibilityTitle"
  | "responsibilityDescription"
  | "responsibilitySections"
  | "task"
  | "taskTitle"
  | "taskDescription";

export type ConflictField = {
  /** Stable id: "title", "r:<key>:title", "t:<key>"… */
  id: string;
  kind: ConflictKind;
  /** Where the field sits (the responsibility or task title), for the label. */
  context: string | null;
  /** This person's text; null when they removed the responsibility or task. */
  mine: string | null;
  /** The saved text; null when the saved draft does not have the responsibility or task. */
  theirs: string | null;
};

const sections = (r: RoleResponsibility) => JSON.stringify(SECTION_NAMES.map((n) => r[n]));
const sectionsText = (r: RoleResponsibility) =>
  SECTION_NAMES.map((n) => sectionText(r, n))
    .filter(Boolean)
    .join("\n");
const respText = (r: RoleResponsibility) => [r.title, r.description, ...r.tasks.map((t) => `- ${t.title}`)].filter(Boolean).join("\n");
const taskText = (t: RoleTask) => [t.title, t.description].filter(Boolean).join("\n");
const tools = (d: RoleDoc) => (d.tools ?? []).join("\n");

function tasksOf(doc: RoleDoc) {
  const map = new Map<string, { task: RoleTask; resp: RoleResponsibility }>();
  for (const resp of doc.responsibilities) for (const task of resp.tasks) map.set(task.key, { task, resp });
  return map;
}

export function conflictFields(base: RoleDoc, mine: RoleDoc, theirs: RoleDoc): ConflictField[] {
  const out: ConflictField[] = [];
  const text = (id: string, kind: ConflictKind, context: string | null, b: string, m: string, t: string) => {
    if (m !== b && m !== t) out.push({ id, kind, context, mine: m, theirs: t });
  };
  text("title", "title", null, base.title, mine.title, theirs.title);
  text("purpose", "purpose", null, base.purpose, mine.purpose, theirs.purpose);
  text("tools", "tools", null, tools(base), tools(mine), tools(theirs));

  const baseR = new Map(base.responsibilities.map((r) => [r.key, r]));
  const theirR = new Map(theirs.responsibilities.map((r) => [r.key, r]));
  const baseT = tasksOf(base);
  const theirT = tasksOf(theirs);
  const mineR = new Set(mine.responsibilities.map((r) => r.key));
  const mineT = tasksOf(mine);

  for (const r of mine.responsibilities) {
    const b = baseR.get(r.key);
    const t = theirR.get(r.key);
    if (!t) {
      // new, or removed by the other person: offered whole if this person added or changed it
      if (!b || JSON.stringify(b) !== JSON.stringify(r)) out.push({ id: `r:${r.key}`, kind: "responsibility", context: r.title || null, mine: respText(r), theirs: null });
      continue;
    }
    if (!b) continue; // same key on both sides without a base cannot happen (keys are random)
    text(`r:${r.key}:title`, "responsibilityTitle", t.title, b.title, r.title, t.title);
    text(`r:${r.key}:description`, "responsibilityDescription", t.title, b.description, r.description, t.description);
    if (sections(r) !== sections(b) && sections(r) !== sections(t))
      out.push({ id: `r:${r.key}:sections`, kind: "responsibilitySections", context: t.title, mine: sectionsText(r), theirs: sectionsText(t) });
    for (const task of r.tasks) {
      const bt = baseT.get(task.key)?.task;
      const tt = theirT.get(task.key)?.task;
      if (!tt) {
        if (!bt || JSON.stringify(bt) !== JSON.stringify(task)) out.push({ id: `t:${task.key}`, kind: "task", context: t.title, mine: taskText(task), theirs: null });
        continue;
      }
      if (!bt) continue;
      text(`t:${task.key}:title`, "taskTitle", tt.title, bt.title, task.title, tt.title);
      text(`t:${task.key}:description`, "taskDescription", tt.title, bt.description, task.description, tt.description);
    }
  }
  // what this person removed that the saved draft still has
  for (const r of base.responsibilities)
    if (!mineR.has(r.key) && theirR.has(r.key)) out.push({ id: `r:${r.key}`, kind: "responsibility", context: theirR.get(r.key)!.title, mine: null, theirs: respText(theirR.get(r.key)!) });
  for (const [key, { resp }] of baseT)
    if (mineR.has(resp.key) && !mineT.has(key) && theirT.has(key))
      out.push({ id: `t:${key}`, kind: "task", context: theirT.get(key)!.resp.title, mine: null, theirs: taskText(theirT.get(key)!.task) });
  return out;
}

/** The saved draft with one of this person's changes put back (see {@link conflictFields}). */
export function applyMine(theirs: RoleDoc, mine: RoleDoc, id: string): RoleDoc {
  const doc = structuredClone(theirs);
  const [scope, key, prop] = id.split(":");
  if (scope === "title") doc.title = mine.title;
  else if (scope === "purpose") doc.purpose = mine.purpose;
  else if (scope === "tools") doc.tools = [...(mine.tools ?? [])];
  else if (scope === "r") {
    const m = mine.responsibilities.find((r) => r.key === key);
    const i = doc.responsibilities.findIndex((r) => r.key === key);
    if (!prop) {
      if (!m) doc.responsibilities = doc.responsibilities.filter((r) => r.key !== key);
      else if (i < 0) doc.responsibilities.splice(Math.min(mine.responsibilities.indexOf(m), doc.responsibilities.length), 0, structuredClone(m));
      else doc.responsibilities[i] = structuredClone(m);
    } else if (m && i >= 0) {
      const r = doc.responsibilities[i];
      if (prop === "title") r.title = m.title;
      else if (prop === "description") r.description = m.description;
      else if (prop === "sections") for (const n of SECTION_NAMES) Object.assign(r, { [n]: structuredClone(m[n]) });
    }
  } else if (scope === "t") {
    const m = tasksOf(mine).get(key);
    const where = doc.responsibilities.find((r) => r.tasks.some((t) => t.key === key));
    if (!prop) {
      if (!m) {
        if (where) where.tasks = where.tasks.filter((t) => t.key !== key);
      } else if (where) where.tasks = where.tasks.map((t) => (t.key === key ? structuredClone(m.task) : t));
      else {
        const home = doc.responsibilities.find((r) => r.key === m.resp.key) ?? doc.responsibilities.at(-1);
        if (home) home.tasks.splice(Math.min(m.resp.tasks.indexOf(m.task), home.tasks.length), 0, structuredClone(m.task));
      }
    } else if (m && where) {
      const t = where.tasks.find((x) => x.key === key)!;
      if (prop === "title") t.title = m.task.title;
      else if (prop === "description") t.description = m.task.description;
    }
  }
  return doc;
}
