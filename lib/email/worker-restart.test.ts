import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { and, eq, gt, inArray } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notificationDeliveries, notifications, people } from "@/db/schema";
import { notify } from "@/lib/notifications/notifications";
import { useSeededTestDb } from "@/lib/test/db";
import { EMAIL_LEASE_MS } from "./vocabulary";

/**
 * A worker PROCESS killed (SIGKILL) in the middle of SMTP conversations, then started again: no
 * email is lost and none is sent twice. Each tick is a separate Node process running
 * sendDueEmails on the same database file (lib/email/worker-child.fixture.ts, clock injected).
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
let server: SMTPServer;
let port = 0;
/** While true, the server takes the message data and never answers (the worker hangs mid-send). */
let hang = true;
let hanging = 0;
const delivered: { to: string; messageId: string | undefined }[] = [];

function runWorker(clockMs: number): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  // Node itself (tsx as a loader, not its CLI wrapper), so SIGKILL kills the worker, not a parent of it.
  const child = spawn(
    process.execPath,
    ["--require", path.join(ROOT, "lib/test/server-only-register.cjs"), "--import", "tsx", path.join(ROOT, "lib/email/worker-child.fixture.ts")],
    {
      cwd: ROOT,
      env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${port}`, APP_URL: "https://rolebook.example.com", CLOCK_MS: String(clockMs), VITEST: "", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const done = new Promise<{ code: number | null; out: string }>((resolve) => child.on("exit", (code) => resolve({ code, out })));
  return { child, done };
}

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  await useSeededTestDb();
  getDb().update(notificationDeliveries).set({ status: "skipped", lastError: "test baseline" }).where(eq(notificationDeliveries.status, "pending")).run();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      if (hang) {
        hanging++;
        stream.resume();
        stream.on("error", () => undefined);
        return; // never answers: the sending process is killed while waiting
      }
      simpleParser(stream)
        .then((mail) => {
          for (const r of session.envelope.rcptTo) delivered.push({ to: r.address, messageId: mail.messageId });
          callback();
        })
        .catch(callback);
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("a worker process killed mid-send", () => {
  it("neither drops nor duplicates an email when the process is started again", async () => {
    const db = getDb();
    const emails = ["employee@example.com", "mehmet.kaya@example.com", "thomas.bakker@example.com"];
    const ids = db.select({ id: people.id }).from(people).where(inArray(people.email, emails)).all().map((p) => p.id);
    const before = db.select({ id: notifications.id }).from(notifications).orderBy(notifications.id).all().at(-1)?.id ?? 0;
    db.transaction((tx) => notify(tx, ids, "ack.reply", { name: "Hanna" }, "/changes/1"));
    const nIds = db.select({ id: notifications.id }).from(notifications).where(gt(notifications.id, before)).all().map((n) => n.id);
    const rows = () => db.select().from(notificationDeliveries).where(and(inArray(notificationDeliveries.notificationId, nIds), eq(notificationDeliveries.channel, "email"))).all();
    const base = Date.now() + 1_000;

    // 1. The first process leases the rows and is killed while the server holds the messages.
    const first = runWorker(base);
    await until(() => hanging === 3);
    first.child.kill("SIGKILL");
    await first.done;
    expect(rows().every((r) => r.status === "pending" && r.leaseUntil !== null && r.attempts === 0)).toBe(true);
    expect(delivered).toHaveLength(0);

    // 2. Started again at once: the dead process's lease still holds, nothing is taken twice.
    hang = false;
    const second = runWorker(base + 1_000);
    const r2 = await second.done;
    expect(r2.code, r2.out).toBe(0);
    expect(JSON.parse(r2.out.trim().split("\n").at(-1)!)).toMatchObject({ attempted: 0 });

    // 3. Once the lease has expired, the next tick sends each email; later ticks send nothing.
    const third = await runWorker(base + EMAIL_LEASE_MS + 1_000).done;
    expect(JSON.parse(third.out.trim().split("\n").at(-1)!)).toMatchObject({ sent: 3 });
    const fourth = await runWorker(base + EMAIL_LEASE_MS + 600_000).done;
    expect(JSON.parse(fourth.out.trim().split("\n").at(-1)!)).toMatchObject({ attempted: 0 });

    expect(delivered.map((d) => d.to).sort()).toEqual([...emails].sort());
    expect(delivered.map((d) => d.messageId).sort()).toEqual(nIds.map((id) => `<n${id}@rolebook.example.com>`).sort());
    expect(rows().map((r) => [r.status, r.attempts])).toEqual([["sent", 1], ["sent", 1], ["sent", 1]]);
  }, 120_000);
});
