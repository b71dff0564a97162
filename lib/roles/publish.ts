import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { acknowledgements, jobRoles, people, responsibilities, roleVersions, tasks } from "@/db/schema";
import { audit } from "@/lib/audit/log";
import { OPEN_ACK_STATES, SUPERSEDABLE_ACK_STATES } from "@/lib/communication/ack-state";
import { notifyEach } from "@/lib/notifications/notifications";
import type { RoleDoc } from "@/lib/roles/doc";
import type { RoleRow, Tx } from "@/lib/roles/documents";
import { reindexRole } from "@/lib/roles/search-index";
import type { VersionKind } from "@/lib/roles/vocabulary";
import { syncCapabilities } from "@/lib/capability/records";
import { batches } from "@/lib/core/batches";

/**
 * Makes the live responsibilities and tasks tables match a published document, keeping row ids
 * stable by key (a task moved in from another role keeps its row). Set-based: no query per item.
 */
export function materializeRole(tx: Tx, roleId: number, doc: RoleDoc): void {
  const now = new Date().toISOString();
  const respKeys = doc.responsibilities.map((r) => r.key);
  if (respKeys.length) {
    tx.insert(responsibilities)
      .values(
        doc.responsibilities.map((r, i) => ({ jobRoleId: roleId, key: r.key, position: i + 1, title: r.title, description: r.description })),
      )
      .onConflictDoUpdate({
        target: responsibilities.key,
        set: {
          jobRoleId: sql`excluded.job_role_id`,
          position: sql`excluded.position`,
          title: sql`excluded.title`,
          description: sql`excluded.description`,
          updatedAt: now,
        },
      })
      .run();
  }
  const respIds = new Map(
    (respKeys.length
      ? tx.select({ id: responsibilities.id, key: responsibilities.key }).from(responsibilities).where(inArray(responsibilities.key, respKeys)).all()
      : []
    ).map((r) => [r.key, r.id]),
  );
  const taskRows = doc.responsibilities.flatMap((r) =>
    r.tasks.map((t, i) => ({ responsibilityId: respIds.get(r.key)!, key: t.key, position: i + 1, title: t.title, description: t.description })),
  );
  if (taskRows.length) {
    tx.insert(tasks)
      .values(taskRows)
      .onConflictDoUpdate({
        target: tasks.key,
        set: {
          responsibilityId: sql`excluded.responsibility_id`,
          position: sql`excluded.position`,
          title: sql`excluded.title`,
          description: sql`excluded.description`,
          updatedAt: now,
        },
      })
      .run();
  }
  const ownResp = tx.select({ id: responsibilities.id }).from(responsibilities).where(eq(responsibilities.jobRoleId, roleId));
  tx.delete(tasks)
    .where(
      and(
        inArray(tasks.responsibilityId, ownResp),
        taskRows.length ? notInArray(tasks.key, taskRows.map((t) => t.key)) : undefined,
      ),
    )
    .run();
  tx.delete(responsibilities)
    .where(and(eq(responsibilities.jobRoleId, roleId), respKeys.length ? notInArray(responsibilities.key, respKeys) : undefined))
    .run();
}

export type PublishInput = { summary: string; kind: VersionKind; announcementId?: number | null };

/**
 * Publishes a document as the role's next immutable version, inside the caller's transaction:
 * updates the live tables and search index, and for a material change opens a pending answer for
 * every active holder (closing their older items nobody asked about) and notifies them.
 */
