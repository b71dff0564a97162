import type { ReactElement } from "react";
import ReactMarkdown, { type Options } from "react-markdown";

/**
 * The href a Markdown link may have: http(s) and mailto links, and paths on this site ("/…", "#…").
 * A link starting with two slashes or backslashes in any mix ("//host", slash-backslash-host…) is
 * another site (browsers read backslashes as slashes): it is written out as https:// and treated
 * like any http(s) link. Browsers drop tabs and line breaks inside URLs and controls and spaces
 * around them, so this does too before the check. Anything else (javascript:, data:, vbscript:,
 * other schemes, bare words) is refused ("": the text stays, the link goes).
 */
export function markdownHref(url: string): string {
  const u = url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  // The Markdown parser hands a backslash over percent-encoded (%5C).
  if (/^(?:[\\/]|%5c){2}/i.test(u)) {
    const rest = u.replace(/^(?:[\\/]|%5c)+/i, "");
    return rest ? `https://${rest}` : "";
  }
  if (/^(https?:|mailto:)/i.test(u)) return u;
  if (/^[/#]/.test(u)) return u;
  return "";
}

/** The rendered trees of recent texts (least recently used dropped first). */
const rendered = new Map<string, ReactElement>();
const RENDERED_MAX = 1_000;
/** Texts longer than this are rendered every time rather than kept. */
const CACHED_TEXT_MAX = 10_000;

const components: Options["components"] = {
  a: ({ href, children }) => (
    <a href={href || undefined} rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
};

type HastNode = { type: string; tagName?: string; value?: string; children?: HastNode[] };
/** Block containers whose line-break text children render nothing (between list items, table rows…). */
const BLOCK_PARENTS = new Set(["ul", "ol", "table", "thead", "tbody", "tr", "blockquote", "root"]);

/**
 * Drops the whitespace-only text between block elements (the "\n" between two list items): it
 * renders nothing, but each one was a text node in the page and again in its React payload.
 */
export function dropBlockWhitespace() {
  const prune = (node: HastNode) => {
    if (!node.children) return;
    if (BLOCK_PARENTS.has(node.tagName ?? node.type)) node.children = node.children.filter((c) => !(c.type === "text" && /^\s*$/.test(c.value ?? "")));
    for (const c of node.children) prune(c);
  };
  return (tree: HastNode) => prune(tree);
}

/**
 * Renders user Markdown safely: raw HTML in the source is shown as text (never parsed), links are
 * limited by markdownHref, and images are not rendered.
 *
 * Parsing is most of a role page's rendering cost, and the same texts (a published role version
 * never changes) are shown on every request: without extra plugins, the rendered tree of a text is
 * kept and reused (issue 15). A React element is an immutable description, so sharing it between
 * requests is safe; the key is the whole text, so an edited text is a new entry.
 */
export function Markdown({
  children,
  className = "",
  rehypePlugins,
}: {
  children: string;
  className?: string;
  /** Extra HTML-tree steps, e.g. turning diff and search marks into <ins>/<del>/<mark>. */
  rehypePlugins?: Options["rehypePlugins"];
}) {
  const cacheable = !rehypePlugins && children.length <= CACHED_TEXT_MAX;
  const key = `${className}\u0000${children}`;
  const hit = cacheable ? rendered.get(key) : undefined;
  if (hit) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const tree = (
    <div className={className ? `prose-rb ${className}` : "prose-rb"}>
      {ReactMarkdown({
        skipHtml: false,
        disallowedElements: ["img"],
        unwrapDisallowed: true,
        rehypePlugins: [dropBlockWhitespace, ...(rehypePlugins ?? [])],
        urlTransform: markdownHref,
        components,
        children,
      })}
    </div>
  );
  if (cacheable) {
    rendered.set(key, tree);
    if (rendered.size > RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  }
  return tree;
}
