import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { getDb } from "@/db/client";
import { emailBounces, invitations, notificationDeliveries, people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { auditEach, audit } from "@/lib/audit/log";
import { NotFoundError } from "@/lib/core/errors";
import { pageOf, type Page } from "@/lib/core/pagination";
import { emailTransportStatus, outboxDir, type TransportStatus } from "./transport";
import { queueInvitation } from "./invitations";
import { requeueForRetry } from "./worker";

/*
 * HR's view of the email outbox (issue 13, points 3 and 4): what went out, what waits, what failed
 * or bounced (with the server's answer) and what was skipped and why; retrying and clearing a
 * bounce. Permission `email.oversee`. Reads never write.
 */

export const EMAIL_LIST_TABS = ["sent", "queued", "failed", "bounced", "skipped"] as const;
export type EmailListTab = (typeof EMAIL_LIST_TABS)[number];
export const EMAIL_PAGE_SIZE = 25;
/** "Retry all" takes at most this many rows per click. */
export const RETRY_ALL_MAX = 500;

const STATUSES_OF: Record<EmailListTab, ("pending" | "digest" | "digested" | "sent" | "failed" | "skipped" | "bounced")[]> = {
  sent: ["sent"],
  queued: ["pending", "digest"],
  failed: ["failed"],
  bounced: ["bounced"],
  skipped: ["skipped"],
};

export type EmailStatusCounts = Record<"pending" | "digest" | "digested" | "sent" | "failed" | "skipped" | "bounced", number>;

/** The transport (file / SMTP / invalid SMTP_URL) and how many email rows are in each status. */
export function emailOverview(actor: Actor): { transport: TransportStatus; counts: EmailStatusCounts } {
  authorize(actor, "email.oversee", { type: "email" });
  const rows = getDb()
    .select({ status: notificationDeliveries.status, count: sql<number>`count(*)` })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.channel, "email"))
    .groupBy(notificationDeliveries.status)
    .all();
  const counts: EmailStatusCounts = { pending: 0, digest: 0, digested: 0, sent: 0, failed: 0, skipped: 0, bounced: 0 };
  for (const r of rows) counts[r.status] = Number(r.count);
  return { transport: emailTransportStatus(), counts };
}

export type EmailListRow = {
  id: number;
  kind: "notification" | "digest" | "invitation";
  status: EmailStatusCounts extends Record<infer K, number> ? K : never;
  personId: number | null;
  personName: string | null;
  address: string | null;
  subject: string | null;
  attempts: number;
  lastError: string | null;
  /** A sent email: what the server answered on accepting it ("250 … queued as …"). */
  serverResponse: string | null;
  /** When it was sent, else last tried, else queued. */
  at: string | null;
  /** Bounced tab: the person's address is still blocked (HR can clear it). */
  blocked: boolean;
};

/** One tab of HR's list, newest first, a page at a time. */
export function listEmails(actor: Actor, tab: EmailListTab, requestedPage = 1): Page<EmailListRow> {
  authorize(actor, "email.oversee", { type: "email" });
  const db = getDb();
  const where = and(eq(notificationDeliveries.channel, "email"), inArray(notificationDeliveries.status, STATUSES_OF[tab]));
  const total = Number(db.select({ n: sql<number>`count(*)` }).from(notificationDeliveries).where(where).get()?.n ?? 0);
  const { page, pageCount, offset } = pageOf(total, requestedPage, EMAIL_PAGE_SIZE);
  const at = sql<string | null>`coalesce(${notificationDeliveries.sentAt}, ${notificationDeliveries.attemptedAt}, ${notificationDeliveries.createdAt})`;
  const rows = db
    .select({
      id: notificationDeliveries.id,
      kind: notificationDeliveries.kind,
      status: notificationDeliveries.status,
      personId: notificationDeliveries.personId,
      personName: people.name,
      toAddress: notificationDeliveries.toAddress,
      personEmail: people.email,
      subject: notificationDeliveries.subject,
      attempts: notificationDeliveries.attempts,
      lastError: notificationDeliveries.lastError,
      serverResponse: notificationDeliveries.serverResponse,
      at,
      blocked: sql<number>`${emailBounces.personId} is not null`,
    })
    .from(notificationDeliveries)
    .leftJoin(people, eq(people.id, notificationDeliveries.personId))
    .leftJoin(emailBounces, eq(emailBounces.personId, notificationDeliveries.personId))
    .where(where)
    .orderBy(desc(at), desc(notificationDeliveries.id))
    .limit(EMAIL_PAGE_SIZE)
    .offset(offset)
    .all();
  return {
    rows: rows.map(({ toAddress, personEmail, blocked, ...r }) => ({ ...r, address: toAddress ?? personEmail ?? null, blocked: Boolean(blocked) })),
    total,
    page,
    pageCount,
    pageSize: EMAIL_PAGE_SIZE,
  };
}

