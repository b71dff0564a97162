import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/** `text` with LIKE's wildcards (% and _) and its escape character (\) taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The column contains `text` anywhere, wildcards in the text taken literally. Fold the text the way
 * the column was folded first (people's and courses' search text: foldForSearch).
 */
export function containsText(column: SQLiteColumn, text: string): SQL {
  return sql`${column} like ${`%${escapeLike(text)}%`} escape '\\'`;
}
