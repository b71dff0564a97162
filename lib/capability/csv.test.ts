import { describe, expect, it } from "vitest";
import { csvSafe } from "./csv";

describe("csvSafe", () => {
  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvSafe("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(csvSafe("+1")).toBe("'+1");
    expect(csvSafe("-2")).toBe("'-2");
    expect(csvSafe("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvSafe("\tx")).toBe("'\tx");
  });
  it("leaves ordinary text and dates alone", () => {
    expect(csvSafe("Mehmet Kaya")).toBe("Mehmet Kaya");
    expect(csvSafe("2026-12-01")).toBe("2026-12-01");
    expect(csvSafe("")).toBe("");
  });
});
