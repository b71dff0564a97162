import "server-only";
import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb, preparedQuery, type DB } from "@/db/client";
import { announcements, jobRoles, roleDrafts, taskPersonOwners, taskTransfers } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { todayIso } from "@/lib/core/dates";
import { parseRoleDoc, type RoleDoc, type RoleTask } from "@/lib/roles/doc";
import { currentDoc } from "@/lib/roles/documents";
import { publishDoc } from "@/lib/roles/publish";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];


/** Removes a task from a document; returns the task and the new document (unchanged if absent). */
export function takeTask(doc: RoleDoc, taskKey: string): { task: RoleTask | null; doc: RoleDoc } {
  let task: RoleTask | null = null;
  const responsibilities = doc.responsibilities.map((r) => {
    const found = r.tasks.find((t) => t.key === taskKey);
    if (found) task = found;
    return found ? { ...r, tasks: r.tasks.filter((t) => t.key !== taskKey) } : r;
  });
  return { task, doc: { ...doc, responsibilities } };
}

/** Adds a task to a responsibility (by key; the last one when that key is missing). */
export function giveTask(doc: RoleDoc, task: RoleTask, responsibilityKey: string | null): RoleDoc {
  if (!doc.responsibilities.length || doc.responsibilities.some((r) => r.tasks.some((t) => t.key === task.key))) return doc;
  const target = doc.responsibilities.find((r) => r.key === responsibilityKey) ?? doc.responsibilities[doc.responsibilities.length - 1];
  return {
    ...doc,
    responsibilities: doc.responsibilities.map((r) => (r.key === target.key ? { ...r, tasks: [...r.tasks, task] } : r)),
  };
}

/** Whether a transfer is due (asked by every role page): built once (db/client.ts `preparedQuery`). */
const anyDueTransfer = preparedQuery((db) =>
  db
    .select({ id: taskTransfers.id })
    .from(taskTransfers)
    .where(and(isNull(taskTransfers.appliedAt), lte(taskTransfers.effectiveDate, sql.placeholder("today"))))
    .limit(1)
    .prepare(),
);

/**
 * Applies every transfer whose effective date has come: a role-to-role move publishes a new material
 * version of both roles (destination first, so the task keeps its row) and carries the same change
 * into any open draft; a person-to-person move updates the person-level registry. Cheap when nothing
 * is due (one indexed query); safe to call on every request.
 */
export function applyDueTransfers(now = new Date()): number {
  const db = getDb();
  const today = todayIso(now);
  if (!anyDueTransfer().get({ today })) return 0;
  return db.transaction(
    (tx) => {
      const pending = tx
        .select({ transfer: taskTransfers, announcementTitle: announcements.title, authorId: announcements.authorId })
        .from(taskTransfers)
        .innerJoin(announcements, eq(announcements.id, taskTransfers.announcementId))
        .where(and(isNull(taskTransfers.appliedAt), lte(taskTransfers.effectiveDate, today)))
        .orderBy(taskTransfers.id)
        .all();
      for (const { transfer, announcementTitle, authorId } of pending) applyOne(tx, transfer, announcementTitle, authorId, now);
      return pending.length;
    },
    { behavior: "immediate" },
  );
}

function applyOne(
  tx: Tx,
  t: typeof taskTransfers.$inferSelect,
  announcementTitle: string,
  authorId: number | null,
  now: Date,
): void {
  const at = now.toISOString();
  if (t.fromRoleId && t.toRoleId) {
    const roles = tx.select().from(jobRoles).where(inArray(jobRoles.id, [t.fromRoleId, t.toRoleId])).all();
    const from = roles.find((r) => r.id === t.fromRoleId);
    const to = roles.find((r) => r.id === t.toRoleId);
    if (from && to) {
      const taken = takeTask(currentDoc(from), t.taskKey);
      if (taken.task) {
        const summary = announcementTitle;
        publishDoc(tx, authorId, to, giveTask(currentDoc(to), taken.task, t.toResponsibilityKey), {
          summary,
          kind: "material",
          announcementId: t.announcementId,
        });
        publishDoc(tx, authorId, from, taken.doc, { summary, kind: "material", announcementId: t.announcementId });
        // Open drafts get the same change, rebased on the new versions.
        const drafts = tx.select().from(roleDrafts).where(inArray(roleDrafts.jobRoleId, [from.id, to.id])).all();
        for (const d of drafts) {
          const doc = parseRoleDoc(d.content);
          const next = d.jobRoleId === from.id ? takeTask(doc, t.taskKey).doc : giveTask(doc, taken.task, t.toResponsibilityKey);
          tx.update(roleDrafts)
            .set({
              content: JSON.stringify(next),
              baseVersion: (d.jobRoleId === from.id ? from.currentVersion : to.currentVersion) + 1,
              revision: sql`${roleDrafts.revision} + 1`,
            })
            .where(eq(roleDrafts.jobRoleId, d.jobRoleId))
            .run();
        }
      }
    }
  }
  if (t.fromPersonId && t.toPersonId) {
    const existing = tx
      .select()
      .from(taskPersonOwners)
      .where(and(eq(taskPersonOwners.taskKey, t.taskKey), inArray(taskPersonOwners.personId, [t.fromPersonId, t.toPersonId])))
      .all();
    const fromAssigned = existing.find((e) => e.personId === t.fromPersonId && e.kind === "assigned");
    if (fromAssigned) tx.delete(taskPersonOwners).where(eq(taskPersonOwners.id, fromAssigned.id)).run();
    else
      tx.insert(taskPersonOwners)
        .values({ taskKey: t.taskKey, personId: t.fromPersonId, kind: "released", transferId: t.id, since: t.effectiveDate })
        .onConflictDoUpdate({ target: [taskPersonOwners.taskKey, taskPersonOwners.personId], set: { kind: "released", transferId: t.id, since: t.effectiveDate } })
        .run();
    tx.insert(taskPersonOwners)
      .values({ taskKey: t.taskKey, personId: t.toPersonId, kind: "assigned", transferId: t.id, since: t.effectiveDate })
      .onConflictDoUpdate({ target: [taskPersonOwners.taskKey, taskPersonOwners.personId], set: { kind: "assigned", transferId: t.id, since: t.effectiveDate } })
      .run();
  }
  tx.update(taskTransfers).set({ appliedAt: at }).where(eq(taskTransfers.id, t.id)).run();
  audit(
    {
      actorId: authorId,
      action: "transfer.apply",
      entityType: "task_transfer",
      entityId: t.id,
      detail: { taskKey: t.taskKey, fromRoleId: t.fromRoleId, toRoleId: t.toRoleId, fromPersonId: t.fromPersonId, toPersonId: t.toPersonId },
    },
    tx,
  );
}
