import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// Counts how often a tree is written out as HTML (the real function does the work).
const written = vi.hoisted(() => ({ n: 0 }));
vi.mock("hast-util-to-html", async (importOriginal) => {
  const real = await importOriginal<typeof import("hast-util-to-html")>();
  return { ...real, toHtml: (...args: Parameters<typeof real.toHtml>) => (written.n++, real.toHtml(...args)) };
});

const { Markdown, markdownHtml } = await import("./markdown");

const html = (el: ReturnType<typeof Markdown>) => renderToStaticMarkup(el);

describe("Markdown (rendered once per text, issue 15)", () => {
  it("leaves out the line breaks between block elements but keeps the spaces between words", () => {
    expect(html(Markdown({ children: "- one\n- two\n\n1. three\n\n> quote\n\nend" }))).toBe(
      '<div class="prose-rb"><ul><li>one</li><li>two</li></ul><ol><li>three</li></ol><blockquote><p>quote</p></blockquote><p>end</p></div>',
    );
    expect(html(Markdown({ children: "**bold** *and* `code`" }))).toBe('<div class="prose-rb"><p><strong>bold</strong> <em>and</em> <code>code</code></p></div>');
  });

  it("is one element carrying the finished HTML, with the class given", () => {
    const el = Markdown({ children: "Hello *there*", className: "mt-1" });
    expect(el.type).toBe("div");
    expect(el.props).toEqual({ className: "prose-rb mt-1", dangerouslySetInnerHTML: { __html: "<p>Hello <em>there</em></p>" } });
  });

  it("writes a text it has seen only once, and the same each time", () => {
    const text = `**Goodwill** up to €150 ${Math.random()}; see [the policy](/roles/service-advisor) <b>raw</b>`;
    const before = written.n;
    const first = markdownHtml(text);
    expect(markdownHtml(text)).toBe(first);
    expect(html(Markdown({ children: text }))).toBe(`<div class="prose-rb">${first}</div>`);
    expect(written.n - before).toBe(1);
    expect(first).toContain("<strong>Goodwill</strong>");
    expect(first).toContain('href="/roles/service-advisor"');
    expect(first).toContain("&lt;b>raw&lt;/b>");
    expect(first).not.toContain("<b>");
  });

  it("keys by the whole text: an edited text is written anew", () => {
    const text = `Check the *tyres* ${Math.random()}`;
    markdownHtml(text);
    const before = written.n;
    expect(markdownHtml(`${text}!`)).toContain("!</p>");
    expect(written.n - before).toBe(1);
  });

  it("does not keep what extra plugins made (their output depends on them)", () => {
    const plugin = () => () => {};
    const text = `Marked ${Math.random()}`;
    const before = written.n;
    markdownHtml(text, [plugin]);
    markdownHtml(text, [plugin]);
    expect(written.n - before).toBe(2);
  });

  it("keeps what named plugins made, per name and text, and never hands one name's HTML to another or to plain Markdown", () => {
    let runs = 0;
    const plugin = () => () => void runs++;
    const other = () => (tree: { children: unknown[] }) => void tree.children.push({ type: "text", value: "other" });
    const text = `Marked ${Math.random()}`;
    const before = written.n;
    const first = markdownHtml(text, [plugin], "counting");
    expect(markdownHtml(text, [plugin], "counting")).toBe(first);
    expect(runs).toBe(1);
    expect(written.n - before).toBe(1);
    // Another name, or no plugin at all, is its own entry.
    expect(markdownHtml(text, [other], "other")).toContain("other");
    expect(markdownHtml(text)).toBe(first);
    expect(written.n - before).toBe(3);
    // An edited text runs the plugins again.
    markdownHtml(`${text}!`, [plugin], "counting");
    expect(runs).toBe(2);
  });

  it("runs extra plugins before the safety steps: a plugin cannot bring back what they remove", () => {
    // A plugin that adds a javascript: link and an image: both are made safe afterwards.
    const plugin = () => (tree: { children: unknown[] }) => {
      tree.children.push(
        { type: "element", tagName: "a", properties: { href: "javascript:alert(1)" }, children: [{ type: "text", value: "x" }] },
        { type: "element", tagName: "img", properties: { src: "https://evil.example/i.png" }, children: [] },
        { type: "raw", value: "<script>alert(1)</script>" },
      );
    };
    const out = markdownHtml("Text", [plugin]);
    expect(out).not.toContain("javascript:");
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<script");
    expect(out).toContain('<a rel="noopener noreferrer nofollow">x</a>');
  });

  it("refuses unsafe links and images, shows raw HTML as text, also when reused", () => {
    const text = `[click](javascript:alert(1)) ![pic](https://evil.example/p.png) <img src=x onerror=alert(1)> <script>alert(2)</script> ${Math.random()}`;
    for (let i = 0; i < 2; i++) {
      const out = markdownHtml(text);
      expect(out).not.toContain("javascript:");
      expect(out).not.toContain("<img");
      expect(out).not.toContain("<script");
      expect(out).toContain("&lt;img src=x onerror=alert(1)>");
      expect(out).toContain("&lt;script>alert(2)&lt;/script>");
      expect(out).toContain('<a rel="noopener noreferrer nofollow">click</a>');
    }
  });
});
