import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import MailComposer from "nodemailer/lib/mail-composer";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, emailBounces, invitations, notificationDeliveries, people } from "@/db/schema";
import { NotFoundError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

// The outbox part implements requeueForRetry; here we check what HR's retry hands it.
const requeue = vi.hoisted(() => vi.fn((_tx: unknown, ids: number[]) => ids.length));
vi.mock("@/lib/email/worker", () => ({ requeueForRetry: requeue }));

const { EMAIL_PAGE_SIZE, clearBounce, emailOverview, listEmails, readEmail, retryDeliveries } = await import("./admin");

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-outbox-"));

beforeAll(async () => {
  await useSeededTestDb();
  process.env.EMAIL_OUTBOX_DIR = outDir;
  delete process.env.SMTP_URL;
  // Start from an empty outbox (the demo's notifications queue email rows too).
  getDb().delete(notificationDeliveries).where(eq(notificationDeliveries.channel, "email")).run();
}, 120_000);

beforeEach(() => {
  requeue.mockClear();
});

const hr = () => actorFor("hr@example.com");
const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
let key = 0;

function row(values: Partial<typeof notificationDeliveries.$inferInsert> & { status: (typeof notificationDeliveries.$inferInsert)["status"] }) {
  key += 1;
  return getDb()
    .insert(notificationDeliveries)
    .values({ channel: "email", kind: "notification", personId: personId("employee@example.com"), messageKey: `t${key}`, createdAt: new Date(Date.UTC(2026, 10, 1, 8, key)).toISOString(), ...values })
    .returning({ id: notificationDeliveries.id })
    .get().id;
}

describe("HR's email lists", () => {
  it("paginate, newest first, and count by status", () => {
    const ids: number[] = [];
    for (let i = 0; i < EMAIL_PAGE_SIZE + 5; i++) ids.push(row({ status: "sent", subject: `Sent ${i}`, sentAt: new Date(Date.UTC(2026, 10, 2, 9, i)).toISOString(), toAddress: "employee@example.com" }));
    const first = listEmails(hr(), "sent", 1);
    expect(first.total).toBe(EMAIL_PAGE_SIZE + 5);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(EMAIL_PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({ id: ids.at(-1), subject: `Sent ${EMAIL_PAGE_SIZE + 4}`, personName: "Elif Yılmaz", address: "employee@example.com" });
    const second = listEmails(hr(), "sent", 2);
    expect(second.rows.map((r) => r.id)).toEqual(ids.slice(0, 5).reverse());
    expect(listEmails(hr(), "sent", 99).page).toBe(2);
    expect(emailOverview(hr()).counts.sent).toBe(EMAIL_PAGE_SIZE + 5);
  });

  it("a sent email carries the server's answer, in the list and on its page", async () => {
    const id = row({ status: "sent", subject: "Answered", sentAt: new Date(Date.UTC(2030, 0, 1)).toISOString(), serverResponse: "250 2.0.0 OK queued as 4XyZ" });
    expect(listEmails(hr(), "sent").rows[0]).toMatchObject({ id, serverResponse: "250 2.0.0 OK queued as 4XyZ", lastError: null });
    expect(await readEmail(hr(), id)).toMatchObject({ serverResponse: "250 2.0.0 OK queued as 4XyZ" });
  });

  it("failed and bounced rows carry the attempts and the server's answer; skipped ones their note", () => {
    const failed = row({ status: "failed", attempts: 7, lastError: "421 4.7.0 Try again later", attemptedAt: new Date().toISOString() });
    const skipped = row({ status: "skipped", lastError: "no email address" });
    getDb().insert(emailBounces).values({ personId: personId("newhire@example.com"), address: "newhire@example.com", reason: "550 5.1.1 No such user", bouncedAt: new Date().toISOString() }).run();
    const bounced = row({ status: "bounced", personId: personId("newhire@example.com"), lastError: "550 5.1.1 No such user", attempts: 1 });
    expect(listEmails(hr(), "failed").rows).toEqual([expect.objectContaining({ id: failed, attempts: 7, lastError: "421 4.7.0 Try again later" })]);
    expect(listEmails(hr(), "skipped").rows).toEqual([expect.objectContaining({ id: skipped, lastError: "no email address" })]);
    expect(listEmails(hr(), "bounced").rows).toEqual([expect.objectContaining({ id: bounced, blocked: true, personName: "Nora Bērziņa" })]);
  });
});

describe("one email", () => {
  it("with the file transport, shows the parsed .eml: headers, text and HTML parts", async () => {
    const id = row({ status: "sent", subject: "Read the new version", messageKey: "n9001", sentAt: new Date().toISOString() });
    const raw = await new MailComposer({
      from: "Rolebook <rolebook@example.com>",
      to: "employee@example.com",
      subject: "Read the new version",
      text: "Plain words",
      html: "<p>Rich <b>words</b></p><script>alert(1)</script>",
      messageId: "<n9001@rolebook.example.com>",
    })
      .compile()
      .build();
    fs.writeFileSync(path.join(outDir, "n9001.eml"), raw);
    const email = await readEmail(hr(), id);
    expect(email.subject).toBe("Read the new version");
    expect(email.file?.text?.trim()).toBe("Plain words");
    expect(email.file?.html).toContain("<b>words</b>");
    expect(email.file?.headers).toEqual(expect.arrayContaining([["message-id", "<n9001@rolebook.example.com>"]]));
  });

  it("reads no file for a message key that is not a plain key, nor for an unsent row", async () => {
    fs.writeFileSync(path.join(outDir, "..", "evil.eml"), "Subject: x\r\n\r\nsecret");
    const sneaky = row({ status: "sent", messageKey: "../evil", sentAt: new Date().toISOString() });
    expect((await readEmail(hr(), sneaky)).file).toBeNull();
    const pending = row({ status: "pending" });
    fs.writeFileSync(path.join(outDir, `t${key}.eml`), "Subject: not sent\r\n\r\nnot sent");
    expect((await readEmail(hr(), pending)).file).toBeNull();
    await expect(readEmail(hr(), 999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("retry and clear", () => {
  it("retrying hands only failed or bounced email rows to the queue and audits per person", () => {
    const failed = row({ status: "failed", lastError: "timeout" });
    const sent = row({ status: "sent" });
    const count = retryDeliveries(hr(), [failed, sent]);
    expect(count).toBe(1);
    expect(requeue).toHaveBeenCalledTimes(1);
    expect(requeue.mock.calls[0][1]).toEqual([failed]);
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, "email.retry")).orderBy(sql`${auditLog.id} desc`).get()!;
    expect(JSON.parse(entry.detail)).toEqual({ deliveryIds: [failed] });
    expect(() => retryDeliveries(hr(), [sent])).toThrow(NotFoundError);
  });

  it("retry all takes every failed row and nothing else", () => {
    const failedIds = getDb().select({ id: notificationDeliveries.id }).from(notificationDeliveries).where(eq(notificationDeliveries.status, "failed")).all().map((r) => r.id);
    expect(failedIds.length).toBeGreaterThan(0);
    retryDeliveries(hr(), "all");
    expect([...requeue.mock.calls[0][1]].sort((a, b) => a - b)).toEqual(failedIds.sort((a, b) => a - b));
  });

  it("retrying a failed invitation (its link was emptied) sends a fresh invitation and marks the old row replaced; not once it was accepted", () => {
    const mark = personId("mark.dawson@example.com");
    const at = new Date().toISOString();
    const oldInvitation = getDb().insert(invitations).values({ personId: mark, tokenHash: `old-${key}`, expiresAt: at, createdAt: at }).returning({ id: invitations.id }).get().id;
    const failed = row({ status: "failed", kind: "invitation", personId: mark, messageKey: `i${oldInvitation}`, payload: "{}", lastError: "timeout" });
    retryDeliveries(hr(), [failed]);
    expect(requeue.mock.calls[0][1]).toEqual([failed]);
    expect(getDb().select().from(notificationDeliveries).where(eq(notificationDeliveries.id, failed)).get()).toMatchObject({ status: "skipped", lastError: "replaced by a newer invitation", payload: "{}" });
    const fresh = getDb().select().from(notificationDeliveries).where(and(eq(notificationDeliveries.personId, mark), eq(notificationDeliveries.kind, "invitation"), eq(notificationDeliveries.status, "pending"))).all();
    expect(fresh).toHaveLength(1);
    expect(JSON.parse(fresh[0]!.payload).token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // accepted meanwhile: nothing new is sent
    getDb().update(invitations).set({ usedAt: at }).where(eq(invitations.id, oldInvitation)).run();
    const again = row({ status: "failed", kind: "invitation", personId: mark, messageKey: `i${oldInvitation + 100000}`, payload: "{}" });
    retryDeliveries(hr(), [again]);
    expect(getDb().select().from(notificationDeliveries).where(and(eq(notificationDeliveries.personId, mark), eq(notificationDeliveries.kind, "invitation"), eq(notificationDeliveries.status, "pending"))).all()).toHaveLength(1);
  });

  it("clearing a bounce unblocks the address once, audited", () => {
    const nora = personId("newhire@example.com");
    clearBounce(hr(), nora);
    expect(getDb().select().from(emailBounces).where(eq(emailBounces.personId, nora)).get()).toBeUndefined();
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "email.bounceClear")).all()).toHaveLength(1);
    expect(() => clearBounce(hr(), nora)).toThrow(NotFoundError);
  });
});
