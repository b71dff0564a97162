/**
 * Group minimums for team rating aggregates (issue 12, point 6). Pure: no database.
 *
 * Managers see averages per person, team, role and standard over a period, each only when its group
 * holds at least `min` ratings (RATING_MIN_GROUP). The page shows the total beside its teams, its
 * roles and its people, so a small group could be worked out by subtraction (the total minus the
 * groups shown). The rule:
 *
 * 1. Nothing is shown unless the total reaches the minimum.
 * 2. Teams and roles are each a breakdown of the total: `suppress` (lib/pulse/groups.ts) hides the
 *    small ones and, while the hidden ones together stay below the minimum, the smallest shown one
 *    too (complementary suppression); what it hid for that reason is shown merged as "other".
 * 3. People: a person is shown only with at least `min` ratings. Then, for every group on the page
 *    (the total, each team and role shown, each merged "other" group), the ratings of the people not
 *    shown in it are what subtraction reveals: while they are more than none and fewer than `min`,
 *    the smallest person still shown in that group is hidden too. Repeated until nothing changes.
 *
 * Ratings are counted per "atom": one person in one team and role (a person who moved team has two).
 * Standards (tags) are not a breakdown (a rating has any number of tags), so each needs only rule 1.
 */
import { groupShown, suppress, type Suppressed } from "@/lib/pulse/groups";

export type RatingAtom = { personId: number; teamId: number | null; roleId: number | null; n: number };

export type Disclosure = {
  totalShown: boolean;
  teams: Suppressed<number | null>;
  roles: Suppressed<number | null>;
  /** People whose own numbers may be shown. */
  people: Set<number>;
  /** People hidden only so that others stay private (they have at least `min` ratings themselves). */
  protectedPeople: Set<number>;
};

function sums<K>(atoms: RatingAtom[], key: (a: RatingAtom) => K): { key: K; n: number }[] {
  const m = new Map<K, number>();
  for (const a of atoms) m.set(key(a), (m.get(key(a)) ?? 0) + a.n);
  return [...m.entries()].map(([k, n]) => ({ key: k, n }));
}

export function discloseRatings(atoms: RatingAtom[], min: number): Disclosure {
  const present = atoms.filter((a) => a.n > 0);
  const total = present.reduce((s, a) => s + a.n, 0);
  const totalShown = groupShown(total, min);
  const teams = suppress(total, sums(present, (a) => a.teamId), min);
  const roles = suppress(total, sums(present, (a) => a.roleId), min);
  const personN = new Map(sums(present, (a) => a.personId).map((p) => [p.key, p.n]));
  const people = new Set(totalShown ? [...personN].filter(([, n]) => n >= min).map(([id]) => id) : []);
  const protectedPeople = new Set<number>();
  if (!totalShown) return { totalShown, teams, roles, people, protectedPeople };

  // The groups on the page: the total, shown teams and roles, merged "other" groups.
  const groups: ((a: RatingAtom) => boolean)[] = [() => true];
  for (const t of teams.shown) groups.push((a) => a.teamId === t);
  if (teams.merged) groups.push((a) => teams.merged!.includes(a.teamId));
  for (const r of roles.shown) groups.push((a) => a.roleId === r);
  if (roles.merged) groups.push((a) => roles.merged!.includes(a.roleId));

  for (let changed = true; changed; ) {
    changed = false;
    for (const inGroup of groups) {
      const members = present.filter(inGroup);
      const hidden = members.filter((a) => !people.has(a.personId)).reduce((s, a) => s + a.n, 0);
      if (hidden === 0 || hidden >= min) continue;
      const shownHere = [...new Set(members.filter((a) => people.has(a.personId)).map((a) => a.personId))].sort((x, y) => personN.get(x)! - personN.get(y)! || x - y);
      if (!shownHere.length) continue;
      people.delete(shownHere[0]!);
      protectedPeople.add(shownHere[0]!);
      changed = true;
    }
  }
  return { totalShown, teams, roles, people, protectedPeople };
}

/** Weekly buckets of a period ending on `to` (inclusive): the index of `day`, 0 = oldest. */
export function bucketOf(day: string, to: string, bucketDays: number, buckets: number): number | null {
  const diff = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
  if (diff < 0) return null;
  const back = Math.floor(diff / bucketDays);
  return back >= buckets ? null : buckets - 1 - back;
}

/** The trend of a series: the later half's average against the earlier half's (a change under 0.2 is steady). */
export function trendOf(values: (number | null)[]): "up" | "down" | "steady" | null {
  const half = Math.floor(values.length / 2);
  const avg = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x != null);
    return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
  };
  const a = avg(values.slice(0, half));
  const b = avg(values.slice(values.length - half));
  if (a == null || b == null) return null;
  if (b - a >= 0.2) return "up";
  if (a - b >= 0.2) return "down";
  return "steady";
}
