import { describe, expect, it } from "vitest";
import { batches, SQL_BATCH } from "./batches";

describe("batches", () => {
  it("cuts a list into consecutive slices of at most the size, keeping every item once and in order", () => {
    const items = Array.from({ length: 1_234 }, (_, i) => i);
    const out = batches(items, 500);
    expect(out.map((b) => b.length)).toEqual([500, 500, 234]);
    expect(out.flat()).toEqual(items);
  });
  it("gives no batch for no items, and one for a short list", () => {
    expect(batches([])).toEqual([]);
    expect(batches([1, 2])).toEqual([[1, 2]]);
  });
  it("keeps a batch of the default size under SQLite's limit on bound values even with 20 columns a row", () => {
    expect(SQL_BATCH * 20).toBeLessThan(32_766);
  });
  it("refuses a size that is not a positive integer", () => {
    expect(() => batches([1], 0)).toThrow();
    expect(() => batches([1], 1.5)).toThrow();
  });
});
