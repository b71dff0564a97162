import { describe, expect, it } from "vitest";
import { bucketOf, discloseRatings, trendOf, type RatingAtom } from "./rating-groups";

const atom = (personId: number, n: number, teamId: number | null = 1, roleId: number | null = 1): RatingAtom => ({ personId, teamId, roleId, n });

describe("discloseRatings (group minimum 5)", () => {
  it("shows nothing when the total has fewer than 5 ratings", () => {
    const d = discloseRatings([atom(1, 2), atom(2, 2)], 5);
    expect(d.totalShown).toBe(false);
    expect([...d.people]).toEqual([]);
    expect(d.teams.parentShown).toBe(false);
  });

  it("shows everyone with at least 5 ratings when nobody small is left to subtract", () => {
    const d = discloseRatings([atom(1, 6), atom(2, 9)], 5);
    expect(d.totalShown).toBe(true);
    expect([...d.people].sort()).toEqual([1, 2]);
    expect(d.protectedPeople.size).toBe(0);
  });

  it("hides a person with fewer than 5, and the smallest shown one too so the total minus the shown ones does not reveal them", () => {
    const d = discloseRatings([atom(1, 3), atom(2, 6), atom(3, 9)], 5);
    expect(d.people.has(1)).toBe(false);
    // Total 18 minus 2 and 3 would give person 1's three ratings: person 2 (the smallest shown) is hidden too.
    expect(d.people.has(2)).toBe(false);
    expect(d.protectedPeople.has(2)).toBe(true);
    expect(d.people.has(3)).toBe(true);
  });

  it("hides nobody extra when the small ones together reach 5", () => {
    const d = discloseRatings([atom(1, 3), atom(2, 2), atom(3, 6)], 5);
    expect([...d.people]).toEqual([3]);
    expect(d.protectedPeople.size).toBe(0);
  });

  it("protects a small person inside a shown team even when the total is safe", () => {
    // Team 1: persons 1 (2) and 2 (7); team 2: persons 3 (3) and 4 (8). Teams and total are shown.
    const atoms = [atom(1, 2, 1), atom(2, 7, 1), atom(3, 3, 2), atom(4, 8, 2)];
    const d = discloseRatings(atoms, 5);
    expect(d.teams.shown).toEqual([1, 2]);
    // Team 1 minus person 2 would give person 1's two ratings: person 2 is hidden; same in team 2.
    expect(d.people.has(2)).toBe(false);
    expect(d.people.has(4)).toBe(false);
  });

  it("merges small teams and hides a small team's complement (lib/pulse/groups.ts suppress)", () => {
    const d = discloseRatings([atom(1, 6, 1), atom(2, 7, 2), atom(3, 2, 3)], 5);
    expect(d.teams.shown).toEqual([2]);
    expect(d.teams.merged?.sort()).toEqual([1, 3]);
  });

  it("a person with exactly 5 ratings is shown", () => {
    expect(discloseRatings([atom(1, 5)], 5).people.has(1)).toBe(true);
    expect(discloseRatings([atom(1, 4)], 5).totalShown).toBe(false);
  });
});

describe("bucketOf and trendOf", () => {
  it("puts the last day in the newest bucket and days before the period nowhere", () => {
    expect(bucketOf("2026-03-31", "2026-03-31", 7, 4)).toBe(3);
    expect(bucketOf("2026-03-25", "2026-03-31", 7, 4)).toBe(3);
    expect(bucketOf("2026-03-24", "2026-03-31", 7, 4)).toBe(2);
    expect(bucketOf("2026-03-04", "2026-03-31", 7, 4)).toBe(0);
    expect(bucketOf("2026-03-03", "2026-03-31", 7, 4)).toBeNull();
    expect(bucketOf("2026-04-01", "2026-03-31", 7, 4)).toBeNull();
  });

  it("compares the later half with the earlier half", () => {
    expect(trendOf([3, 3, 4.5, 4.5])).toBe("up");
    expect(trendOf([5, 5, 4, 4])).toBe("down");
    expect(trendOf([4, 4.1, 4.1, 4])).toBe("steady");
    expect(trendOf([null, null, 4, 4])).toBeNull();
  });
});
