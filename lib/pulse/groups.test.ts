import { describe, expect, it } from "vitest";
import { groupShown, suppress } from "@/lib/pulse/groups";

const kids = (...ns: number[]) => ns.map((n, i) => ({ key: String.fromCharCode(65 + i), n }));
const sum = (...ns: number[]) => ns.reduce((s, n) => s + n, 0);

describe("a single group", () => {
  it("is shown from the minimum on", () => {
    expect(groupShown(5, 5)).toBe(true);
    expect(groupShown(4, 5)).toBe(false);
    expect(groupShown(0, 5)).toBe(false);
    expect(groupShown(3, 3)).toBe(true);
    expect(groupShown(2, 3)).toBe(false);
    expect(groupShown(10, 10)).toBe(true);
    expect(groupShown(9, 10)).toBe(false);
  });
});

describe("a parent and its children", () => {
  it("shows every child that reaches the minimum when none is small", () => {
    expect(suppress(11, kids(5, 6), 5)).toEqual({ parentShown: true, shown: ["A", "B"], merged: null, hidden: [] });
  });

  it("shows nothing, not even a breakdown, when the parent is below the minimum", () => {
    expect(suppress(4, kids(4), 5)).toEqual({ parentShown: false, shown: [], merged: null, hidden: ["A"] });
    expect(suppress(4, kids(2, 2), 5)).toEqual({ parentShown: false, shown: [], merged: null, hidden: ["A", "B"] });
  });

  it("merges small children into one group when together they reach the minimum", () => {
    // A and B alone are too small (2 and 3), together 5; C is shown.
    expect(suppress(sum(2, 3, 6), kids(2, 3, 6), 5)).toEqual({ parentShown: true, shown: ["C"], merged: ["A", "B"], hidden: [] });
  });

  it("the subtraction case: one small child beside shown ones takes the next-smallest child with it", () => {
    // Showing the parent (13), B (5) and C (7) would reveal A = 13 − 5 − 7 = 1 answer.
    const r = suppress(13, kids(1, 5, 7), 5);
    expect(r.shown).toEqual(["C"]);
    expect(r.merged).toEqual(["A", "B"]);
    expect(r.hidden).toEqual([]);
  });

  it("the subtraction case with two small children that together stay below the minimum", () => {
    // A + B = 3 could be computed as the parent minus C and D: the smallest shown child (C) joins them.
    const r = suppress(sum(1, 2, 6, 9), kids(1, 2, 6, 9), 5);
    expect(r).toEqual({ parentShown: true, shown: ["D"], merged: ["A", "B", "C"], hidden: [] });
  });

  it("never leaves a group below the minimum that the shown numbers let one compute", () => {
    for (const min of [3, 5, 10]) {
      for (const ns of [[1], [1, 9], [2, 2, 8], [1, 4, 6, 12], [min - 1, min, min + 1], [1, 1, 1, 1, 20], [min, min], [2, min + 3]]) {
        const parent = sum(...ns);
        const r = suppress(parent, kids(...ns), min);
        const n = (k: string) => ns[k.charCodeAt(0) - 65]!;
        for (const k of r.shown) expect(n(k)).toBeGreaterThanOrEqual(min);
        if (r.merged) expect(sum(...r.merged.map(n))).toBeGreaterThanOrEqual(min);
        if (!r.parentShown) expect(r.shown).toEqual([]);
        if (r.parentShown) {
          // What the parent minus the shown groups reveals: nothing, or a group of at least the minimum.
          const rest = parent - sum(...r.shown.map(n)) - sum(...(r.merged ?? []).map(n));
          const hiddenTotal = sum(...r.hidden.map(n));
          expect(rest).toBe(hiddenTotal);
          if (r.shown.length || r.merged) expect(rest).toBe(0);
        }
      }
    }
  });

  it("gives no breakdown when merging would take every child (the merged group is the parent)", () => {
    // Reception 2, Workshop 6: hiding Reception alone is undone by subtraction; both merged are the parent.
    expect(suppress(8, kids(2, 6), 5)).toEqual({ parentShown: true, shown: [], merged: null, hidden: ["A", "B"] });
  });

  it("ignores children without answers", () => {
    expect(suppress(5, kids(0, 5), 5)).toEqual({ parentShown: true, shown: ["B"], merged: null, hidden: [] });
  });

  it("with a minimum of 3, groups of 3 show and 2 do not", () => {
    expect(suppress(6, kids(3, 3), 3)).toEqual({ parentShown: true, shown: ["A", "B"], merged: null, hidden: [] });
    expect(suppress(9, kids(2, 3, 4), 3)).toEqual({ parentShown: true, shown: ["C"], merged: ["A", "B"], hidden: [] });
    expect(suppress(2, kids(2), 3).parentShown).toBe(false);
  });

  it("with a minimum of 10, groups of 9 are hidden and the parent of 10 shows alone", () => {
    expect(suppress(18, kids(9, 9), 10)).toEqual({ parentShown: true, shown: [], merged: null, hidden: ["A", "B"] });
    expect(suppress(9, kids(9), 10).parentShown).toBe(false);
    expect(suppress(25, kids(4, 10, 11), 10)).toEqual({ parentShown: true, shown: ["C"], merged: ["A", "B"], hidden: [] });
  });

  it("keeps the children's order in what it returns", () => {
    const r = suppress(sum(7, 1, 8, 3), [
      { key: "x", n: 7 },
      { key: "y", n: 1 },
      { key: "z", n: 8 },
      { key: "w", n: 3 },
    ], 5);
    // y + w = 4 < 5: the smallest shown child (x, 7) joins them.
    expect(r).toEqual({ parentShown: true, shown: ["z"], merged: ["x", "y", "w"], hidden: [] });
  });
});
