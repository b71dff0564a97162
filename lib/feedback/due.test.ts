import { describe, expect, it } from "vitest";
import { addWorkingDays, isFollowupOverdue, quarterOf } from "./due";

describe("addWorkingDays", () => {
  it("skips weekends", () => {
    // 2026-12-04 is a Friday: two working days later is Tuesday the 8th.
    expect(addWorkingDays("2026-12-04", 2)).toBe("2026-12-08");
    expect(addWorkingDays("2026-12-01", 2)).toBe("2026-12-03");
  });
  it("skips holidays", () => {
    expect(addWorkingDays("2026-12-24", 2, new Set(["2026-12-25"]))).toBe("2026-12-29");
  });
});

describe("isFollowupOverdue", () => {
  it("is overdue after the due day, unless solved", () => {
    expect(isFollowupOverdue({ status: "open", dueOn: "2026-12-03" }, "2026-12-03")).toBe(false);
    expect(isFollowupOverdue({ status: "open", dueOn: "2026-12-03" }, "2026-12-04")).toBe(true);
    expect(isFollowupOverdue({ status: "solved", dueOn: "2026-12-03" }, "2026-12-10")).toBe(false);
  });
});

describe("quarterOf", () => {
  it("names the calendar quarter", () => {
    expect(quarterOf("2026-01-01")).toBe("2026-Q1");
    expect(quarterOf("2026-06-30")).toBe("2026-Q2");
    expect(quarterOf("2026-12-02")).toBe("2026-Q4");
  });
});
