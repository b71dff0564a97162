import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const html = (el: ReturnType<typeof Markdown>) => renderToStaticMarkup(el);

describe("Markdown (rendered once per text, issue 15)", () => {
  it("leaves out the line breaks between block elements but keeps the spaces between words", () => {
    expect(html(Markdown({ children: "- one\n- two\n\n1. three\n\n> quote\n\nend" }))).toBe(
      '<div class="prose-rb"><ul><li>one</li><li>two</li></ul><ol><li>three</li></ol><blockquote><p>quote</p></blockquote><p>end</p></div>',
    );
    expect(html(Markdown({ children: "**bold** *and* `code`" }))).toBe('<div class="prose-rb"><p><strong>bold</strong> <em>and</em> <code>code</code></p></div>');
  });

  it("reuses the rendered tree of a text it has seen, and renders it the same", () => {
    const text = `**Goodwill** up to €150 ${Math.random()}; see [the policy](/roles/service-advisor) <b>raw</b>`;
    const first = Markdown({ children: text });
    const second = Markdown({ children: text });
    expect(second).toBe(first);
    expect(html(second)).toBe(html(first));
    expect(html(first)).toContain("<strong>Goodwill</strong>");
    expect(html(first)).toContain('href="/roles/service-advisor"');
    expect(html(first)).not.toContain("<b>raw</b>");
  });

  it("keys the tree by the class and the whole text: an edited text is rendered anew", () => {
    const text = `Check the *tyres* ${Math.random()}`;
    const plain = Markdown({ children: text });
    expect(Markdown({ children: text, className: "mt-1" })).not.toBe(plain);
    const edited = Markdown({ children: `${text}!` });
    expect(edited).not.toBe(plain);
    expect(html(edited)).toContain("!</p>");
  });

  it("does not keep trees made with extra plugins (their output depends on them)", () => {
    const plugin = () => () => {};
    const text = `Marked ${Math.random()}`;
    expect(Markdown({ children: text, rehypePlugins: [plugin] })).not.toBe(Markdown({ children: text, rehypePlugins: [plugin] }));
  });

  it("still refuses unsafe links in a reused tree", () => {
    const text = `[click](javascript:alert(1)) ${Math.random()}`;
    Markdown({ children: text });
    expect(html(Markdown({ children: text }))).not.toContain("javascript:");
  });
});
