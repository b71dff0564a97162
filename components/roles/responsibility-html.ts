import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import { markdownTree, writeHtml as html } from "@/components/markdown";
import { STANDARD_CATEGORIES, type RoleResponsibility, type StandardCategory } from "@/lib/roles/doc";

/** The words around a responsibility's parts, in the reader's language. */
export type ResponsibilityLabels = {
  tasks: (count: number) => string;
  standards: string;
  category: (c: StandardCategory) => string;
  whenWrong: string;
  escalateTo: string;
  decisionRights: string;
  evaluation: string;
};

/**
 * The parts of a responsibility that read the same for everyone, as the inner HTML of their
 * `.rb-sec` blocks (null when the part is empty). Its title, description and capabilities (links
 * into the app) stay elements of the page, and so do the tasks when a page adds something per task.
 */
export type ResponsibilityParts = {
  tasks: string | null;
  standards: string | null;
  whenWrong: string | null;
  decisionRights: string | null;
  evaluation: string | null;
};

/** Sanitized Markdown (components/markdown.tsx markdownTree) inside a `.prose-rb` block. */
function markdown(text: string, className?: string): Element {
  return h("div", { className: className ? `prose-rb ${className}` : "prose-rb" }, markdownTree(text).children as ElementContent[]);
}

/** Builds the parts (no cache: see responsibilityParts). Every text is a text node: escaped when written out. */
export function buildResponsibilityParts(r: RoleResponsibility, l: ResponsibilityLabels): ResponsibilityParts {
  const title = (text: string) => h("h4", text);
  return {
    tasks: r.tasks.length
      ? html([
          title(l.tasks(r.tasks.length)),
          h(
            "ul",
            { className: "rb-rows rb-tasks" },
            r.tasks.map((task) => h("li", { id: `t-${task.key}` }, [h("p", task.title), ...(task.description ? [markdown(task.description)] : [])])),
          ),
        ])
      : null,
    standards: r.standards.length
      ? html([
          title(l.standards),
          h(
            "dl",
            { className: "rb-standards" },
            STANDARD_CATEGORIES.filter((c) => r.standards.some((s) => s.category === c)).map((c) =>
              h("div", [h("dt", l.category(c)), ...r.standards.filter((s) => s.category === c).map((s) => h("dd", [markdown(s.text)]))]),
            ),
          ),
        ])
      : null,
    whenWrong:
      r.whenWrong.steps || r.whenWrong.escalateTo
        ? html([
            title(l.whenWrong),
            ...(r.whenWrong.steps ? [markdown(r.whenWrong.steps)] : []),
            ...(r.whenWrong.escalateTo ? [h("p", { className: "mt-1" }, [h("span", { className: "font-medium" }, `${l.escalateTo}:`), ` ${r.whenWrong.escalateTo}`])] : []),
          ])
        : null,
    decisionRights: r.decisionRights.length
      ? html([
          title(l.decisionRights),
          h(
            "ul",
            { className: "list-disc space-y-1 pl-5" },
            r.decisionRights.map((x) => h("li", [h("span", { className: "font-medium" }, x.decision), ...(x.limit ? [h("span", { className: "text-slate-600" }, ` — ${x.limit}`)] : [])])),
          ),
        ])
      : null,
    evaluation: r.evaluation.length
      ? html([
          title(l.evaluation),
          h(
            "ul",
            { className: "space-y-1" },
            r.evaluation.map((x) => h("li", [h("span", { className: "font-medium" }, x.criterion), ...(x.good ? [markdown(x.good, "text-slate-600")] : [])])),
          ),
        ])
      : null,
  };
}

/** The parts of recent responsibilities, by language and content (least recently used dropped first). */
const kept = new Map<string, ResponsibilityParts>();
const KEPT_MAX = 1_000;

/**
 * A responsibility's parts, written once per language and content and then reused (issue 15: a
 * published role version never changes, so each request used to render the same elements again).
 * The key is the whole responsibility, so an edited one (a new version, a draft) is a new entry;
 * the labels are the language's, so the locale stands for them.
 */
export function responsibilityParts(r: RoleResponsibility, locale: string, labels: ResponsibilityLabels): ResponsibilityParts {
  const key = `${locale}\u0000${JSON.stringify(r)}`;
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const parts = buildResponsibilityParts(r, labels);
  kept.set(key, parts);
  if (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value!);
  return parts;
}
