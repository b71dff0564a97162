/**
 * Group minimums for pulse results (issue 10, point 7). Pure: no database, no imports.
 *
 * Pulse answers are anonymous, so results are shown only for groups of at least `min` answers (the
 * organisation's `pulseMinGroup`, 5 unless HR sets 3…10). A group shown beside its parts is a
 * "parent" (a role in a month) and its parts "children" (that role-month's teams, with "no team" as
 * one more child), which together hold exactly the parent's answers. The rule, in order:
 *
 * 1. The parent is shown only when it has at least `min` answers; otherwise nothing is shown, not
 *    even a breakdown.
 * 2. A child with fewer than `min` answers is not shown on its own.
 * 3. Subtraction: whatever is not shown on its own can still be computed as the parent minus the
 *    children that are shown. So the children not shown, taken together, must also reach `min`:
 *    while they hold fewer answers than `min`, the smallest child still shown joins them
 *    (complementary suppression). With exactly one small child, this hides the next-smallest too.
 * 4. Those children are then shown merged as one "other teams" group: it reaches `min`, and its
 *    numbers could be computed by subtraction anyway, so showing it reveals nothing more. When the
 *    merge would take every child, it is the parent itself and no breakdown is shown.
 *
 * Time: the pages show the last three ended months together (the headline) beside the months it is
 * made of, so the headline is a parent in time: lib/pulse/results.ts calls `suppress` with the
 * three months' total as the parent and its months as the children, and shows only the months in
 * `shown` (the others are withheld, even one that alone reaches the minimum). Older months have no
 * parent shown beside them and need only rule 1. The month still running is never shown (lib/pulse/results.ts):
 * its numbers would change with each late answer, and the difference between two readings is one
 * person's answer.
 */

export type GroupCount<K> = { key: K; n: number };

export type Suppressed<K> = {
  /** The parent reaches the minimum: its numbers may be shown. */
  parentShown: boolean;
  /** Children shown on their own, in the order given. */
  shown: K[];
  /** Children shown only together, as one "other" group (null when there is no such group). */
  merged: K[] | null;
  /** Children whose numbers are not shown at all, neither alone nor merged. */
  hidden: K[];
};

/** May a single group (with no visible parent to subtract from) be shown? */
export function groupShown(n: number, min: number): boolean {
  return n >= min && n > 0;
}

/**
 * Decides which children of a parent group may be shown (see the module comment). `children`
 * should hold exactly the parent's answers; children with no answers are ignored.
 */
export function suppress<K>(parentN: number, children: GroupCount<K>[], min: number): Suppressed<K> {
  const present = children.filter((c) => c.n > 0);
  if (!groupShown(parentN, min)) return { parentShown: false, shown: [], merged: null, hidden: present.map((c) => c.key) };
  const small = present.filter((c) => c.n < min);
  if (small.length === 0) return { parentShown: true, shown: present.map((c) => c.key), merged: null, hidden: [] };
  // The children that are not shown alone, smallest first; take in the smallest shown one while
  // their total (which the parent minus the shown ones reveals) is below the minimum.
  const out = new Set(small.map((c) => c.key));
  let total = small.reduce((s, c) => s + c.n, 0);
  const big = present.filter((c) => c.n >= min).sort((a, b) => a.n - b.n);
  for (const c of big) {
    if (total >= min) break;
    out.add(c.key);
    total += c.n;
  }
  const shown = present.filter((c) => !out.has(c.key)).map((c) => c.key);
  const rest = present.filter((c) => out.has(c.key)).map((c) => c.key);
  // Merged with every child, the "other" group is the parent itself: no breakdown then.
  if (shown.length === 0 || total < min) return { parentShown: true, shown: [], merged: null, hidden: rest };
  return { parentShown: true, shown, merged: rest, hidden: [] };
}
