import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { getDb, type DB } from "@/db/client";
import { emailBounces, emailPreferences, notificationDeliveries, notifications, people } from "@/db/schema";
import type { NotificationKind } from "@/lib/notifications/notifications";
import { recipientLocale } from "./i18n";
import { renderDigest } from "./render-digest";
import { renderInvitation } from "./render-invitation";
import { renderPasswordReset } from "./render-password-reset";
import { isPasswordResetMessage } from "@/lib/auth/passwords";
import { renderNotification } from "./render-notification";
import { emailTransportStatus, sendEmail } from "./transport";
import type { OutboxRow, Recipient, RenderedEmail } from "./types";
import { DEFAULT_MODE, EMAIL_FIRST_RETRY_MS, EMAIL_LEASE_MS, EMAIL_RETRY_WINDOW_MS, groupOfKind, type EmailGroup, type EmailMode } from "./vocabulary";

/*
 * The email outbox worker (issue 13, point 3). `notify()` writes one email row per notification in
 * the notification's transaction; digests and invitations write theirs. This sends the due ones:
 * - rows are leased first with one UPDATE … RETURNING (atomic in SQLite), so two workers (two
 *   processes, or a tick overlapping the previous one) never take the same row;
 * - each row is routed: a notification follows the person's choice for its group (off → skipped,
 *   digest → waits for the daily digest, immediately → sent); a day-stamped one (anonymous concern)
 *   never goes out at once; no address, an inactive person or a bounced address → skipped with a note;
 * - the Message-ID is `<messageKey@host>` on every attempt (receivers can drop a repeat), and the
 *   .eml writer overwrites `<messageKey>.eml`: a row sent twice after a crash never makes two files;
 * - a permanent refusal of the recipient (5xx at RCPT TO) bounces the address (HR sees it); anything
 *   else (connection, greeting, AUTH, MAIL FROM, a 4xx) is retried with
 *   exponential backoff (1 min, 2, 4, …) until 24 hours after the first attempt, then failed.
 * An invalid SMTP_URL sends nothing and uses up no attempt: rows wait until it is fixed.
 * `attemptedAt` is the first attempt of the current retry window (HR's retry starts a fresh one).
 * All state is in the table: the worker is idempotent and survives restarts (an expired lease is
 * simply taken again).
 */

type Tx = Pick<DB, "update" | "delete">;

export type EmailSendResult = { attempted: number; sent: number; retrying: number; failed: number; bounced: number; skipped: number; toDigest: number };

export const EMAIL_BATCH = 20;
/** SMTP conversations at once. */
const CONCURRENCY = 5;
/** A row whose lease would run out during a send is released untouched (another tick takes it). */
const LEASE_MARGIN_MS = 35_000;

export const SKIP_NOTES = {
  off: "email off",
  noAddress: "no email address",
  inactive: "inactive person",
  bounced: "address bounced",
  /** HR retried an invitation or password-reset email whose one-time link was emptied when it ended. */
  linkNotKept: "one-time link not kept after the failure: send a new invitation, or the person asks for a new reset link",
} as const;

/**
 * An invitation or password-reset row (kind "invitation") carries its one-time token in the payload
 * until the row ends: sent, skipped, bounced or failed. Then the payload is emptied, so the token
 * never stays in the database (the link can no longer be sent; HR sends a new invitation instead).
 */
const TOKEN_ROW_ENDS = { payload: sql<string>`case when ${notificationDeliveries.kind} = 'invitation' then '{}' else ${notificationDeliveries.payload} end` };

/** The wait before attempt `attempts + 1` after `attempts` failed ones: 1 min, 2 min, 4 min, … */
export function emailBackoffMs(attempts: number): number {
  return EMAIL_FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(attempts, 30) - 1);
}

const ADDRESS = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/;
export function isUsableAddress(address: string | null | undefined): address is string {
  return !!address && ADDRESS.test(address.trim());
}

