import { describe, expect, it } from "vitest";
import { linkify } from "@/components/ui/linkify";

const links = (text: string) => linkify(text).filter((p) => p.kind === "link");

describe("linkify", () => {
  it("turns http, https and mailto addresses into links and keeps the rest as text", () => {
    expect(linkify("See https://example.com/a?b=1 and http://x.org, or mailto:hr@example.com")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: " and " },
      { kind: "link", text: "http://x.org", href: "http://x.org" },
      { kind: "text", text: ", or " },
      { kind: "link", text: "mailto:hr@example.com", href: "mailto:hr@example.com" },
    ]);
  });

  it("links bare www. hosts and e-mail addresses with a safe scheme", () => {
    expect(links("ask hr@example.com or www.example.com/help")).toEqual([
      { kind: "link", text: "hr@example.com", href: "mailto:hr@example.com" },
      { kind: "link", text: "www.example.com/help", href: "https://www.example.com/help" },
    ]);
  });

  it("never links javascript:, data: or other schemes", () => {
    expect(links("javascript:alert(1) data:text/html,<b>x</b> file:///etc/passwd ftp://x.org")).toEqual([]);
    expect(linkify("javascript:alert(1)")).toEqual([{ kind: "text", text: "javascript:alert(1)" }]);
  });

  it("leaves trailing punctuation out of the link, but keeps balanced brackets", () => {
    expect(links("Read https://example.com/page.")[0].href).toBe("https://example.com/page");
    expect(links("(see https://example.com/x), then")[0].href).toBe("https://example.com/x");
    expect(links("Is it https://example.com?")[0].href).toBe("https://example.com");
    expect(links("https://en.wikipedia.org/wiki/Foo_(bar)!")[0].href).toBe("https://en.wikipedia.org/wiki/Foo_(bar)");
    const parts = linkify("Go to https://example.com/page.");
    expect(parts.at(-1)).toEqual({ kind: "text", text: "." });
  });

  it("returns the text unchanged when there is nothing to link", () => {
    expect(linkify("Just words, no links.")).toEqual([{ kind: "text", text: "Just words, no links." }]);
    expect(linkify("")).toEqual([]);
  });
});
