/**
 * SQLite refuses a statement with more than 32,766 bound values ("too many SQL variables"). A bulk
 * insert or an `IN (…)` over a list that grows with the organisation goes in batches of this size.
 */
export const SQL_BATCH = 500;

/** The items in consecutive slices of at most `size`. */
export function batches<T>(items: readonly T[], size = SQL_BATCH): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
