import { Markdown } from "@/components/markdown";
import type { Element, ElementContent, Root } from "hast";
import { MARK_CLOSE, MARK_OPEN, MARK_TAGS, type MarkTag } from "@/lib/core/marked-text";

const OPENS = new Map(MARK_TAGS.map((t) => [MARK_OPEN[t], t]));
const CLOSES = new Set(MARK_TAGS.map((t) => MARK_CLOSE[t]));
const SENTINELS = /[\uE000-\uE005]/g;

const CLASS: Record<MarkTag, string> = {
  ins: "rounded bg-green-100 text-green-900 underline decoration-green-700",
  del: "rounded bg-red-100 text-red-900 line-through",
  mark: "rounded bg-amber-100 px-0.5",
};

/**
 * Turns the mark characters in text nodes into <ins>, <del> and <mark> elements. The open mark
 * carries across element boundaries (a change spanning bold text, or several list items), in
 * document order.
 */
function rehypeMarks() {
  return (tree: Root) => {
    let open: MarkTag | null = null;
    const walk = (node: Root | Element) => {
      const out: ElementContent[] = [];
      for (const child of node.children) {
        // Raw HTML is shown as text (never parsed), so it is marked like text.
        const raw = (child as { type: string }).type === "raw";
        if (child.type === "text" || raw) {
          let buf = "";
          const flush = () => {
            if (!buf) return;
            out.push(open ? { type: "element", tagName: open, properties: { className: CLASS[open].split(" ") }, children: [{ type: "text", value: buf }] } : { type: "text", value: buf });
            buf = "";
          };
          for (const ch of (child as { value: string }).value) {
            const tag = OPENS.get(ch);
            if (tag) {
              flush();
              open = tag;
            } else if (CLOSES.has(ch)) {
              flush();
              open = null;
            } else buf += ch;
          }
          flush();
        } else if (child.type === "element") {
          for (const [k, v] of Object.entries(child.properties)) if (typeof v === "string") child.properties[k] = v.replace(SENTINELS, "");
          walk(child);
          out.push(child);
        } else if (child.type !== "doctype") out.push(child);
      }
      node.children = out;
    };
    walk(tree);
  };
}

/**
 * Renders marked Markdown (lib/core/marked-text.ts) like components/markdown.tsx does user
 * Markdown (raw HTML shown as text, safe links only, no images), keeping its marks. The marks are
 * characters in the text, so the HTML depends on the text alone and is kept like Markdown's
 * (cacheAs "marks"): a change's diff and a frequent search are written once.
 */
export function MarkedMarkdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <Markdown className={className} rehypePlugins={[rehypeMarks]} cacheAs="marks">
      {children}
    </Markdown>
  );
}
