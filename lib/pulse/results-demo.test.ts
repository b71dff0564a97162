import { beforeAll, describe, expect, it } from "vitest";
import { clarityForRole } from "@/lib/pulse/results";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

/**
 * The demo (issue 10, point 10) against the clarity view: the Service Advisors, a small role, answer
 * a few times a month, so only the last 3 months together reach the minimum.
 */

beforeAll(async () => {
  await useSeededTestDb();
});

describe("the demo's clarity results", () => {
  it("HR sees the Service Advisors' last 3 months, with 'Courtesy cars' named least clear most often; no month alone", () => {
    const r = clarityForRole(actorFor("hr@example.com"), { slug: "service-advisor" });
    expect(r.headline.shown).toBe(true);
    expect(r.headline.n).toBeGreaterThanOrEqual(r.minGroup);
    const recent = r.months.filter((m) => m.inHeadline);
    expect(recent.map((m) => m.month)).toEqual(r.headline.months);
    // Every month has fewer than the minimum (4, 4 and 3 answers): each is withheld.
    expect(recent.every((m) => !m.shown && m.withheld)).toBe(true);
    const courtesy = r.responsibilities.find((x) => x.title === "Courtesy cars")!.key;
    const counts = r.headline.leastClear!;
    const others = Object.entries(counts).filter(([k]) => k !== courtesy).map(([, n]) => n);
    expect(counts[courtesy]).toBeGreaterThan(Math.max(0, ...others));
  });
});