export type EmailDetail = EmailListRow & {
  messageKey: string | null;
  createdAt: string | null;
  sentAt: string | null;
  attemptedAt: string | null;
  /** The written message, when the transport is the .eml writer and the file exists. */
  file: { headers: [string, string][]; text: string | null; html: string | null } | null;
};

/** A message key is only ever letters, digits and dashes (n12, d3-2026-12-02, i4): nothing else names a file. */
const MESSAGE_KEY = /^[A-Za-z0-9-]{1,100}$/;

function headerText(value: unknown): string {
  if (value == null) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(headerText).join(", ");
  if (typeof value === "object") {
    const v = value as { text?: unknown; value?: unknown; params?: Record<string, string> };
    if (typeof v.text === "string") return v.text;
    if (typeof v.value === "string") return v.value + (v.params ? Object.entries(v.params).map(([k, p]) => `; ${k}=${p}`).join("") : "");
    return JSON.stringify(value);
  }
  return String(value);
}

/** Reads the .eml the file transport wrote for a row (null: not written, or SMTP mode). */
async function readEml(messageKey: string | null): Promise<EmailDetail["file"]> {
  if (!messageKey || !MESSAGE_KEY.test(messageKey)) return null;
  const status = emailTransportStatus();
  if (status.mode !== "file") return null;
  const dir = outboxDir();
  const file = path.join(dir, `${messageKey}.eml`);
  let raw: Buffer;
  try {
    raw = await fs.readFile(file);
  } catch {
    return null;
  }
  const parsed = await simpleParser(raw);
  const headers: [string, string][] = [...parsed.headers.entries()].map(([k, v]) => [k, headerText(v)]);
  return { headers, text: parsed.text ?? null, html: typeof parsed.html === "string" ? parsed.html : null };
}

/** One email: its row and, with the .eml writer, what was written. */
export async function readEmail(actor: Actor, id: number): Promise<EmailDetail> {
  authorize(actor, "email.oversee", { type: "email", id });
  const row = getDb()
    .select({
      id: notificationDeliveries.id,
      kind: notificationDeliveries.kind,
      status: notificationDeliveries.status,
      personId: notificationDeliveries.personId,
      personName: people.name,
      toAddress: notificationDeliveries.toAddress,
      personEmail: people.email,
      subject: notificationDeliveries.subject,
      attempts: notificationDeliveries.attempts,
      lastError: notificationDeliveries.lastError,
      serverResponse: notificationDeliveries.serverResponse,
      messageKey: notificationDeliveries.messageKey,
      createdAt: notificationDeliveries.createdAt,
      sentAt: notificationDeliveries.sentAt,
      attemptedAt: notificationDeliveries.attemptedAt,
      blocked: sql<number>`${emailBounces.personId} is not null`,
    })
    .from(notificationDeliveries)
    .leftJoin(people, eq(people.id, notificationDeliveries.personId))
    .leftJoin(emailBounces, eq(emailBounces.personId, notificationDeliveries.personId))
    .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.channel, "email")))
    .get();
  if (!row) throw new NotFoundError("email");
  const { toAddress, personEmail, blocked, ...rest } = row;
  return {
    ...rest,
    address: toAddress ?? personEmail ?? null,
    blocked: Boolean(blocked),
    at: row.sentAt ?? row.attemptedAt ?? row.createdAt,
    file: row.status === "sent" ? await readEml(row.messageKey) : null,
  };
}

