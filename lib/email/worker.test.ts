import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { and, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { settleDemoEmailHistory } from "@/db/seed";
import { emailBounces, emailPreferences, notificationDeliveries, notifications, people } from "@/db/schema";
import { createAnnouncement } from "@/lib/communication/announcements";
import { notify, type NotificationKind } from "@/lib/notifications/notifications";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { EMAIL_FIRST_RETRY_MS, EMAIL_LEASE_MS, EMAIL_RETRY_WINDOW_MS } from "./vocabulary";
import { emailBackoffMs, requeueForRetry, sendDueEmails, SKIP_NOTES } from "./worker";

/**
 * The outbox worker against a REAL SMTP server (smtp-server on 127.0.0.1, port 0) whose messages
 * are read back with mailparser; the .eml writer against a temporary folder. The clock is injected.
 * Digest and invitation rendering belong to other parts: here they are stand-ins that show the
 * worker hands their rows over and sends what they render (headers included).
 */

vi.mock("./render-digest", () => ({
  renderDigest: (row: { id: number }) => ({
    subject: `Digest ${row.id}`,
    text: "digest text",
    html: "<p>digest</p>",
    headers: { "List-Unsubscribe": "<https://rolebook.example.com/api/unsubscribe?token=t>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  }),
}));
vi.mock("./render-invitation", () => ({
  renderInvitation: (row: { payload: string }) => ({ subject: "Set your password", text: `token ${JSON.parse(row.payload).token}`, html: "<p>invite</p>" }),
}));

type Received = { to: string; raw: ParsedMail };
const received: Received[] = [];
/** Addresses the server refuses, with the SMTP code. */
const refuse = new Map<string, number>();
let server: SMTPServer | null = null;
let port = 0;

async function startSmtp(onPort = 0): Promise<void> {
  const s = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address);
      if (code) return callback(Object.assign(new Error(code >= 500 ? "5.1.1 Mailbox does not exist" : "4.2.1 Try again later"), { responseCode: code }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((raw) => {
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, raw });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    s.on("error", reject);
    s.listen(onPort, "127.0.0.1", () => resolve());
  });
  server = s;
  port = (s.server.address() as AddressInfo).port;
}

async function stopSmtp(): Promise<void> {
  const s = server;
  server = null;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
}

const APP_URL = "https://rolebook.example.com";
const smtpEnv = (): NodeJS.ProcessEnv => ({ ...process.env, SMTP_URL: `smtp://127.0.0.1:${port}`, APP_URL });

const db = () => getDb();
const personId = (email: string) => db().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const rowsOf = (ids: number[]) => db().select().from(notificationDeliveries).where(and(inArray(notificationDeliveries.notificationId, ids), eq(notificationDeliveries.channel, "email"))).all();

/** Notifies people (as the app does, in a transaction) and returns the new notifications' ids. */
function notifyNow(personIds: number[], kind: NotificationKind, params: Record<string, string | number>, link: string, opts: { dayOnly?: boolean } = {}): number[] {
  const before = db().select({ id: notifications.id }).from(notifications).orderBy(notifications.id).all().at(-1)?.id ?? 0;
  db().transaction((tx) => notify(tx, personIds, kind, params, link, opts));
  return db().select({ id: notifications.id }).from(notifications).where(gt(notifications.id, before)).all().map((n) => n.id);
}

function setMode(person: number, group: string, mode: "immediate" | "digest" | "off") {
  db().insert(emailPreferences).values({ personId: person, group, mode }).onConflictDoUpdate({ target: [emailPreferences.personId, emailPreferences.group], set: { mode } }).run();
}

/** A clock a little after the real now (notify() stamps rows with the real time). */
let base = 0;
const at = (ms: number) => () => new Date(base + ms);

/** The demo's email rows right after seeding (before the cases set them aside). */
let seeded: { status: string; lastError: string | null; at: string }[] = [];

beforeAll(async () => {
  process.env.APP_URL = APP_URL;
  await useSeededTestDb();
  seeded = db()
    .select({ status: notificationDeliveries.status, lastError: notificationDeliveries.lastError, at: notifications.createdAt })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(eq(notificationDeliveries.channel, "email"))
    .all();
  await startSmtp();
});

afterAll(async () => {
  await stopSmtp();
});

beforeEach(() => {
  // Each case sees only its own rows: whatever earlier cases (or the demo) left pending is set aside.
  db().update(notificationDeliveries).set({ status: "skipped", lastError: "test baseline" }).where(and(eq(notificationDeliveries.channel, "email"), eq(notificationDeliveries.status, "pending"))).run();
  db().delete(emailPreferences).run();
  db().delete(emailBounces).run();
  received.length = 0;
  refuse.clear();
  base = Date.now() + 1_000;
});

describe("the demo seed", () => {
  it("leaves the recent demo notifications' emails to send", () => {
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.some((r) => r.status === "pending")).toBe(true);
  });

  it("marks the emails of demo notifications older than 24 hours skipped (demo history), not the recent ones", () => {
    const ids = notifyNow([personId("employee@example.com"), personId("mehmet.kaya@example.com")], "ack.reply", { name: "Hanna" }, "/changes/1");
    const now = new Date(base);
    db().update(notifications).set({ createdAt: new Date(base - 25 * 3600_000).toISOString() }).where(eq(notifications.id, ids[0]!)).run();
    db().update(notifications).set({ createdAt: new Date(base - 23 * 3600_000).toISOString() }).where(eq(notifications.id, ids[1]!)).run();
    settleDemoEmailHistory(now);
    const rows = rowsOf(ids);
    expect(rows.find((r) => r.notificationId === ids[0])).toMatchObject({ status: "skipped", lastError: "demo history" });
    expect(rows.find((r) => r.notificationId === ids[1])).toMatchObject({ status: "pending" });
  });
});

describe("sendDueEmails over SMTP", () => {
  it("delivers an announcement to each person of its audience exactly once, in their language, with one link to the item", async () => {
    const tr = personId("mehmet.kaya@example.com");
    const nl = personId("thomas.bakker@example.com");
    const en = personId("employee@example.com");
    for (const p of [tr, nl, en]) setMode(p, "announcements", "immediate");
    const { id } = createAnnouncement(actorFor("hr@example.com"), {
      title: "Brake fluid <checks> move to Fridays",
      body: "From next week.",
      effectiveDate: "2030-01-01",
      audience: { everyone: false, roleIds: [], teamIds: [], personIds: [tr, nl, en] },
      transfers: [],
    });

    const first = await sendDueEmails({ now: at(0), env: smtpEnv() });
    const again = await sendDueEmails({ now: at(60_000), env: smtpEnv() });
    expect(first.sent).toBe(3);
    expect(again.attempted).toBe(0);
    expect(received.map((r) => r.to).sort()).toEqual(["employee@example.com", "mehmet.kaya@example.com", "thomas.bakker@example.com"]);

    const mail = (addr: string) => received.find((r) => r.to === addr)!.raw;
    const link = `${APP_URL}/announcements/${id}`;
    expect(mail("mehmet.kaya@example.com").subject).toBe("Duyuruyu okuyun: Brake fluid <checks> move to Fridays");
    expect(mail("thomas.bakker@example.com").subject).toBe("Lees de mededeling: Brake fluid <checks> move to Fridays");
    expect(mail("employee@example.com").subject).toBe("Read the announcement: Brake fluid <checks> move to Fridays");
    for (const r of received) {
      expect(r.raw.text).toContain(link);
      expect(r.raw.html).toBeTruthy();
      expect(r.raw.html as string).toContain(`href="${link}"`);
      expect(r.raw.html as string).toContain("Brake fluid &lt;checks&gt;");
      expect(r.raw.html as string).not.toContain("<checks>");
      // one link to the item (the footer links to the preferences only)
      expect((r.raw.text ?? "").split(link).length - 1).toBe(1);
      expect(r.raw.messageId).toMatch(/^<n\d+@rolebook\.example\.com>$/);
    }
    expect(mail("mehmet.kaya@example.com").html as string).toContain('lang="tr"');

    const rows = db().select().from(notificationDeliveries).where(and(eq(notificationDeliveries.channel, "email"), eq(notificationDeliveries.status, "sent"), isNotNull(notificationDeliveries.sentAt))).all();
    const ours = rows.filter((r) => received.some((m) => m.raw.messageId === `<${r.messageKey}@rolebook.example.com>`));
    expect(ours).toHaveLength(3);
    for (const r of ours) {
      // the server's answer on accepting it is kept for HR (smtp-server: "250 OK: message queued")
      expect(r.serverResponse).toMatch(/^250 .*queued/);
      expect(r.lastError).toBeNull();
      expect(r.attempts).toBe(1);
      expect(r.toAddress).toBeTruthy();
      expect(r.subject).toBeTruthy();
      expect(r.leaseUntil).toBeNull();
    }
  });

  it("keeps rows waiting while the SMTP server is down and delivers each exactly once when it is back", async () => {
    const someone = personId("employee@example.com");
    const other = personId("mehmet.kaya@example.com");
    const knownPort = port;
    await stopSmtp();
    const ids = notifyNow([someone, other], "ack.reply", { name: "Hanna" }, "/changes/1");

    const down = await sendDueEmails({ now: at(0), env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${knownPort}`, APP_URL } });
    expect(down).toMatchObject({ attempted: 2, sent: 0, retrying: 2 });
    let rows = rowsOf(ids);
    expect(rows.every((r) => r.status === "pending" && r.attempts === 1 && r.leaseUntil === null)).toBe(true);
    expect(rows[0]!.lastError).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
    expect(rows.every((r) => r.nextAttemptAt === new Date(base + EMAIL_FIRST_RETRY_MS).toISOString())).toBe(true);

    // Not due yet: nothing is tried.
    expect((await sendDueEmails({ now: at(30_000), env: smtpEnv() })).attempted).toBe(0);
    // Still down at the next attempt: the wait doubles.
    expect((await sendDueEmails({ now: at(EMAIL_FIRST_RETRY_MS), env: smtpEnv() })).retrying).toBe(2);
    rows = rowsOf(ids);
    expect(rows.every((r) => r.attempts === 2 && r.nextAttemptAt === new Date(base + EMAIL_FIRST_RETRY_MS + emailBackoffMs(2)).toISOString())).toBe(true);

    await startSmtp(knownPort);
    const back = await sendDueEmails({ now: at(EMAIL_FIRST_RETRY_MS * 3), env: smtpEnv() });
    expect(back.sent).toBe(2);
    await sendDueEmails({ now: at(EMAIL_FIRST_RETRY_MS * 10), env: smtpEnv() });
    expect(received.map((r) => r.to).sort()).toEqual(["employee@example.com", "mehmet.kaya@example.com"]);
    expect(rowsOf(ids).every((r) => r.status === "sent" && r.attempts === 3 && r.lastError === null)).toBe(true);
  });

  it("gives up (failed, with the server's answer) once 24 hours have passed since the first attempt", async () => {
    refuse.set("employee@example.com", 451);
    const ids = notifyNow([personId("employee@example.com")], "ack.reminder", {}, "/changes/2");
    await sendDueEmails({ now: at(0), env: smtpEnv() });
    let row = rowsOf(ids)[0]!;
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toContain("451");
    // the last retry falls at the end of the window, not after it
    await sendDueEmails({ now: at(EMAIL_RETRY_WINDOW_MS - 1000), env: smtpEnv() });
    row = rowsOf(ids)[0]!;
    expect(row).toMatchObject({ status: "pending", attempts: 2, nextAttemptAt: new Date(base + EMAIL_RETRY_WINDOW_MS).toISOString() });
    const r = await sendDueEmails({ now: at(EMAIL_RETRY_WINDOW_MS), env: smtpEnv() });
    expect(r.failed).toBe(1);
    row = rowsOf(ids)[0]!;
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row.lastError).toContain("451");
    expect(received).toHaveLength(0);
  });

  it("marks a permanent refusal (5xx) bounced, records the bounce for HR, skips that address afterwards; HR's retry clears it", async () => {
    const p = personId("employee@example.com");
    refuse.set("employee@example.com", 550);
    const ids = notifyNow([p], "ack.reply", { name: "Hanna" }, "/changes/3");
    const r = await sendDueEmails({ now: at(0), env: smtpEnv() });
    expect(r.bounced).toBe(1);
    const row = rowsOf(ids)[0]!;
    expect(row.status).toBe("bounced");
    expect(row.lastError).toContain("550");
    expect(db().select().from(emailBounces).where(eq(emailBounces.personId, p)).get()).toMatchObject({ address: "employee@example.com" });

    const later = notifyNow([p], "ack.reply", { name: "Hanna" }, "/changes/4");
    await sendDueEmails({ now: at(1000), env: smtpEnv() });
    expect(rowsOf(later)[0]).toMatchObject({ status: "skipped", lastError: SKIP_NOTES.bounced });

    refuse.clear();
    const requeued = db().transaction((tx) => requeueForRetry(tx, [row.id, rowsOf(later)[0]!.id], new Date(base + 2000)));
    expect(requeued).toBe(1); // the skipped one is not retried
    expect(db().select().from(emailBounces).where(eq(emailBounces.personId, p)).get()).toBeUndefined();
    expect(rowsOf(ids)[0]).toMatchObject({ status: "pending", attempts: 0, attemptedAt: null });
    expect((await sendDueEmails({ now: at(2000), env: smtpEnv() })).sent).toBe(1);
    expect(received).toHaveLength(1);
  });

  describe("a server that refuses the setup, not the address", () => {
    /** A one-off SMTP server that refuses at one step; everything it refuses must wait and retry. */
    async function refusingServer(step: "greeting" | "auth" | "mailFrom"): Promise<{ port: number; close: () => Promise<void> }> {
      const s = new SMTPServer({
        logger: false,
        disabledCommands: step === "auth" ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
        authOptional: step !== "auth",
        allowInsecureAuth: true,
        onConnect(_session, callback) {
          if (step === "greeting") return callback(Object.assign(new Error("5.3.2 Service not available to you"), { responseCode: 554 }));
          callback();
        },
        onAuth(_auth, _session, callback) {
          callback(Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 }));
        },
        onMailFrom(_address, _session, callback) {
          if (step === "mailFrom") return callback(Object.assign(new Error("5.7.1 Sender not allowed"), { responseCode: 553 }));
          callback();
        },
        onData(stream, _session, callback) {
          stream.resume();
          stream.on("end", () => callback());
        },
      });
      await new Promise<void>((resolve, reject) => {
        s.on("error", reject);
        s.listen(0, "127.0.0.1", () => resolve());
      });
      return { port: (s.server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => s.close(() => resolve())) };
    }

    it.each([
      ["auth", "535", /AUTH/],
      ["mailFrom", "553", /MAIL FROM/],
      ["greeting", "554", /554/],
    ] as const)("a 5xx at %s keeps the rows pending with the server's answer for HR, and bounces no address", async (step, code, names) => {
      const ps = ["employee@example.com", "mehmet.kaya@example.com"].map(personId);
      const ids = notifyNow(ps, "ack.reply", { name: "Hanna" }, "/changes/13");
      const bad = await refusingServer(step);
      try {
        const r = await sendDueEmails({ now: at(0), env: { ...process.env, SMTP_URL: `smtp://rolebook:wrong-pass@127.0.0.1:${bad.port}`, APP_URL } });
        expect(r).toMatchObject({ attempted: 2, sent: 0, bounced: 0, retrying: 2 });
      } finally {
        await bad.close();
      }
      const rows = rowsOf(ids);
      for (const row of rows) {
        expect(row).toMatchObject({ status: "pending", attempts: 1, leaseUntil: null, nextAttemptAt: new Date(base + EMAIL_FIRST_RETRY_MS).toISOString() });
        expect(row.lastError).toContain(code);
        expect(row.lastError).toMatch(names);
      }
      expect(db().select().from(emailBounces).where(inArray(emailBounces.personId, ps)).all()).toEqual([]);
      // the same people's mail goes out once the server takes it
      expect((await sendDueEmails({ now: at(EMAIL_FIRST_RETRY_MS), env: smtpEnv() })).sent).toBe(2);
      expect(received.map((m) => m.to).sort()).toEqual(["employee@example.com", "mehmet.kaya@example.com"]);
    });
  });

  it("requeues a failed row with a fresh 24-hour window", () => {
    const ids = notifyNow([personId("employee@example.com")], "ack.reply", { name: "X" }, "/changes/5");
    const id = rowsOf(ids)[0]!.id;
    db().update(notificationDeliveries).set({ status: "failed", attempts: 9, attemptedAt: "2020-01-01T00:00:00.000Z" }).where(eq(notificationDeliveries.id, id)).run();
    expect(db().transaction((tx) => requeueForRetry(tx, [id], new Date(base)))).toBe(1);
    expect(rowsOf(ids)[0]).toMatchObject({ status: "pending", attempts: 0, attemptedAt: null, nextAttemptAt: new Date(base).toISOString() });
  });

  it("skips a person without a usable email address, and an inactive person, with a note", async () => {
    const a = personId("mark.dawson@example.com");
    const b = personId("daan.visser@example.com");
    db().update(people).set({ email: "" }).where(eq(people.id, a)).run();
    db().update(people).set({ active: false }).where(eq(people.id, b)).run();
    try {
      const ids = notifyNow([a, b], "ack.reply", { name: "Hanna" }, "/changes/6");
      const r = await sendDueEmails({ now: at(0), env: smtpEnv() });
      expect(r).toMatchObject({ skipped: 2, attempted: 0 });
      const rows = rowsOf(ids);
      expect(rows.find((x) => x.personId === a)).toMatchObject({ status: "skipped", lastError: SKIP_NOTES.noAddress });
      expect(rows.find((x) => x.personId === b)).toMatchObject({ status: "skipped", lastError: SKIP_NOTES.inactive });
      expect(received).toHaveLength(0);
    } finally {
      db().update(people).set({ email: "mark.dawson@example.com" }).where(eq(people.id, a)).run();
      db().update(people).set({ active: true }).where(eq(people.id, b)).run();
    }
  });

  it("honours each person's choice per group: off is skipped, digest waits, the defaults apply without a choice", async () => {
    const off = personId("employee@example.com");
    const digest = personId("mehmet.kaya@example.com");
    const dflt = personId("thomas.bakker@example.com");
    setMode(off, "questions", "off");
    setMode(digest, "questions", "digest");
    const q = notifyNow([off, digest, dflt], "ack.question", { name: "Hanna" }, "/changes/7");
    // announcements: no choice → the default (digest)
    const a = notifyNow([dflt], "announcement.new", { title: "T" }, "/announcements/1");
    const r = await sendDueEmails({ now: at(0), env: smtpEnv() });
    expect(r).toMatchObject({ sent: 1, skipped: 1, toDigest: 2 });
    const rows = rowsOf(q);
    expect(rows.find((x) => x.personId === off)).toMatchObject({ status: "skipped", lastError: SKIP_NOTES.off });
    expect(rows.find((x) => x.personId === digest)).toMatchObject({ status: "digest", leaseUntil: null });
    expect(rows.find((x) => x.personId === dflt)).toMatchObject({ status: "sent" });
    expect(rowsOf(a)[0]).toMatchObject({ status: "digest" });
    expect(received.map((m) => m.to)).toEqual(["thomas.bakker@example.com"]);
  });

  it("never sends a day-stamped (anonymous concern) notification at once: it waits for the digest, or is skipped when email is off", async () => {
    const p = personId("supervisor@example.com");
    const q = personId("manager@example.com");
    setMode(p, "concerns", "immediate");
    setMode(q, "concerns", "off");
    const ids = notifyNow([p, q], "concern.new", {}, "/concerns/1", { dayOnly: true });
    const r = await sendDueEmails({ now: at(0), env: smtpEnv() });
    expect(r).toMatchObject({ attempted: 0, toDigest: 1, skipped: 1 });
    expect(rowsOf(ids).find((x) => x.personId === p)).toMatchObject({ status: "digest" });
    expect(rowsOf(ids).find((x) => x.personId === q)).toMatchObject({ status: "skipped", lastError: SKIP_NOTES.off });
    // routing adds no time that could tie an anonymous concern to the moment it was raised
    expect(rowsOf(ids).every((x) => x.attemptedAt === null && x.sentAt === null && x.leaseUntil === null)).toBe(true);
    expect(received).toHaveLength(0);
  });

  it("lets two workers run at once and still sends each row once (the lease)", async () => {
    const ps = ["employee@example.com", "mehmet.kaya@example.com", "thomas.bakker@example.com", "andreea.ionescu@example.com"].map(personId);
    const ids = notifyNow(ps, "ack.reply", { name: "Hanna" }, "/changes/8");
    const [x, y] = await Promise.all([sendDueEmails({ now: at(0), env: smtpEnv() }), sendDueEmails({ now: at(0), env: smtpEnv() })]);
    expect(x.sent + y.sent).toBe(4);
    expect(Math.min(x.attempted, y.attempted)).toBe(0);
    expect(received).toHaveLength(4);
    expect(new Set(received.map((m) => m.to)).size).toBe(4);
    expect(rowsOf(ids).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("takes a row again once a crashed worker's lease has expired, with the same Message-ID", async () => {
    const ids = notifyNow([personId("employee@example.com")], "ack.reply", { name: "Hanna" }, "/changes/9");
    // A worker leased the row and died before writing the result.
    db().update(notificationDeliveries).set({ leaseUntil: new Date(base + EMAIL_LEASE_MS).toISOString() }).where(inArray(notificationDeliveries.notificationId, ids)).run();
    expect((await sendDueEmails({ now: at(1000), env: smtpEnv() })).attempted).toBe(0);
    expect((await sendDueEmails({ now: at(EMAIL_LEASE_MS + 1000), env: smtpEnv() })).sent).toBe(1);
    expect(received[0]!.raw.messageId).toBe(`<n${ids[0]}@rolebook.example.com>`);
  });

  it("sends digest and invitation rows as their renderers build them; an invitation's token leaves the database once sent", async () => {
    const p = personId("newhire@example.com");
    const now = new Date(base).toISOString();
    db().insert(notificationDeliveries)
      .values([
        { personId: p, channel: "email", kind: "digest", status: "pending", payload: "{}", messageKey: `d${p}-2030-01-01`, nextAttemptAt: now, createdAt: now },
        { personId: p, channel: "email", kind: "invitation", status: "pending", payload: JSON.stringify({ token: "secret-token" }), messageKey: `i-test-${p}`, nextAttemptAt: now, createdAt: now },
      ])
      .run();
    const r = await sendDueEmails({ now: at(0), env: smtpEnv() });
    expect(r.sent).toBe(2);
    const digest = received.find((m) => m.raw.subject?.startsWith("Digest"))!.raw;
    const header = (name: string) => digest.headerLines.find((h) => h.key === name)?.line;
    expect(header("list-unsubscribe")).toBe("List-Unsubscribe: <https://rolebook.example.com/api/unsubscribe?token=t>");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(received.find((m) => m.raw.subject === "Set your password")!.raw.text).toContain("secret-token");
    const invitation = db().select().from(notificationDeliveries).where(eq(notificationDeliveries.messageKey, `i-test-${p}`)).get()!;
    expect(invitation).toMatchObject({ status: "sent", payload: "{}" });
  });

  it("empties an invitation's one-time link when its row ends skipped, bounced or failed, not only when sent; HR's retry cannot resend it", async () => {
    const skippedP = personId("daan.visser@example.com");
    const bouncedP = personId("employee@example.com");
    const failedP = personId("mehmet.kaya@example.com");
    refuse.set("employee@example.com", 550);
    refuse.set("mehmet.kaya@example.com", 451);
    const now = new Date(base).toISOString();
    const key = (p: number) => `i-end-${p}-${base}`;
    db().insert(notificationDeliveries)
      .values([skippedP, bouncedP, failedP].map((p) => ({ personId: p, channel: "email" as const, kind: "invitation" as const, status: "pending" as const, payload: JSON.stringify({ token: `secret-${p}` }), messageKey: key(p), nextAttemptAt: now, createdAt: now })))
      .run();
    const rowOf = (p: number) => db().select().from(notificationDeliveries).where(eq(notificationDeliveries.messageKey, key(p))).get()!;
    db().update(people).set({ active: false }).where(eq(people.id, skippedP)).run();
    try {
      expect(await sendDueEmails({ now: at(0), env: smtpEnv() })).toMatchObject({ skipped: 1, bounced: 1, retrying: 1 });
    } finally {
      db().update(people).set({ active: true }).where(eq(people.id, skippedP)).run();
    }
    expect(rowOf(skippedP)).toMatchObject({ status: "skipped", payload: "{}" });
    expect(rowOf(bouncedP)).toMatchObject({ status: "bounced", payload: "{}" });
    // still being retried: the link is still needed
    expect(rowOf(failedP)).toMatchObject({ status: "pending", payload: JSON.stringify({ token: `secret-${failedP}` }) });
    await sendDueEmails({ now: at(EMAIL_RETRY_WINDOW_MS), env: smtpEnv() });
    expect(rowOf(failedP)).toMatchObject({ status: "failed", payload: "{}" });
    const leftovers = db().select({ payload: notificationDeliveries.payload }).from(notificationDeliveries).where(inArray(notificationDeliveries.messageKey, [skippedP, bouncedP, failedP].map(key))).all();
    expect(leftovers.every((r) => !r.payload.includes("secret"))).toBe(true);

    // HR's retry: the link is gone, so the rows are not requeued (no email without its link), the bounce is cleared
    const requeued = db().transaction((tx) => requeueForRetry(tx, [rowOf(bouncedP).id, rowOf(failedP).id], new Date(base + EMAIL_RETRY_WINDOW_MS)));
    expect(requeued).toBe(0);
    for (const p of [bouncedP, failedP]) expect(rowOf(p)).toMatchObject({ status: "skipped", lastError: SKIP_NOTES.linkNotKept, payload: "{}" });
    expect(db().select().from(emailBounces).where(eq(emailBounces.personId, bouncedP)).get()).toBeUndefined();
    expect(received).toHaveLength(0);
  });

  it("keeps rows waiting with the reason while SMTP_URL is invalid, using up no attempt, and sends them once it is fixed", async () => {
    const ids = notifyNow([personId("employee@example.com")], "ack.reply", { name: "Hanna" }, "/changes/10");
    const r = await sendDueEmails({ now: at(0), env: { ...process.env, SMTP_URL: "http://mail.example.com", APP_URL } });
    expect(r).toMatchObject({ retrying: 1, attempted: 0 });
    expect(rowsOf(ids)[0]).toMatchObject({ status: "pending", attempts: 0, leaseUntil: null });
    expect(rowsOf(ids)[0]!.lastError).toContain("smtp://");
    // a day later, still invalid: still waiting, not failed
    await sendDueEmails({ now: at(EMAIL_RETRY_WINDOW_MS + 60_000), env: { ...process.env, SMTP_URL: "http://mail.example.com", APP_URL } });
    expect(rowsOf(ids)[0]).toMatchObject({ status: "pending", attempts: 0 });
    expect((await sendDueEmails({ now: at(EMAIL_RETRY_WINDOW_MS + 3 * 60_000), env: smtpEnv() })).sent).toBe(1);
    expect(received).toHaveLength(1);
  });
});

describe("sendDueEmails without SMTP_URL (the .eml writer)", () => {
  let dir = "";
  const fileEnv = (): NodeJS.ProcessEnv => ({ ...process.env, SMTP_URL: "", EMAIL_OUTBOX_DIR: dir, APP_URL });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-outbox-"));
  });

  it("writes one <messageKey>.eml per row, and sending a row again overwrites it instead of adding one", async () => {
    const ps = ["employee@example.com", "mehmet.kaya@example.com"].map(personId);
    const ids = notifyNow(ps, "ack.reply", { name: "Hanna" }, "/changes/11");
    const r = await sendDueEmails({ now: at(0), env: fileEnv() });
    expect(r.sent).toBe(2);
    const files = () => fs.readdirSync(dir).sort();
    expect(files()).toEqual(ids.map((id) => `n${id}.eml`).sort());
    const parsed = await simpleParser(fs.readFileSync(path.join(dir, `n${ids[1]}.eml`)));
    expect(parsed.messageId).toBe(`<n${ids[1]}@rolebook.example.com>`);
    expect(parsed.text).toContain(`${APP_URL}/changes/11`);
    expect(parsed.html).toBeTruthy();
    const tr = rowsOf(ids).find((x) => x.personId === ps[1])!;
    expect(tr.subject).toBe((await simpleParser(fs.readFileSync(path.join(dir, `${tr.messageKey}.eml`)))).subject);
    expect(tr.serverResponse).toBe(`written to ${tr.messageKey}.eml`);

    // A crash after writing but before recording "sent": the row is sent again.
    db().update(notificationDeliveries).set({ status: "pending", nextAttemptAt: new Date(base).toISOString() }).where(inArray(notificationDeliveries.notificationId, ids)).run();
    expect((await sendDueEmails({ now: at(1000), env: fileEnv() })).sent).toBe(2);
    expect(files()).toEqual(ids.map((id) => `n${id}.eml`).sort());
    expect(rowsOf(ids).every((x) => x.status === "sent")).toBe(true);
  });
});

describe("rows of other channels or states", () => {
  it("leaves in-app rows, digest-waiting rows and rows not yet due alone", async () => {
    const ids = notifyNow([personId("employee@example.com")], "ack.reply", { name: "Hanna" }, "/changes/12");
    db().update(notificationDeliveries).set({ nextAttemptAt: new Date(base + 3600_000).toISOString() }).where(inArray(notificationDeliveries.notificationId, ids)).run();
    expect((await sendDueEmails({ now: at(0), env: smtpEnv() })).attempted).toBe(0);
    const inApp = db().select().from(notificationDeliveries).where(and(inArray(notificationDeliveries.notificationId, ids), eq(notificationDeliveries.channel, "in_app"))).all();
    expect(inApp).toHaveLength(1);
    expect(inApp[0]!.status).toBe("sent");
  });
});
