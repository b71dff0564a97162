import "server-only";
import { and, asc, count, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
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
import { pageOf } from "@/lib/core/pagination";
import { versionedCache } from "@/lib/core/versioned-cache";

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

/** The four groups of a tracking page. */
export const TRACKING_GROUPS = ["understood", "asked", "waiting", "replaced"] as const;
export type TrackingGroup = (typeof TRACKING_GROUPS)[number];

/** Each group shows its count and at most this many people, with a link to the rest. */
export const TRACKING_PREVIEW = 8;
/** The full list of one group (`?group=…`) comes this many people a page. */
export const TRACKING_PAGE_SIZE = 50;

export type Tracking = {
  /** The first TRACKING_PREVIEW people of each group (or the asked-for page of `page.group`). */
  understood: TrackingRow[];
  asked: (TrackingRow & { answered: boolean })[];
  waiting: TrackingRow[];
  /** Items closed by a newer version before the person answered: kept, so an older version keeps its history. */
  replaced: TrackingRow[];
  /** How many people each group holds in all. */
  counts: Record<TrackingGroup, number>;
  /** The page shown of one group, when one was asked for. */
  page: { group: TrackingGroup; page: number; pageCount: number } | null;
  /** When "remind" may next be used: null when someone waiting may be reminded now (or nobody waits). */
  nextReminderAt: string | null;
};

export type TrackingPageRequest = { group?: TrackingGroup; page?: number };

/** `?group=…&page=…` of a tracking page: an unknown group is no group. */
export function trackingRequest(group: string | undefined, page: number): TrackingPageRequest {
  return (TRACKING_GROUPS as readonly string[]).includes(group ?? "") ? { group: group as TrackingGroup, page } : {};
}

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

const GROUP_STATES: Record<TrackingGroup, AckState[]> = {
  understood: ["understood"],
  asked: ["clarification", "answered"],
  waiting: ["pending"],
  replaced: ["superseded"],
};

type StoredRow = Omit<TrackingRow, "daysWaiting">;
type StoredTracking = {
  rows: Record<TrackingGroup, StoredRow[]>;
  counts: Record<TrackingGroup, number>;
  page: Tracking["page"];
  /** Of the people waiting: whether someone was never reminded, and the earliest last reminder. */
  neverReminded: boolean;
  earliestReminder: string | null;
};

/**
 * What a tracking page reads (issue 15): kept until the database changes (an answer, a reminder, a
 * new version all write), per version or announcement and asked-for page; what moves with the clock
 * (days waiting, when Remind may be used again) is worked out on each request.
 */
const stored = versionedCache<StoredTracking>(500);

/**
 * Counts per group and a few people per group (never everyone): the first TRACKING_PREVIEW of each,
 * and the asked-for page (TRACKING_PAGE_SIZE a page) of one group.
 */
function readTracking(where: SQL, request: TrackingPageRequest): StoredTracking {
  const db = getDb();
  const byState = new Map(
    db
      .select({ state: acknowledgements.state, n: count() })
      .from(acknowledgements)
      .where(where)
      .groupBy(acknowledgements.state)
      .all()
      .map((r) => [r.state, r.n]),
  );
  const counts = Object.fromEntries(
    TRACKING_GROUPS.map((g) => [g, GROUP_STATES[g].reduce((n, state) => n + (byState.get(state) ?? 0), 0)]),
  ) as Record<TrackingGroup, number>;
  let page: Tracking["page"] = null;
  const rowsOf = (group: TrackingGroup): StoredRow[] => {
    let offset = 0;
    let limit = TRACKING_PREVIEW;
    if (request.group === group) {
      const p = pageOf(counts[group], request.page, TRACKING_PAGE_SIZE);
      page = { group, page: p.page, pageCount: p.pageCount };
      offset = p.offset;
      limit = TRACKING_PAGE_SIZE;
    }
    if (!counts[group]) return [];
    return db
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
      .where(and(where, inArray(acknowledgements.state, GROUP_STATES[group])))
      .orderBy(...(group === "waiting" ? [asc(acknowledgements.createdAt)] : []), asc(holder.name), asc(acknowledgements.id))
      .limit(limit)
      .offset(offset)
      .all();
  };
  const rows = Object.fromEntries(TRACKING_GROUPS.map((g) => [g, rowsOf(g)])) as Record<TrackingGroup, StoredRow[]>;
  const reminders = counts.waiting
    ? db
        .select({
          never: sql<number>`coalesce(sum(case when ${acknowledgements.lastRemindedAt} is null then 1 else 0 end), 0)`,
          earliest: sql<string | null>`min(${acknowledgements.lastRemindedAt})`,
        })
        .from(acknowledgements)
        .where(and(where, eq(acknowledgements.state, "pending")))
        .get()
    : undefined;
  return { rows, counts, page, neverReminded: Boolean(reminders?.never), earliestReminder: reminders?.earliest ?? null };
}

function trackingFor(key: string, where: SQL, request: TrackingPageRequest = {}, now = new Date()): Tracking {
  const t = stored.get(`${key}|${request.group ?? ""}|${request.page ?? ""}`, () => readTracking(where, request));
  const withDays = (rows: StoredRow[]): TrackingRow[] => rows.map((r) => ({ ...r, daysWaiting: daysBetween(r.createdAt, now) }));
  // Remind may be used now when someone waiting was never reminded, or not in the last 24 hours:
  // nextReminderAt's rule over the one row that decides it (someone due now, else the earliest reminded).
  const cutoff = new Date(now.getTime() - REMINDER_INTERVAL_MS).toISOString();
  const dueNow = t.neverReminded || (t.earliestReminder !== null && t.earliestReminder <= cutoff);
  return {
    understood: withDays(t.rows.understood),
    asked: withDays(t.rows.asked).map((r) => ({ ...r, answered: r.state === "answered" })),
    waiting: withDays(t.rows.waiting),
    replaced: withDays(t.rows.replaced),
    counts: t.counts,
    page: t.page,
    nextReminderAt: t.counts.waiting ? nextReminderAt([{ lastRemindedAt: dueNow ? null : t.earliestReminder }], now) : null,
  };
}

/** Per version: who understood, who asked, who has not answered. For the owner, editors and HR. */
export function versionTracking(actor: Actor, slug: string, number: number, request: TrackingPageRequest = {}): { versionId: number; tracking: Tracking } {
  const db = getDb();
  const v = db
    .select({ id: roleVersions.id, jobRoleId: roleVersions.jobRoleId, ownerId: jobRoles.ownerId })
    .from(roleVersions)
    .innerJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
    .where(and(eq(jobRoles.slug, slug), eq(roleVersions.number, number)))
    .get();
  if (!v) throw new NotFoundError("version");
  if (!mayTrackVersion(actor, { id: v.jobRoleId, ownerId: v.ownerId })) throw outOfScope(actor, { type: "role_version", id: v.id }, "mayTrackVersion");
  return { versionId: v.id, tracking: trackingFor(`v${v.id}`, eq(acknowledgements.roleVersionId, v.id), request) };
}

export function announcementTracking(actor: Actor, announcementId: number, request: TrackingPageRequest = {}): Tracking {
  const a = getDb().select({ authorId: announcements.authorId }).from(announcements).where(eq(announcements.id, announcementId)).get();
  if (!a) throw new NotFoundError("announcement");
  if (!mayTrackAnnouncement(actor, a)) throw outOfScope(actor, { type: "announcement", id: announcementId }, "mayTrackAnnouncement");
  return trackingFor(`a${announcementId}`, eq(acknowledgements.announcementId, announcementId), request);
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
