import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Markdown, markdownHref } from "@/components/markdown";
import { courseInputSchema } from "@/lib/capability/courses";
import { roleDocSchema } from "@/lib/roles/doc";
import { issueMessage } from "./action";
import { cleanText, dateInRange, fields, textLines } from "./validation";

/** Issue 14, point 9: names, titles and summaries are cleaned; dates stay in 1900–2100; Markdown links are safe. */

const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

describe("cleanText", () => {
  it("strips NUL and every bidirectional embedding, override and isolate", () => {
    expect(cleanText("Ad\u0000a")).toBe("Ada");
    for (const ch of BIDI) expect(cleanText(`invoice${ch}fdp.exe`)).toBe("invoicefdp.exe");
    expect(cleanText("\u202Egnp.exe\u202C Lovelace")).toBe("gnp.exe Lovelace");
  });

  it("turns tabs and line breaks into spaces in a single line and drops the other C0 controls and DEL", () => {
    expect(cleanText("Ada\tLove\r\nlace")).toBe("Ada Love  lace");
    expect(cleanText("A\u0001\u0007\u001B[31mda\u007F")).toBe("A[31mda");
  });

  it("keeps tabs and line breaks in multi-line text, and everything people really write", () => {
    expect(cleanText("one\n\ttwo\r\nthree\u0000", { multiline: true })).toBe("one\n\ttwo\r\nthree");
    const real = "Şükrü Öztürk, Jānis Bērziņš, Žydrūnė, Ștefan — שלום مرحبا 👋 \u200D";
    expect(cleanText(real)).toBe(real);
  });
});

describe("names, titles and summaries in forms", () => {
  it("fields.name and fields.title clean, then trim, then check emptiness", () => {
    expect(fields.name.parse(" \u202EAda\u0000 Lovelace\u2066 ")).toBe("Ada Lovelace");
    expect(fields.title.parse("Open\nthe\u0000 shop")).toBe("Open the shop");
    // Nothing but controls is empty: required.
    const empty = fields.name.safeParse("\u202E\u0000 ");
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.code).toBe("too_small");
  });

  it("summaries keep their lines", () => {
    expect(textLines(100).parse(" First line\u202E\nsecond\u0000 ")).toBe("First line\nsecond");
  });

  it("applies to course titles and summaries and to every title in a role description", () => {
    const course = courseInputSchema.parse({ title: "Safety\u202E 101", kind: "technical", summary: "Line\u0000 one\nLine two", content: "", estimatedMinutes: "5" });
    expect(course.title).toBe("Safety 101");
    expect(course.summary).toBe("Line one\nLine two");
    const doc = roleDocSchema.parse({
      title: "Service\u2067 advisor",
      responsibilities: [{ key: "r1", title: "Greet\u0000 customers", tasks: [{ key: "t1", title: "Say\u202D hello" }] }],
    });
    expect(doc.title).toBe("Service advisor");
    expect(doc.responsibilities[0]!.title).toBe("Greet customers");
    expect(doc.responsibilities[0]!.tasks[0]!.title).toBe("Say hello");
  });
});

describe("dates", () => {
  it("accepts 1900-01-01 through 2100-12-31", () => {
    for (const d of ["1900-01-01", "1999-12-31", "2026-02-28", "2100-12-31"]) {
      expect(dateInRange(d)).toBe(true);
      expect(fields.date.parse(d)).toBe(d);
    }
  });

  it("refuses days outside the range with its own message key", () => {
    for (const d of ["1899-12-31", "0001-01-01", "2101-01-01", "9999-12-31"]) {
      expect(dateInRange(d)).toBe(false);
      const r = fields.date.safeParse(d);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ code: "custom", message: "dateOutOfRange" });
    }
  });

  it("shows the range message next to the field", () => {
    const issue = fields.date.safeParse("2101-01-01").error!.issues[0]!;
    expect(issueMessage(issue, (key) => `errors.${key}`)).toBe("errors.dateOutOfRange");
  });

  it("still refuses non-dates as invalid, not as out of range", () => {
    const r = fields.date.safeParse("2026-02-30");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe("invalid_format");
    expect(z.object({ d: fields.date }).safeParse({ d: "soon" }).error?.issues).toHaveLength(1);
  });
});

const html = (markdown: string) => renderToStaticMarkup(createElement(Markdown, null, markdown));

describe("Markdown links", () => {
  it("keeps http(s), mailto and this site's paths", () => {
    expect(markdownHref("https://example.com/a?b#c")).toBe("https://example.com/a?b#c");
    expect(markdownHref("http://example.com")).toBe("http://example.com");
    expect(markdownHref("mailto:hr@example.com")).toBe("mailto:hr@example.com");
    expect(markdownHref("/roles/service-advisor")).toBe("/roles/service-advisor");
    expect(markdownHref("#task-1")).toBe("#task-1");
  });

  it.each(["//evil.example/x", "/\\evil.example/x", "\\\\evil.example/x", "\\/evil.example/x", "/\t/evil.example/x", " //evil.example/x", "///evil.example/x", "/%5Cevil.example/x", "%5C%5Cevil.example/x"])(
    "treats %j as the external site it is (https://evil.example/x)",
    (href) => {
      expect(markdownHref(href)).toBe("https://evil.example/x");
    },
  );

  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "\u0001javascript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "file:///etc/passwd", "ftp://example.com", "evil.example", "//", "\\\\"])(
    "refuses %j",
    (href) => {
      expect(markdownHref(href)).toBe("");
    },
  );

  it("renders a protocol-relative link like an http(s) one: absolute, no referrer, no opener", () => {
    const out = html("[site](//evil.example/path) and [web](https://example.com)");
    expect(out).toContain('<a href="https://evil.example/path" rel="noopener noreferrer nofollow">site</a>');
    expect(out).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">web</a>');
    expect(out).not.toContain('href="//');
  });

  it("renders a backslash form and a refused scheme without a usable href", () => {
    // The Markdown parser percent-encodes the backslash ("/%5Cevil.example"): still the other site.
    const out = html("[a](/\\evil.example) [b](javascript:alert(1)) [c](/people/1)");
    expect(out).toContain('<a href="https://evil.example" rel="noopener noreferrer nofollow">a</a>');
    expect(out).toContain('<a rel="noopener noreferrer nofollow">b</a>');
    expect(out).toContain('<a href="/people/1" rel="noopener noreferrer nofollow">c</a>');
    expect(out).not.toContain("javascript:");
  });
});
