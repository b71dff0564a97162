import "server-only";
import { asc, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { concernAddressees, concerns } from "@/db/schema";
import { batches } from "@/lib/core/batches";
import { notifyEach } from "@/lib/notifications/notifications";

/*
 * The addressees' notifications about anonymous concerns (a new one, or the author's reply through
 * the receipt code) are not made in the author's request: a notification row there would get the
 * next autoincrement id between neighbours that carry exact times, and so date the post well below
 * the day its own rows keep. The request sets `concerns.notify_pending`; the scheduler's daily job
 * (lib/jobs) sends them all at once, in the concerns' random (UUID) order, stamped with the day only.
 * The inbox and its count (lib/concerns/read.ts) read the concerns themselves and show them at once.
 */

/** Sends every pending notification about anonymous concerns; returns how many concerns it covered. */
export function notifyPendingConcerns(): number {
  const db = getDb();
  // Cheap when nothing waits (one indexed query); the transaction reads again under its lock.
  if (!db.select({ id: concerns.id }).from(concerns).where(isNotNull(concerns.notifyPending)).limit(1).get()) return 0;
  return db.transaction(
    (tx) => {
      const pending = tx.select({ id: concerns.id, kind: concerns.notifyPending }).from(concerns).where(isNotNull(concerns.notifyPending)).orderBy(asc(concerns.id)).all();
      for (const batch of batches(pending)) {
        const ids = batch.map((p) => p.id);
        const kindOf = new Map(batch.map((p) => [p.id, p.kind]));
        const addressees = tx
          .select({ concernId: concernAddressees.concernId, personId: concernAddressees.personId })
          .from(concernAddressees)
          .where(inArray(concernAddressees.concernId, ids))
          .orderBy(asc(concernAddressees.concernId))
          .all();
        for (const kind of ["concern.new", "concern.authorReplied"] as const)
          notifyEach(
            tx,
            addressees.filter((a) => kindOf.get(a.concernId) === kind).map((a) => ({ personId: a.personId, link: `/concerns/${a.concernId}` })),
            kind,
            {},
            { dayOnly: true },
          );
        tx.update(concerns).set({ notifyPending: null }).where(inArray(concerns.id, ids)).run();
      }
      return pending.length;
    },
    { behavior: "immediate" },
  );
}
