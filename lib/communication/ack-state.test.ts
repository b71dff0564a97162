import { describe, expect, it } from "vitest";
import type { AckState } from "@/lib/communication/vocabulary";
import { daysBetween, nextAckState, OPEN_ACK_STATES, SUPERSEDABLE_ACK_STATES, type AckEvent } from "@/lib/communication/ack-state";

const STATES: AckState[] = ["pending", "clarification", "answered", "understood", "superseded"];
const EVENTS: AckEvent[] = ["understood", "ask", "reply", "supersede"];

/** Every allowed move; anything not listed here must be refused (null). */
const ALLOWED: Record<string, AckState> = {
  "pending/understood": "understood",
  "pending/ask": "clarification",
  "pending/supersede": "superseded",
  "clarification/reply": "answered",
  "clarification/ask": "clarification",
  "answered/understood": "understood",
  "answered/ask": "clarification",
  "answered/reply": "answered",
};

describe("nextAckState", () => {
  it.each(STATES.flatMap((s) => EVENTS.map((e) => [s, e] as const)))("%s + %s", (state, event) => {
    expect(nextAckState(state, event)).toBe(ALLOWED[`${state}/${event}`] ?? null);
  });

  it("allows exactly eight moves", () => {
    const allowed = STATES.flatMap((s) => EVENTS.filter((e) => nextAckState(s, e) !== null));
    expect(allowed).toHaveLength(8);
  });

  it("a newer version closes only items nobody asked about: a question is never superseded", () => {
    expect(SUPERSEDABLE_ACK_STATES).toEqual(["pending"]);
    expect(nextAckState("clarification", "supersede")).toBeNull();
    expect(nextAckState("answered", "supersede")).toBeNull();
  });

  it("closed states accept nothing", () => {
    for (const e of EVENTS) {
      expect(nextAckState("understood", e)).toBeNull();
      expect(nextAckState("superseded", e)).toBeNull();
    }
  });

  it("refuses a reply to an item nobody asked about, and understanding while a question is open", () => {
    expect(nextAckState("pending", "reply")).toBeNull();
    expect(nextAckState("clarification", "understood")).toBeNull();
  });

  it("a question, a reply, then understood walks through the thread", () => {
    let s: AckState = "pending";
    for (const e of ["ask", "reply", "ask", "reply", "understood"] as AckEvent[]) s = nextAckState(s, e)!;
    expect(s).toBe("understood");
  });

  it("lists the open states", () => {
    expect([...OPEN_ACK_STATES].sort()).toEqual(["answered", "clarification", "pending"]);
  });
});

describe("daysBetween", () => {
  it("counts whole UTC calendar days, ignoring the time of day", () => {
    expect(daysBetween("2025-03-01T23:59:00.000Z", new Date("2025-03-04T00:01:00.000Z"))).toBe(3);
    expect(daysBetween("2025-03-04T00:00:00.000Z", new Date("2025-03-04T23:59:59.000Z"))).toBe(0);
    expect(daysBetween("2025-03-03T23:59:59.999Z", new Date("2025-03-04T00:00:00.000Z"))).toBe(1);
  });

  it("crosses month, leap-day and year boundaries", () => {
    expect(daysBetween("2024-02-28T10:00:00.000Z", new Date("2024-03-01T10:00:00.000Z"))).toBe(2);
    expect(daysBetween("2025-02-28T10:00:00.000Z", new Date("2025-03-01T10:00:00.000Z"))).toBe(1);
    expect(daysBetween("2024-12-31T22:00:00.000Z", new Date("2025-01-01T01:00:00.000Z"))).toBe(1);
    expect(daysBetween("2024-01-01", new Date("2025-01-01T00:00:00.000Z"))).toBe(366);
  });

  it("is not thrown off by daylight-saving changes (UTC)", () => {
    expect(daysBetween("2025-03-29T12:00:00.000Z", new Date("2025-03-31T12:00:00.000Z"))).toBe(2);
    expect(daysBetween("2025-10-25T12:00:00.000Z", new Date("2025-10-27T12:00:00.000Z"))).toBe(2);
  });

  it("never goes negative for a future start", () => {
    expect(daysBetween("2025-03-10T00:00:00.000Z", new Date("2025-03-01T00:00:00.000Z"))).toBe(0);
  });

  it("defaults to today", () => {
    expect(daysBetween(new Date().toISOString())).toBe(0);
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
    expect(daysBetween(threeDaysAgo)).toBe(3);
  });
});