export function publishDoc(tx: Tx, actorId: number | null, role: RoleRow, doc: RoleDoc, input: PublishInput): { number: number; versionId: number } {
  const number = role.currentVersion + 1;
  const now = new Date().toISOString();
  const version = tx
    .insert(roleVersions)
    .values({
      jobRoleId: role.id,
      number,
      content: JSON.stringify(doc),
      summary: input.summary,
      kind: input.kind,
      authorId: actorId,
      announcementId: input.announcementId ?? null,
      publishedAt: now,
    })
    .returning({ id: roleVersions.id })
    .get();
  const previous = tx
    .select({ id: roleVersions.id })
    .from(roleVersions)
    .where(and(eq(roleVersions.jobRoleId, role.id), eq(roleVersions.number, role.currentVersion)))
    .get();
  tx.update(jobRoles)
    .set({ title: doc.title, purpose: doc.purpose, currentVersion: number, updatedAt: now })
    .where(eq(jobRoles.id, role.id))
    .run();
  materializeRole(tx, role.id, doc);
  syncCapabilities(tx, doc);
  reindexRole(tx, role.id, role.slug, doc);

  if (input.kind === "material" && previous) {
    // A version made by an announcement's task transfer: the people who answer that announcement
    // already have one item about this change (the announcement, which names the move), so they get
    // no second item here, and their older items are left as they are. Everyone else holding the
    // role gets the version item as usual. One item to answer per person per change.
    const coveredByAnnouncement = input.announcementId
      ? tx.select({ personId: acknowledgements.personId }).from(acknowledgements).where(eq(acknowledgements.announcementId, input.announcementId))
      : undefined;
    const holders = tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.jobRoleId, role.id), eq(people.active, true), coveredByAnnouncement ? notInArray(people.id, coveredByAnnouncement) : undefined))
      .all()
      .map((p) => p.id);
    if (holders.length) {
      // A holder who had not yet understood an earlier version sees every change since the last
      // version they did understand.
      const roleVersionIds = tx.select({ id: roleVersions.id }).from(roleVersions).where(eq(roleVersions.jobRoleId, role.id));
      const open = tx
        .select({ personId: acknowledgements.personId, baseVersionId: acknowledgements.baseVersionId })
        .from(acknowledgements)
        .where(
          and(
            // The role's active holders as a subquery: a list of thousands would pass SQLite's limit on bound values.
            inArray(acknowledgements.personId, tx.select({ id: people.id }).from(people).where(and(eq(people.jobRoleId, role.id), eq(people.active, true)))),
            inArray(acknowledgements.roleVersionId, roleVersionIds),
            inArray(acknowledgements.state, OPEN_ACK_STATES),
          ),
        )
        .orderBy(acknowledgements.id)
        .all();
      // The earliest open item decides the base (the map keeps the first one per person).
      const baseOf = new Map<number, number | null>();
      for (const o of open) if (!baseOf.has(o.personId)) baseOf.set(o.personId, o.baseVersionId);
      // Only items nobody asked about are closed; a question stays open on its own version until
      // it is answered (see SUPERSEDABLE_ACK_STATES).
      tx.update(acknowledgements)
        .set({ state: "superseded", revision: sql`${acknowledgements.revision} + 1` })
        .where(
          and(
            coveredByAnnouncement ? notInArray(acknowledgements.personId, coveredByAnnouncement) : undefined,
            inArray(acknowledgements.roleVersionId, roleVersionIds),
            inArray(acknowledgements.state, SUPERSEDABLE_ACK_STATES),
            sql`${acknowledgements.roleVersionId} <> ${version.id}`,
          ),
        )
        .run();
      const created = batches(holders).flatMap((batch) =>
        tx
          .insert(acknowledgements)
          .values(
            batch.map((personId) => ({
              personId,
              roleVersionId: version.id,
              baseVersionId: baseOf.get(personId) ?? previous.id,
              ownerId: role.ownerId,
              state: "pending" as const,
              createdAt: now,
            })),
          )
          .returning({ id: acknowledgements.id, personId: acknowledgements.personId })
          .all(),
      );
      // Each holder's notification opens their own item.
      notifyEach(
        tx,
        created.map((a) => ({ personId: a.personId, link: `/changes/${a.id}` })),
        "role.changed",
        { role: doc.title, version: number },
      );
    }
  }
  audit(
    {
      actorId,
      action: "role.publish",
      entityType: "job_role",
      entityId: role.id,
      detail: { version: number, kind: input.kind, announcementId: input.announcementId ?? null },
    },
    tx,
  );
  return { number, versionId: version.id };
}