/** A JSON object column (payload, params); anything else reads as {}. */
function parsePayload(payload: string): Record<string, unknown> {
  try {
    const v = JSON.parse(payload) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function inPool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Sends (or routes) the due email rows of the outbox. Safe to call from several workers at once. */
export async function sendDueEmails(options: { now?: () => Date; batch?: number; env?: NodeJS.ProcessEnv } = {}): Promise<EmailSendResult> {
  const clock = options.now ?? (() => new Date());
  const env = options.env ?? process.env;
  const db = getDb();
  const start = clock();
  const nowIso = start.toISOString();
  // EMAIL_LEASE_MS (ms, at least 30 s) shortens the lease for tests that kill a server mid-send. No
  // send starts in the lease's last half (at most LEASE_MARGIN_MS), which outlasts the SMTP timeouts.
  const leaseMs = Number(env.EMAIL_LEASE_MS) >= 30_000 ? Number(env.EMAIL_LEASE_MS) : EMAIL_LEASE_MS;
  const margin = Math.min(LEASE_MARGIN_MS, leaseMs / 2);
  const leaseEnd = start.getTime() + leaseMs;
  const leaseUntil = new Date(leaseEnd).toISOString();
  const result: EmailSendResult = { attempted: 0, sent: 0, retrying: 0, failed: 0, bounced: 0, skipped: 0, toDigest: 0 };

  const due = and(
    eq(notificationDeliveries.channel, "email"),
    eq(notificationDeliveries.status, "pending"),
    lte(notificationDeliveries.nextAttemptAt, nowIso),
    or(isNull(notificationDeliveries.leaseUntil), lt(notificationDeliveries.leaseUntil, nowIso)),
  );
  const candidates = db
    .select({ id: notificationDeliveries.id })
    .from(notificationDeliveries)
    .where(due)
    .orderBy(asc(notificationDeliveries.nextAttemptAt), asc(notificationDeliveries.id))
    .limit(options.batch ?? EMAIL_BATCH);
  // The lease: only rows still due when the UPDATE runs are taken (the condition is repeated).
  const leased = db.update(notificationDeliveries).set({ leaseUntil }).where(and(inArray(notificationDeliveries.id, candidates), due)).returning().all();
  if (!leased.length) return result;

  // Everything the rows need, in four reads whatever the batch size.
  const personIds = [...new Set(leased.flatMap((r) => (r.personId == null ? [] : [r.personId])))];
  const notificationIds = [...new Set(leased.flatMap((r) => (r.kind === "notification" && r.notificationId != null ? [r.notificationId] : [])))];
  const persons = new Map(
    (personIds.length
      ? db.select({ id: people.id, name: people.name, email: people.email, locale: people.locale, active: people.active }).from(people).where(inArray(people.id, personIds)).all()
      : []
    ).map((p) => [p.id, p]),
  );
  const modes = new Map<string, EmailMode>(
    (personIds.length ? db.select().from(emailPreferences).where(inArray(emailPreferences.personId, personIds)).all() : []).map((p) => [`${p.personId}:${p.group}`, p.mode]),
  );
  const bounced = new Set(
    (personIds.length
      ? db.select({ personId: emailBounces.personId, address: emailBounces.address }).from(emailBounces).where(inArray(emailBounces.personId, personIds)).all()
      : []
    ).map((b) => `${b.personId}:${b.address.toLowerCase()}`),
  );
  const notes = new Map(
    (notificationIds.length
      ? db.select({ id: notifications.id, kind: notifications.kind, params: notifications.params, link: notifications.link }).from(notifications).where(inArray(notifications.id, notificationIds)).all()
      : []
    ).map((n) => [n.id, n]),
  );
  const modeOf = (personId: number, group: EmailGroup): EmailMode => modes.get(`${personId}:${group}`) ?? DEFAULT_MODE[group];

  // Route: what is skipped or waits for the digest is written in one UPDATE per outcome.
  const skip = new Map<string, number[]>();
  const toDigest: number[] = [];
  const toSend: { row: OutboxRow; recipient: Recipient; render: () => RenderedEmail }[] = [];
  const skipWith = (note: string, id: number) => skip.set(note, [...(skip.get(note) ?? []), id]);

  for (const row of leased) {
    const person = row.personId == null ? undefined : persons.get(row.personId);
    if (!person || !person.active) {
      skipWith(SKIP_NOTES.inactive, row.id);
      continue;
    }
    let render: (recipient: Recipient) => RenderedEmail;
    let mode: EmailMode = "immediate";
    if (row.kind === "notification") {
      const n = row.notificationId == null ? undefined : notes.get(row.notificationId);
      if (!n) {
        skipWith("notification removed", row.id);
        continue;
      }
      mode = modeOf(person.id, groupOfKind(n.kind));
      if (mode === "immediate" && parsePayload(row.payload).dayOnly === true) mode = "digest";
      const item = { kind: n.kind as NotificationKind, params: parsePayload(n.params) as Record<string, string | number>, link: n.link };
      render = (recipient) => renderNotification(item, recipient);
    } else if (row.kind === "digest") {
      render = (recipient) => renderDigest(row, recipient);
    } else if (isPasswordResetMessage(row.messageKey)) {
      // Issue 14: a password-reset link travels like an invitation (a one-time token, emptied once sent).
      render = (recipient) => renderPasswordReset(row, recipient);
    } else {
      render = (recipient) => renderInvitation(row, recipient);
    }
    if (mode === "off") {
      skipWith(SKIP_NOTES.off, row.id);
      continue;
    }
    const address = person.email?.trim() ?? "";
    if (!isUsableAddress(address)) {
      skipWith(SKIP_NOTES.noAddress, row.id);
      continue;
    }
    if (bounced.has(`${person.id}:${address.toLowerCase()}`)) {
      skipWith(SKIP_NOTES.bounced, row.id);
      continue;
    }
    if (mode === "digest") {
      toDigest.push(row.id);
      continue;
    }
    const recipient: Recipient = { id: person.id, name: person.name, email: address, locale: recipientLocale(person.locale) };
    toSend.push({ row, recipient, render: () => render(recipient) });
  }

  const oursAll = (ids: number[]) => and(inArray(notificationDeliveries.id, ids), eq(notificationDeliveries.leaseUntil, leaseUntil));
  db.transaction((tx) => {
    for (const [note, ids] of skip) {
      // No time stamp: a day-stamped (anonymous) row must not get one that ties it to its author.
      tx.update(notificationDeliveries).set({ status: "skipped", lastError: note, leaseUntil: null, ...TOKEN_ROW_ENDS }).where(oursAll(ids)).run();
      result.skipped += ids.length;
    }
    if (toDigest.length) {
      tx.update(notificationDeliveries).set({ status: "digest", leaseUntil: null }).where(oursAll(toDigest)).run();
      result.toDigest += toDigest.length;
    }
  });

  // An invalid SMTP_URL sends nothing and uses up no attempt: the rows wait (with the reason) until
  // it is fixed; HR's page and the start-up log say what is wrong.
  const transport = emailTransportStatus(env);
  if (transport.mode === "invalid") {
    if (toSend.length)
      db.update(notificationDeliveries)
        .set({ lastError: transport.error, nextAttemptAt: new Date(start.getTime() + EMAIL_FIRST_RETRY_MS).toISOString(), leaseUntil: null })
        .where(oursAll(toSend.map((s) => s.row.id)))
        .run();
    result.retrying += toSend.length;
    return result;
  }

  await inPool(toSend, CONCURRENCY, async ({ row, recipient, render }) => {
    const ours = and(eq(notificationDeliveries.id, row.id), eq(notificationDeliveries.leaseUntil, leaseUntil));
    if (clock().getTime() > leaseEnd - margin) {
      db.update(notificationDeliveries).set({ leaseUntil: null }).where(ours).run();
      return;
    }
    result.attempted++;
    const attempts = row.attempts + 1;
    const firstAttempt = row.attemptedAt && row.attempts > 0 ? row.attemptedAt : clock().toISOString();
    let email: RenderedEmail | null = null;
    let outcome: Awaited<ReturnType<typeof sendEmail>>;
    try {
      email = render();
      outcome = await sendEmail(
        { messageKey: row.messageKey ?? `row${row.id}`, to: { name: recipient.name, address: recipient.email }, subject: email.subject, text: email.text, html: email.html, headers: email.headers, date: clock() },
        env,
      );
    } catch (e) {
      outcome = { ok: false, permanent: false, error: `could not render the email: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500) };
    }
    const at = clock();
    const atIso = at.toISOString();
    const common = { attempts, attemptedAt: firstAttempt, toAddress: recipient.email, subject: email?.subject ?? row.subject, leaseUntil: null };
    if (outcome.ok) {
      db.update(notificationDeliveries)
        .set({ ...common, status: "sent", sentAt: atIso, lastError: null, serverResponse: outcome.response, ...TOKEN_ROW_ENDS })
        .where(ours)
        .run();
      result.sent++;
    } else if (outcome.permanent) {
      db.transaction((tx) => {
        const taken = tx.update(notificationDeliveries).set({ ...common, status: "bounced", lastError: outcome.error, ...TOKEN_ROW_ENDS }).where(ours).run().changes;
        if (taken)
          tx.insert(emailBounces)
            .values({ personId: recipient.id, address: recipient.email, reason: outcome.error, bouncedAt: atIso })
            .onConflictDoUpdate({ target: emailBounces.personId, set: { address: recipient.email, reason: outcome.error, bouncedAt: atIso } })
            .run();
      });
      result.bounced++;
    } else if (at.getTime() - Date.parse(firstAttempt) >= EMAIL_RETRY_WINDOW_MS) {
      db.update(notificationDeliveries).set({ ...common, status: "failed", lastError: outcome.error, ...TOKEN_ROW_ENDS }).where(ours).run();
      result.failed++;
    } else {
      const next = Math.min(at.getTime() + emailBackoffMs(attempts), Date.parse(firstAttempt) + EMAIL_RETRY_WINDOW_MS);
      db.update(notificationDeliveries)
        .set({ ...common, lastError: outcome.error, nextAttemptAt: new Date(next).toISOString() })
        .where(ours)
        .run();
      result.retrying++;
    }
  });
  return result;
}

/**
 * HR's "retry": puts failed or bounced email rows back in the queue, due now, with a fresh retry
 * window; for a bounced row the address's bounce is cleared too (HR says it works again).
 * An invitation or password-reset row lost its one-time link when it ended: it cannot be sent again,
 * so it is marked skipped with a note instead (lib/email/admin.ts sends a fresh invitation).
 * Returns how many rows were requeued. Runs inside the caller's transaction.
 */
export function requeueForRetry(tx: Tx, ids: number[], now = new Date()): number {
  if (!ids.length) return 0;
  const fresh = { status: "pending" as const, nextAttemptAt: now.toISOString(), attempts: 0, attemptedAt: null, leaseUntil: null };
  const inIds = and(inArray(notificationDeliveries.id, ids), eq(notificationDeliveries.channel, "email"));
  // A token row cannot be sent again (its link was emptied): skipped with a note, its bounce cleared.
  const linkGone = { status: "skipped" as const, lastError: SKIP_NOTES.linkNotKept, payload: "{}", leaseUntil: null };
  const isToken = eq(notificationDeliveries.kind, "invitation");
  const tokenBounced = tx
    .update(notificationDeliveries)
    .set(linkGone)
    .where(and(inIds, isToken, eq(notificationDeliveries.status, "bounced")))
    .returning({ personId: notificationDeliveries.personId })
    .all();
  tx.update(notificationDeliveries).set(linkGone).where(and(inIds, isToken, eq(notificationDeliveries.status, "failed"))).run();
  const notToken = ne(notificationDeliveries.kind, "invitation");
  const wasBounced = tx
    .update(notificationDeliveries)
    .set(fresh)
    .where(and(inIds, notToken, eq(notificationDeliveries.status, "bounced")))
    .returning({ personId: notificationDeliveries.personId })
    .all();
  const wasFailed = tx.update(notificationDeliveries).set(fresh).where(and(inIds, notToken, eq(notificationDeliveries.status, "failed"))).run().changes;
  const bouncedPeople = [...new Set([...wasBounced, ...tokenBounced].flatMap((r) => (r.personId == null ? [] : [r.personId])))];
  if (bouncedPeople.length) tx.delete(emailBounces).where(inArray(emailBounces.personId, bouncedPeople)).run();
  return wasBounced.length + wasFailed;
}