/**
 * HR's "retry": failed or bounced email rows go back in the queue, due now (a bounced address is
 * unblocked). `ids: "all"` takes every failed row (at most RETRY_ALL_MAX per click). Rows in any
 * other status are left alone. Audited once per person. Returns how many were requeued.
 * An invitation email lost its one-time link when it failed (the token never stays in the
 * database): retrying it sends a fresh invitation instead, to a person still active who has not
 * accepted one; the old row is skipped as replaced. A password-reset email is not resent (the
 * person asks for a new link).
 */
export function retryDeliveries(actor: Actor, ids: number[] | "all", now = new Date()): number {
  authorize(actor, "email.oversee", { type: "email" });
  const db = getDb();
  const base = eq(notificationDeliveries.channel, "email");
  const rows =
    ids === "all"
      ? db
          .select({ id: notificationDeliveries.id, personId: notificationDeliveries.personId, kind: notificationDeliveries.kind, messageKey: notificationDeliveries.messageKey })
          .from(notificationDeliveries)
          .where(and(base, eq(notificationDeliveries.status, "failed")))
          .orderBy(notificationDeliveries.id)
          .limit(RETRY_ALL_MAX)
          .all()
      : ids.length === 0
        ? []
        : db
            .select({ id: notificationDeliveries.id, personId: notificationDeliveries.personId, kind: notificationDeliveries.kind, messageKey: notificationDeliveries.messageKey })
            .from(notificationDeliveries)
            .where(and(base, inArray(notificationDeliveries.id, ids.slice(0, RETRY_ALL_MAX)), inArray(notificationDeliveries.status, ["failed", "bounced"])))
            .all();
  if (ids !== "all" && ids.length > 0 && rows.length === 0) throw new NotFoundError("email");
  if (rows.length === 0) return 0;
  // Invitation rows (key i<id>) of people still to accept one: a fresh invitation replaces each.
  const invitationRows = rows.filter((r) => r.kind === "invitation" && r.personId != null && /^i\d+$/.test(r.messageKey ?? ""));
  const invitees = can(actor, "people.invite") ? [...new Set(invitationRows.map((r) => r.personId!))] : [];
  const reinvite = new Set(
    invitees.length
      ? db
          .select({ id: people.id })
          .from(people)
          .where(
            and(
              inArray(people.id, invitees),
              eq(people.active, true),
              sql`not exists (select 1 from ${invitations} where ${invitations.personId} = ${people.id} and ${invitations.usedAt} is not null)`,
            ),
          )
          .all()
          .map((p) => p.id)
      : [],
  );
  return db.transaction((tx) => {
    let count = requeueForRetry(tx, rows.map((r) => r.id), now);
    for (const personId of reinvite) {
      const { invitationId } = queueInvitation(tx, { personId, createdById: actor.id, now });
      audit({ actorId: actor.id, action: "invitation.send", entityType: "person", entityId: personId, detail: { invitationId, resend: true } }, tx);
      count++;
    }
    const replaced = invitationRows.filter((r) => reinvite.has(r.personId!)).map((r) => r.id);
    if (replaced.length)
      tx.update(notificationDeliveries).set({ status: "skipped", payload: "{}", lastError: "replaced by a newer invitation", leaseUntil: null }).where(inArray(notificationDeliveries.id, replaced)).run();
    const perPerson = new Map<number, number[]>();
    for (const r of rows) if (r.personId != null) perPerson.set(r.personId, [...(perPerson.get(r.personId) ?? []), r.id]);
    auditEach(
      [...perPerson].map(([personId, deliveryIds]) => ({
        actorId: actor.id,
        action: "email.retry",
        entityType: "person",
        entityId: personId,
        detail: { deliveryIds },
      })),
      tx,
    );
    return count;
  });
}

/** HR unblocks a bounced address (e.g. after the person's mailbox was fixed): email to them is sent again. */
export function clearBounce(actor: Actor, personId: number): void {
  authorize(actor, "email.oversee", { type: "person", id: personId });
  const db = getDb();
  db.transaction((tx) => {
    const gone = tx.delete(emailBounces).where(eq(emailBounces.personId, personId)).returning({ address: emailBounces.address }).get();
    if (!gone) throw new NotFoundError("bounce");
    audit({ actorId: actor.id, action: "email.bounceClear", entityType: "person", entityId: personId, detail: { address: gone.address } }, tx);
  });
}
