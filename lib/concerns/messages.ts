import "server-only";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { concernMessages, people } from "@/db/schema";

/** A concern's thread holds at most this many entries on one page. */
const THREAD_LIMIT = 500;

/**
 * A concern's thread in order, with who wrote each entry and whom a forward went to. Callers have
 * already checked that the reader may see the concern. `hideAuthorName`: the author's own entries
 * carry no name (an anonymous concern; or the receipt page, where the reader is the author).
 */
export function threadMessages(concernId: string, hideAuthorName: boolean) {
  const writer = alias(people, "writer");
  const forwardedTo = alias(people, "forwarded_to");
  return getDb()
    .select({
      id: concernMessages.id,
      seq: concernMessages.seq,
      kind: concernMessages.kind,
      fromAuthor: concernMessages.fromAuthor,
      personName: writer.name,
      forwardedToName: forwardedTo.name,
      body: concernMessages.body,
      createdAt: concernMessages.createdAt,
    })
    .from(concernMessages)
    .leftJoin(writer, eq(writer.id, concernMessages.personId))
    .leftJoin(forwardedTo, eq(forwardedTo.id, concernMessages.forwardedToId))
    .where(eq(concernMessages.concernId, concernId))
    .orderBy(asc(concernMessages.seq))
    .limit(THREAD_LIMIT)
    .all()
    .map((m) => (hideAuthorName && m.fromAuthor ? { ...m, personName: null } : m));
}
