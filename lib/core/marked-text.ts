/**
 * Marked Markdown: Markdown text with spans marked as added, removed or highlighted by private-use
 * characters, so the Markdown can be rendered (sanitized) and the marks survive as <ins>, <del> and
 * <mark> elements. Pure: the renderer lives in components/marked-markdown.tsx.
 */
import type { TextDiff } from "@/lib/roles/diff";

export const MARK_TAGS = ["ins", "del", "mark"] as const;
export type MarkTag = (typeof MARK_TAGS)[number];

export const MARK_OPEN: Record<MarkTag, string> = { ins: "\uE000", del: "\uE002", mark: "\uE004" };
export const MARK_CLOSE: Record<MarkTag, string> = { ins: "\uE001", del: "\uE003", mark: "\uE005" };

const SENTINELS = /[\uE000-\uE005]/g;

/** Removes any marks (user text cannot forge them). */
export function stripMarks(text: string): string {
  return text.replace(SENTINELS, "");
}

/**
 * A mark at the start of a line goes after the line's block syntax ("- ", "1. ", "## ", "> "), so an
 * added list item is still a list item, only its text marked.
 */
function afterBlockSyntax(text: string): string {
  return text.replace(/(^|\n)([\uE000-\uE005]+)((?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+|[ \t]*#{1,6}[ \t]+|[ \t]*>[ \t]?)+)/g, "$1$3$2");
}

/** A word diff as one Markdown text: removed parts marked "del", added parts "ins". */
export function diffToMarkedMarkdown(diff: TextDiff): string {
  const text = diff
    .map((p) => {
      const value = stripMarks(p.value);
      if (!value) return "";
      const tag: MarkTag | null = p.added ? "ins" : p.removed ? "del" : null;
      return tag ? `${MARK_OPEN[tag]}${value}${MARK_CLOSE[tag]}` : value;
    })
    .join("");
  return afterBlockSyntax(text);
}

/** A search snippet whose hits sit between `open` and `close` (FTS5 snippet()) as marked Markdown. */
export function snippetToMarkedMarkdown(snippet: string, open = "\u0002", close = "\u0003"): string {
  return afterBlockSyntax(stripMarks(snippet).split(open).join(MARK_OPEN.mark).split(close).join(MARK_CLOSE.mark));
}
