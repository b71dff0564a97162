import { describe, expect, it } from "vitest";
import { addMonths, cellState, evidenceState, holding, readinessByResponsibility, validUntil } from "@/lib/capability/validity";

describe("validity", () => {
  it("adds calendar months, clamping to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-11-15", 24)).toBe("2028-11-15");
    expect(addMonths("2026-12-01", 1)).toBe("2027-01-01");
  });

  it("lasts until the day before the same date N months later; none without validity", () => {
    expect(validUntil("2024-12-01", 24)).toBe("2026-11-30");
    expect(validUntil("2024-12-01", null)).toBeNull();
    expect(validUntil("2024-12-01", 0)).toBeNull();
  });

  it("is expiring from 30 days before its last day, expired the day after it", () => {
    expect(evidenceState("2026-12-31", "2026-12-01")).toBe("expiring"); // 30 days left
    expect(evidenceState("2027-01-01", "2026-12-01")).toBe("valid"); // 31 days left
    expect(evidenceState("2026-12-01", "2026-12-01")).toBe("expiring"); // last day
    expect(evidenceState("2026-11-30", "2026-12-01")).toBe("expired");
    expect(evidenceState(null, "2026-12-01")).toBe("valid");
  });

  it("counts the longest-lasting evidence, and a lapsed capability is a gap again", () => {
    const today = "2026-12-01";
    expect(holding([], today)).toEqual({ state: "none", until: null });
    expect(holding([{ validFrom: "2024-11-01", validUntil: "2026-10-31" }], today)).toEqual({ state: "lapsed", until: "2026-10-31" });
    expect(
      holding(
        [
          { validFrom: "2024-11-01", validUntil: "2026-10-31" },
          { validFrom: "2025-12-10", validUntil: "2026-12-20" },
        ],
        today,
      ),
    ).toEqual({ state: "expiring", until: "2026-12-20" });
    expect(holding([{ validFrom: "2026-01-01", validUntil: null }, { validFrom: "2025-01-01", validUntil: "2026-12-02" }], today).state).toBe("held");
    // Evidence dated after today does not count yet.
    expect(holding([{ validFrom: "2026-12-02", validUntil: null }], today).state).toBe("none");
    expect(cellState({ state: "lapsed", until: "2026-10-31" }, false)).toBe("gap");
    expect(cellState({ state: "none", until: null }, true)).toBe("training");
    expect(cellState({ state: "expiring", until: "2026-12-20" }, true)).toBe("expiring");
    expect(cellState({ state: "held", until: null }, false)).toBe("ready");
  });

  it("says who can do each responsibility today: everyone holding all its capabilities", () => {
    const cells: Record<string, string> = { "1:a": "ready", "1:b": "expiring", "2:a": "ready", "2:b": "gap", "3:a": "training", "3:b": "ready" };
    const result = readinessByResponsibility(
      [
        { key: "r1", title: "Diagnosis", capabilityKeys: ["a", "b"] },
        { key: "r2", title: "Greeting", capabilityKeys: [] },
      ],
      [1, 2, 3],
      (p, k) => cells[`${p}:${k}`] as never,
    );
    expect(result[0]).toEqual({ key: "r1", title: "Diagnosis", canDo: [1], counts: { ready: 3, expiring: 1, gap: 1, training: 1 } });
    expect(result[1]!.canDo).toEqual([1, 2, 3]);
  });
});
