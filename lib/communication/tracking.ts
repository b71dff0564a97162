import "server-only";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { acknowledgements, announcements, jobRoles, people, roleVersions } from "@/db/schema";
import type { AckState } from "@/lib/communication/vocabulary";
import { mayTrackAnnouncement, mayTrackVersion, outOfScope } from "@/lib/auth/policy";
import { daysBetween } from "@/lib/communication/ack-state";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/log";
import { ActionError, NotFoundError } from "@/lib/core/errors";
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
  /** Items closed by a newer version before the person answered: kept, so an older version keeps its history. */
  replaced: TrackingRow[];
  /** When "remind" may next be used: null when someone waiting may be reminded now (or nobody waits). */
  nextReminderAt: string | null;
};

/** A person is reminded about one item at most once in this period. */
export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** The earliest instant someone waiting may be reminded again; null if someone may be reminded now. */
export function nextReminderAt(waiting: Pick<TrackingRow, "lastRemindedAt">[], now = new Date()): string | null {
  if (!waiting.length) return null;
  let next = Infinity;
  for (const w of waiting) {
    const at = w.lastRemindedAt ? Date.parse(w.lastRemindedAt) + REMINDER_INTERVAL_MS : 0;
    if (at <= now.getTime()) return null;
    next = Math.min(next, at);
  }
  return new Date(next).toISOString();
}

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
    .where(where)
    .orderBy(asc(holder.name))
    .limit(2000)
    .all()
    .map((r) => ({ ...r, daysWaiting: daysBetween(r.createdAt) }));
  const waiting = rows.filter((r) => r.state === "pending").sort((a, b) => b.daysWaiting - a.daysWaiting);
  return {
    understood: rows.filter((r) => r.state === "understood"),
    asked: rows.filter((r) => r.state === "clarification" || r.state === "answered").map((r) => ({ ...r, answered: r.state === "answered" })),
    waiting,
    replaced: rows.filter((r) => r.state === "superseded"),
    nextReminderAt: nextReminderAt(waiting),
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

/**
 * Reminds everyone who has not answered yet (a version's holders or an announcement's audience),
 * each person at most once per item in 24 hours. When everyone waiting was reminded less than 24
 * hours ago, refuses with the hours until the next reminder is possible.
 */
export function sendReminders(actor: Actor, target: { roleSlug: string; version: number } | { announcementId: number }, now = new Date()): number {
  const where =
    "announcementId" in target
      ? (announcementTracking(actor, target.announcementId), eq(acknowledgements.announcementId, target.announcementId))
      : eq(acknowledgements.roleVersionId, versionTracking(actor, target.roleSlug, target.version).versionId);
  const db = getDb();
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - REMINDER_INTERVAL_MS).toISOString();
  const result = db.transaction((tx) => {
    const waiting = tx
      .select({ id: acknowledgements.id, personId: acknowledgements.personId, lastRemindedAt: acknowledgements.lastRemindedAt })
      .from(acknowledgements)
      .where(and(where, eq(acknowledgements.state, "pending")))
      .all();
    const due = waiting.filter((w) => !w.lastRemindedAt || w.lastRemindedAt <= cutoff);
    if (!due.length) return { sent: 0, next: nextReminderAt(waiting, now) };
    tx.update(acknowledgements)
      .set({ reminders: sql`${acknowledgements.reminders} + 1`, lastRemindedAt: at })
      .where(and(inArray(acknowledgements.id, due.map((w) => w.id)), or(isNull(acknowledgements.lastRemindedAt), lte(acknowledgements.lastRemindedAt, cutoff))))
      .run();
    // One notification per person, each linking to their own item.
    notifyEach(
      tx,
      due.map((w) => ({ personId: w.personId, link: `/changes/${w.id}` })),
      "ack.reminder",
      {},
    );
    audit(
      {
        actorId: actor.id,
        action: "ack.remind",
        entityType: "announcementId" in target ? "announcement" : "role_version",
        entityId: "announcementId" in target ? target.announcementId : `${target.roleSlug}@${target.version}`,
        detail: { count: due.length },
      },
      tx,
    );
    return { sent: due.length, next: null };
  });
  if (result.next) throw new ActionError("remindTooSoon", { hours: Math.max(1, Math.ceil((Date.parse(result.next) - now.getTime()) / 3_600_000)) });
  return result.sent;
}
