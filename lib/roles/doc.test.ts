import { describe, expect, it } from "vitest";
import { parseRoleDoc } from "@/lib/roles/doc";

/** A role document as stored, with what the schema fills in or cleans left out. */
const stored = JSON.stringify({
  title: "  Parts Clerk  ",
  responsibilities: [{ key: "r1", title: "Counter", tasks: [{ key: "t1", title: "Serve the counter" }] }],
});

describe("parseRoleDoc (checked once per text, issue 15)", () => {
  it("gives the same checked document the first time and from the cache", () => {
    const first = parseRoleDoc(stored);
    expect(first.title).toBe("Parts Clerk");
    expect(first.responsibilities[0].tasks[0].description).toBe("");
    expect(first.responsibilities[0].standards).toEqual([]);
    const again = parseRoleDoc(stored);
    expect(again).toEqual(first);
  });

  it("hands every caller its own object: changing one does not change the next", () => {
    const a = parseRoleDoc(stored);
    a.responsibilities[0].title = "changed";
    a.responsibilities.push({ ...a.responsibilities[0], key: "r2" });
    const b = parseRoleDoc(stored);
    expect(b.responsibilities).toHaveLength(1);
    expect(b.responsibilities[0].title).toBe("Counter");
    expect(b).not.toBe(parseRoleDoc(stored));
  });

  it("still refuses an invalid document every time (nothing invalid is kept)", () => {
    const bad = JSON.stringify({ title: "", responsibilities: [] });
    expect(() => parseRoleDoc(bad)).toThrow();
    expect(() => parseRoleDoc(bad)).toThrow();
  });
});
