import { randomInt } from "node:crypto";

/**
 * Upward feedback's tables keep SQLite's hidden rowid (db/schema/feedback.ts), which would record
 * the order rows were written in: lined up, the n-th "answered" mark and the n-th answer would
 * belong to the same person. Every row of `upward_given` and `upward_answers` is therefore written
 * with a random rowid (positive, 62 bits), so the tables keep no insertion order. Pure: shared by
 * lib/feedback/upward.ts and the demo seed.
 */
export function randomRowid(): bigint {
  return (BigInt(randomInt(1, 2 ** 31)) << 31n) | BigInt(randomInt(0, 2 ** 31));
}
