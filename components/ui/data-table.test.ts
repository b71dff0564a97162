import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CELL_LABELS_MAX, columnLabels } from "@/components/ui/data-table";

describe("columnLabels", () => {
  it("gives each column its label as a CSS string, --c1 first", () => {
    expect(columnLabels(["Person", "Role"])).toEqual({ "--c1": '"Person"', "--c2": '"Role"' });
  });
  it("escapes quotes and backslashes, so a translation cannot end the string", () => {
    expect(columnLabels(['Say "hi"', "a\\b", "two\nlines"])).toEqual({ "--c1": '"Say \\"hi\\""', "--c2": '"a\\\\b"', "--c3": '"two lines"' });
  });
  it("labels as many columns as the stylesheet has rules for", () => {
    expect(Object.keys(columnLabels(Array.from({ length: 14 }, (_, i) => `c${i}`)))).toHaveLength(CELL_LABELS_MAX);
    const css = readFileSync("app/globals.css", "utf8");
    for (let i = 1; i <= CELL_LABELS_MAX; i++) expect(css).toContain(`.rb-cells td:nth-child(${i})::before {\n    content: var(--c${i});`);
  });
});
