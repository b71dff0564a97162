import { beforeAll, describe, expect, it } from "vitest";
import { clarityForRole } from "@/lib/pulse/results";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

/**
 * The demo (issue 10, point 10) against the clarity view: the Service Advisors, a small role, answer
 * a Reception round and a follow-up round each month, so each month reaches the minimum and the trend shows.
 */

beforeAll(async () => {
  await useSeededTestDb();
});

describe("the demo's clarity results", () => {
  it("HR sees the Service Advisors' last 3 months and each of them (at least 5 answers a month), with 'Courtesy cars' named least clear most often", () => {
    const r = clarityForRole(actorFor("hr@example.com"), { slug: "service-advisor" });
    expect(r.headline.shown).toBe(true);
    expect(r.headline.n).toBeGreaterThanOrEqual(r.minGroup);
    const recent = r.months.filter((m) => m.inHeadline);
    expect(recent.map((m) => m.month)).toEqual(r.headline.months);
    // Every month reaches the minimum: each is shown, so the per-month trend shows.
    expect(recent).toHaveLength(3);
    expect(recent.every((m) => m.shown && !m.withheld && (m.n ?? 0) >= 5)).toBe(true);
    const courtesy = r.responsibilities.find((x) => x.title === "Courtesy cars")!.key;
    const counts = r.headline.leastClear!;
    const others = Object.entries(counts).filter(([k]) => k !== courtesy).map(([, n]) => n);
    expect(counts[courtesy]).toBeGreaterThan(Math.max(0, ...others));
  });
});
