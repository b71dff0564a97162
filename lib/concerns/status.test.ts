import { describe, expect, it } from "vitest";
import { CONCERN_STATUSES } from "@/lib/confidence/vocabulary";
import { CONCERN_EVENTS, isOverdue, nextStatus, nextWaitingSince, workingDaysBetween } from "./status";

describe("concern status machine", () => {
  it("an answer makes an open or answered concern answered", () => {
    expect(nextStatus("open", "answer")).toBe("answered");
    expect(nextStatus("answered", "answer")).toBe("answered");
  });
  it("the author's reply and forwarding make it open again", () => {
    expect(nextStatus("answered", "authorReply")).toBe("open");
    expect(nextStatus("open", "authorReply")).toBe("open");
    expect(nextStatus("answered", "forward")).toBe("open");
  });
  it("resolve and close end it", () => {
    expect(nextStatus("open", "resolve")).toBe("resolved");
    expect(nextStatus("answered", "resolve")).toBe("resolved");
    expect(nextStatus("open", "close")).toBe("closed");
    expect(nextStatus("answered", "close")).toBe("closed");
  });
  it("nothing moves a resolved or closed concern", () => {
    for (const s of ["resolved", "closed"] as const) for (const e of CONCERN_EVENTS) expect(nextStatus(s, e), `${s} ${e}`).toBeNull();
  });
  it("every step lands on a known status", () => {
    for (const s of ["open", "answered"] as const) for (const e of CONCERN_EVENTS) expect(CONCERN_STATUSES).toContain(nextStatus(s, e));
  });
  it("waits from the day it (re)opened and keeps an older start", () => {
    expect(nextWaitingSince({ status: "answered", waitingSince: null }, "open", "2026-03-10")).toBe("2026-03-10");
    expect(nextWaitingSince({ status: "open", waitingSince: "2026-03-02" }, "open", "2026-03-10")).toBe("2026-03-02");
    expect(nextWaitingSince({ status: "open", waitingSince: "2026-03-02" }, "answered", "2026-03-10")).toBeNull();
    expect(nextWaitingSince({ status: "open", waitingSince: "2026-03-02" }, "closed", "2026-03-10")).toBeNull();
  });
});

describe("working days", () => {
  it("skips weekends", () => {
    // 2026-03-06 is a Friday.
    expect(workingDaysBetween("2026-03-06", "2026-03-09")).toBe(1);
    expect(workingDaysBetween("2026-03-06", "2026-03-08")).toBe(0);
    expect(workingDaysBetween("2026-03-02", "2026-03-06")).toBe(4);
    expect(workingDaysBetween("2026-03-06", "2026-03-06")).toBe(0);
    expect(workingDaysBetween("2026-03-09", "2026-03-06")).toBe(0);
  });
  it("skips holidays", () => {
    expect(workingDaysBetween("2026-03-02", "2026-03-06", new Set(["2026-03-04"]))).toBe(3);
  });
  it("is overdue after more than 3 working days", () => {
    // Monday 2 March: Thursday is 3 working days later (not yet), Friday 4.
    expect(isOverdue("2026-03-02", "2026-03-05", 3)).toBe(false);
    expect(isOverdue("2026-03-02", "2026-03-06", 3)).toBe(true);
    // Thursday 5 March: the weekend does not count, so Tuesday is 3, Wednesday 4.
    expect(isOverdue("2026-03-05", "2026-03-10", 3)).toBe(false);
    expect(isOverdue("2026-03-05", "2026-03-11", 3)).toBe(true);
    expect(isOverdue("2026-03-05", "2026-03-11", 3, new Set(["2026-03-09"]))).toBe(false);
    expect(isOverdue(null, "2026-03-11", 3)).toBe(false);
  });
});
