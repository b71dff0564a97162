import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { acknowledgements, announcements, jobRoles, people, roleVersions } from "@/db/schema";
import type { AckState } from "@/lib/communication/vocabulary";
import { mayTrackAnnouncement, mayTrackVersion, outOfScope } from "@/lib/auth/policy";
import { daysBetween } from "@/lib/communication/ack-state";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/log";
import { NotFoundError } from "@/lib/core/errors";
import { notifyEach } from "@/lib/notifications/notifications";

/** Who answered a role version or an announcement, and reminders to those who have not. */
const holder = alias(people, "holder");

export type TrackingRow = {
  ackId: number;
  personId: number;
  name: string;
  state: AckState;
  createdAt: string;
  answeredAt: string | null;
  daysWaiting: number;
  reminders: number;
  lastRemindedAt: string | null;
};

export type Tracking = {
  understood: TrackingRow[];
  asked: (TrackingRow & { answered: boolean })[];
  waiting: TrackingRow[];
};

function trackingFor(where: ReturnType<typeof eq>): Tracking {
  const rows = getDb()
    .select({
      ackId: acknowledgements.id,
      personId: acknowledgements.personId,
      name: holder.name,
      state: acknowledgements.state,
      createdAt: acknowledgements.createdAt,
      answeredAt: acknowledgements.answeredAt,
      reminders: acknowledgements.reminders,
      lastRemindedAt: acknowledgements.lastRemindedAt,
    })
    .from(acknowledgements)
    .innerJoin(holder, eq(holder.id, acknowledgements.personId))
    .where(and(where, sql`${acknowledgements.state} <> 'superseded'`))
    .orderBy(asc(holder.name))
    .limit(2000)
    .all()
    .map((r) => ({ ...r, daysWaiting: daysBetween(r.createdAt) }));
  return {
    understood: rows.filter((r) => r.state === "understood"),
    asked: rows.filter((r) => r.state === "clarification" || r.state === "answered").map((r) => ({ ...r, answered: r.state === "answered" })),
    waiting: rows.filter((r) => r.state === "pending").sort((a, b) => b.daysWaiting - a.daysWaiting),
  };
}

/** Per version: who understood, who asked, who has not answered. For the owner, editors and HR. */
export function versionTracking(actor: Actor, slug: string, number: number): { versionId: number; tracking: Tracking } {
  const db = getDb();
  const v = db
    .select({ id: roleVersions.id, jobRoleId: roleVersions.jobRoleId, ownerId: jobRoles.ownerId })
    .from(roleVersions)
    .innerJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .where(and(eq(jobRoles.slug, slug), eq(roleVersions.number, number)))
    .get();
  if (!v) throw new NotFoundError("version");
  if (!mayTrackVersion(actor, { id: v.jobRoleId, ownerId: v.ownerId })) throw outOfScope(actor, { type: "role_version", id: v.id }, "mayTrackVersion");
  return { versionId: v.id, tracking: trackingFor(eq(acknowledgements.roleVersionId, v.id)) };
}

export function announcementTracking(actor: Actor, announcementId: number): Tracking {
  const a = getDb().select({ authorId: announcements.authorId }).from(announcements).where(eq(announcements.id, announcementId)).get();
  if (!a) throw new NotFoundError("announcement");
  if (!mayTrackAnnouncement(actor, a)) throw outOfScope(actor, { type: "announcement", id: announcementId }, "mayTrackAnnouncement");
  return trackingFor(eq(acknowledgements.announcementId, announcementId));
}

/** Reminds everyone who has not answered yet (a version's holders or an announcement's audience). */
export function sendReminders(actor: Actor, target: { roleSlug: string; version: number } | { announcementId: number }): number {
  const where =
    "announcementId" in target
      ? (announcementTracking(actor, target.announcementId), eq(acknowledgements.announcementId, target.announcementId))
      : eq(acknowledgements.roleVersionId, versionTracking(actor, target.roleSlug, target.version).versionId);
  const db = getDb();
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const waiting = tx
      .select({ id: acknowledgements.id, personId: acknowledgements.personId })
      .from(acknowledgements)
      .where(and(where, eq(acknowledgements.state, "pending")))
      .all();
    if (!waiting.length) return 0;
    tx.update(acknowledgements)
      .set({ reminders: sql`${acknowledgements.reminders} + 1`, lastRemindedAt: now })
      .where(inArray(acknowledgements.id, waiting.map((w) => w.id)))
      .run();
    // One notification per person, each linking to their own item.
    notifyEach(
      tx,
      waiting.map((w) => ({ personId: w.personId, link: `/changes/${w.id}` })),
      "ack.reminder",
      {},
    );
    audit(
      {
        actorId: actor.id,
        action: "ack.remind",
        entityType: "announcementId" in target ? "announcement" : "role_version",
        entityId: "announcementId" in target ? target.announcementId : `${target.roleSlug}@${target.version}`,
        detail: { count: waiting.length },
      },
      tx,
    );
    return waiting.length;
  });
}
