import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { urlAttributes } from "html-url-attributes";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type PluggableList } from "unified";
import { visit } from "unist-util-visit";

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

/** The HTML of recent texts (least recently used dropped first). */
const rendered = new Map<string, string>();
const RENDERED_MAX = 2_000;
/** Texts longer than this are rendered every time rather than kept. */
const CACHED_TEXT_MAX = 10_000;

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

const LINK_REL = ["noopener", "noreferrer", "nofollow"];
/** Elements left out, their content kept: images (user Markdown shows none). */
const UNWRAPPED = new Set(["img"]);

/**
 * What makes the tree safe, whatever the text: raw HTML in the source becomes text (shown, never
 * parsed), every URL attribute goes through markdownHref, images are replaced by their content
 * (none), and links get rel="noopener noreferrer nofollow" (and no href at all when theirs was
 * refused). The same steps react-markdown takes with skipHtml=false, disallowedElements=["img"],
 * unwrapDisallowed and urlTransform, which this renderer replaced.
 */
export function sanitizeMarkdownTree(tree: Root): Root {
  visit(tree, (node, index, parent) => {
    if ((node as { type: string }).type === "raw" && parent && typeof index === "number") {
      parent.children[index] = { type: "text", value: (node as unknown as { value: string }).value };
      return index;
    }
    if (node.type !== "element") return;
    const el = node as Element;
    for (const key of Object.keys(urlAttributes)) {
      const test = urlAttributes[key];
      if (Object.hasOwn(el.properties, key) && (test === null || test.includes(el.tagName))) el.properties[key] = markdownHref(String(el.properties[key] ?? ""));
    }
    if (UNWRAPPED.has(el.tagName) && parent && typeof index === "number") {
      parent.children.splice(index, 1, ...(el.children as ElementContent[]));
      return index;
    }
    if (el.tagName === "a") {
      if (!el.properties.href) delete el.properties.href;
      el.properties.rel = LINK_REL;
    }
  });
  return tree;
}

/** Writes a (sanitized) tree out as HTML: every text and attribute escaped, in the shortest form. */
export function writeHtml(tree: Root | ElementContent | ElementContent[]): string {
  return toHtml(tree, { characterReferences: { useShortestReferences: true } });
}

const base = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(dropBlockWhitespace);

/** User Markdown as a sanitized HTML tree (sanitizeMarkdownTree), after any extra HTML-tree steps. */
export function markdownTree(text: string, rehypePlugins?: PluggableList): Root {
  const processor = rehypePlugins?.length ? base().use(rehypePlugins) : base;
  return sanitizeMarkdownTree(processor.runSync(processor.parse(text)) as Root);
}

/**
 * User Markdown as HTML: the sanitized tree (markdownTree) written out with every text and
 * attribute escaped. Parsing is most of a role page's rendering cost, and the same texts (a
 * published role version never changes) are shown on every request: the HTML of a text is kept and
 * reused (issue 15). The key is the whole text, so an edited text is a new entry. What extra plugins
 * make is kept only when the caller names them (`cacheAs`) and so vouches that their output depends
 * on the text alone (the diff and search marks, which are characters in the text); each name keys
 * its own entries.
 */
export function markdownHtml(text: string, rehypePlugins?: PluggableList, cacheAs?: string): string {
  const cacheable = (!rehypePlugins?.length || Boolean(cacheAs)) && text.length <= CACHED_TEXT_MAX;
  const key = rehypePlugins?.length ? `${cacheAs}\u0000${text}` : text;
  const hit = cacheable ? rendered.get(key) : undefined;
  if (hit !== undefined) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const html = writeHtml(markdownTree(text, rehypePlugins));
  if (cacheable) {
    rendered.set(key, html);
    if (rendered.size > RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  }
  return html;
}

/**
 * Renders user Markdown safely (markdownHtml: raw HTML in the source is shown as text, links are
 * limited by markdownHref, images are not rendered). The page carries the finished HTML, one string,
 * rather than an element per paragraph, list item and emphasis (issue 15: each element was rendered
 * and sent twice, as HTML and in the React payload).
 */
export function Markdown({
  children,
  className = "",
  rehypePlugins,
  cacheAs,
}: {
  children: string;
  className?: string;
  /** Extra HTML-tree steps, e.g. turning diff and search marks into <ins>/<del>/<mark>. */
  rehypePlugins?: PluggableList;
  /** A name for the plugins whose output depends on the text alone: their HTML is then kept (markdownHtml). */
  cacheAs?: string;
}) {
  return <div className={className ? `prose-rb ${className}` : "prose-rb"} dangerouslySetInnerHTML={{ __html: markdownHtml(children, rehypePlugins, cacheAs) }} />;
}
