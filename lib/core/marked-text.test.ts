import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkedMarkdown } from "@/components/marked-markdown";
import { diffToMarkedMarkdown, snippetToMarkedMarkdown } from "@/lib/core/marked-text";
import { diffText } from "@/lib/roles/diff";

const html = (markdown: string) => renderToStaticMarkup(createElement(MarkedMarkdown, null, markdown));

describe("Markdown in diffs", () => {
  it("renders Markdown with removed words in <del> and added words in <ins>", () => {
    const out = html(diffToMarkedMarkdown(diffText("Greet **every** customer", "Greet **every waiting** customer")!));
    expect(out).toContain("<strong>every");
    expect(out).toMatch(/<ins[^>]*>\s?waiting<\/ins><\/strong>/);
    expect(out).not.toContain("**");
  });

  it("keeps an added list item a list item, its text marked", () => {
    const out = html(diffToMarkedMarkdown(diffText("- Check the tyres", "- Check the tyres\n- Check the lights")!));
    expect(out).toMatch(/<li><ins[^>]*>Check the lights<\/ins><\/li>/);
  });

  it("marks across elements: a removed bold phrase is struck through inside the bold", () => {
    const out = html(diffToMarkedMarkdown([{ value: "Say **hello** now", removed: true }]));
    expect(out).toMatch(/<del[^>]*>Say <\/del><strong><del[^>]*>hello<\/del><\/strong><del[^>]*> now<\/del>/);
  });

  it("never renders raw HTML or unsafe links, and ignores forged marks in user text", () => {
    const out = html(diffToMarkedMarkdown(diffText("ok", "ok <script>alert(1)</script> [x](javascript:alert(1)) \uE000forged\uE001")!));
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;script>");
    expect(out).not.toContain("javascript:");
    expect(out).not.toMatch(/<ins[^>]*>forged/);
  });
});

describe("Markdown in search snippets", () => {
  it("renders the snippet's Markdown and keeps the hit highlighted", () => {
    const out = html(snippetToMarkedMarkdown("…record the **\u0002warranty\u0003 claim** on the RO…"));
    expect(out).toMatch(/<strong><mark[^>]*>warranty<\/mark> claim<\/strong>/);
    expect(out).not.toContain("**");
    expect(out).not.toContain("\u0002");
  });
});
