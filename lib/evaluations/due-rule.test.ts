import { describe, expect, it } from "vitest";
import { addDays, addMonths, isListedDue, nextDue } from "@/lib/evaluations/due-rule";

const schedule = { probationDays: 90, intervalMonths: 12 };

describe("addDays and addMonths", () => {
  it("adds days across months and years", () => {
    expect(addDays("2026-01-01", 90)).toBe("2026-04-01");
    expect(addDays("2025-12-15", 30)).toBe("2026-01-14");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
  it("clamps a month past the end of a shorter month to its last day", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addMonths("2025-06-15", 12)).toBe("2026-06-15");
  });
});

describe("nextDue", () => {
  it("is the probation evaluation, probationDays after the start date, until a first one is released", () => {
    expect(nextDue({ startDate: "2026-01-05", lastReleasedEnd: null }, schedule, "2026-02-01")).toEqual({ kind: "probation", dueDate: "2026-04-05", overdue: false });
    expect(nextDue({ startDate: "2026-01-05", lastReleasedEnd: null }, { probationDays: 30, intervalMonths: 12 }, "2026-02-01").dueDate).toBe("2026-02-04");
  });
  it("after a released evaluation (a probation one counts) is periodic, intervalMonths after its period end", () => {
    expect(nextDue({ startDate: "2025-01-05", lastReleasedEnd: "2025-04-05" }, schedule, "2026-01-01")).toEqual({ kind: "periodic", dueDate: "2026-04-05", overdue: false });
    expect(nextDue({ startDate: "2025-01-05", lastReleasedEnd: "2025-04-05" }, { probationDays: 90, intervalMonths: 6 }, "2026-01-01")).toEqual({
      kind: "periodic",
      dueDate: "2025-10-05",
      overdue: true,
    });
  });
  it("is overdue only from the day after the due date", () => {
    const person = { startDate: "2026-01-01", lastReleasedEnd: null };
    expect(nextDue(person, schedule, "2026-04-01").overdue).toBe(false);
    expect(nextDue(person, schedule, "2026-04-02").overdue).toBe(true);
  });
});

describe("isListedDue", () => {
  it("lists the overdue and those due within 30 days", () => {
    expect(isListedDue("2025-01-01", "2026-01-01")).toBe(true);
    expect(isListedDue("2026-01-31", "2026-01-01")).toBe(true);
    expect(isListedDue("2026-02-01", "2026-01-01")).toBe(false);
  });
});
