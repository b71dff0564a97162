import { count, eq, gt, like } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { todayIso } from "@/lib/core/dates";
import { getDb } from "@/db/client";
import { concernMessages, concerns, loginFailures, notifications, people } from "@/db/schema";
import { LIMITS } from "@/lib/auth/rate-limit";
import { ActionError, FieldError } from "@/lib/core/errors";
import { TEXT_MAX } from "@/lib/core/limits";
import { hashReceiptCode, normalizeReceiptCode, receiptMatches } from "@/lib/concerns/receipt";
import { readByReceipt, replyByReceipt, resolveByReceipt } from "@/lib/concerns/receipt-thread";
import { insertConcern } from "@/lib/test/confidence";
import { useSeededTestDb } from "@/lib/test/db";
import { notifyPendingConcerns } from "@/lib/concerns/deferred";

// The constant-time check: spied on (and still run) to show every lookup goes through it.
vi.mock("@/lib/concerns/receipt", async (importOriginal) => {
  const m = await importOriginal<typeof import("@/lib/concerns/receipt")>();
  return { ...m, receiptMatches: vi.fn(m.receiptMatches) };
});

beforeAll(async () => {
  await useSeededTestDb();
});
beforeEach(() => {
  getDb().delete(loginFailures).run();
  vi.mocked(receiptMatches).mockClear();
});

const personId = (email: string) => getDb().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
/** The organisation's day, to which every date a concern keeps is rounded. */
const today = () => todayIso();
const lastNotificationId = () => Math.max(0, ...getDb().select({ id: notifications.id }).from(notifications).all().map((n) => n.id));
const messageCount = () => getDb().select({ n: count() }).from(concernMessages).get()!.n;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}
const errorKey = (fn: () => unknown) => {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(ActionError);
  return (e as ActionError).key;
};

const anonymous = (opts: { answer?: string; status?: "open" | "answered" | "resolved" | "closed" } = {}) =>
  insertConcern({ anonymous: true, addresseeEmails: ["manager@example.com"], body: "Unpaid overtime during recalls.", ...opts }) as { id: string; code: string };

describe("receipt codes", () => {
  it("are stored only as the hash of the normalized code", () => {
    const { id, code } = anonymous();
    const row = getDb().select().from(concerns).where(eq(concerns.id, id)).get()!;
    expect(row.receiptHash).toBe(hashReceiptCode(code));
    expect(row.receiptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(normalizeReceiptCode(code));
  });

  it("are typed back in any case, with or without dashes and spaces", () => {
    const { code } = anonymous({ answer: "Overtime is paid from next month." });
    const sloppy = ` ${code.toLowerCase().replace(/-/g, " ")} `;
    const thread = readByReceipt(sloppy, "10.0.0.1");
    expect(thread.messages.map((m) => [m.fromAuthor, m.authorName, m.body])).toEqual([
      [true, null, "Unpaid overtime during recalls."],
      [false, "Marco Janssen", "Overtime is paid from next month."],
    ]);
    expect(thread).toMatchObject({ status: "answered", addressees: ["Marco Janssen"], mayReply: true, mayResolve: true });
    expect(vi.mocked(receiptMatches)).toHaveBeenCalled();
  });

  it("a wrong code gets the same message whether or not it looks real, and nothing but a per-address failure is written", () => {
    const { code } = anonymous();
    const other = code.replace(/^./, (c) => (c === "A" ? "B" : "A")); // right shape, no such concern
    const before = messageCount();
    for (const wrong of [other, "short", "", "not-a-code-at-all-!!!!-????"]) expect(errorKey(() => readByReceipt(wrong, "10.0.0.2"))).toBe("receipt.wrong");
    expect(errorKey(() => replyByReceipt(other, "hello", "10.0.0.2"))).toBe("receipt.wrong");
    expect(errorKey(() => resolveByReceipt(other, "10.0.0.2"))).toBe("receipt.wrong");
    expect(messageCount()).toBe(before);
    const keys = getDb().select({ key: loginFailures.key }).from(loginFailures).all().map((r) => r.key);
    expect(new Set(keys)).toEqual(new Set(["receipt-ip:10.0.0.2"]));
  });

  it("wrong codes are rate-limited per address: then even the right code is refused there, not elsewhere", () => {
    const { code } = anonymous();
    for (let i = 0; i < LIMITS.receipt; i++) errorKey(() => readByReceipt("WRONG-CODE", "10.0.0.3"));
    expect(errorKey(() => readByReceipt(code, "10.0.0.3"))).toBe("receipt.locked");
    expect(errorKey(() => replyByReceipt(code, "hi", "10.0.0.3"))).toBe("receipt.locked");
    expect(readByReceipt(code, "10.0.0.4").status).toBe("open");
    expect(getDb().select({ n: count() }).from(loginFailures).where(like(loginFailures.key, "receipt-ip:10.0.0.3")).get()!.n).toBe(LIMITS.receipt);
  });
});

describe("the code holder's thread", () => {
  it("a reply reopens an answered concern, waits from today, and tells the addressees (through the daily job) without naming anyone", () => {
    const { id, code } = anonymous({ answer: "We will look into it." });
    getDb().update(concerns).set({ waitingSince: null }).where(eq(concerns.id, id)).run();
    const n0 = lastNotificationId();
    const thread = replyByReceipt(code, "  It happened again on Friday.  ", "10.0.0.5");
    expect(thread.status).toBe("open");
    expect(thread.messages.at(-1)).toMatchObject({ seq: 3, fromAuthor: true, authorName: null, body: "It happened again on Friday.", createdAt: today() });
    const row = getDb().select().from(concerns).where(eq(concerns.id, id)).get()!;
    expect(row).toMatchObject({ status: "open", waitingSince: today(), revision: 2 });
    expect(getDb().select().from(concernMessages).where(eq(concernMessages.concernId, id)).all().find((m) => m.seq === 3)).toMatchObject({ personId: null });
    // Nothing is notified in the request; the daily job tells the addressees.
    expect(getDb().select().from(notifications).where(gt(notifications.id, n0)).all()).toEqual([]);
    expect(row.notifyPending).toBe("concern.authorReplied");
    notifyPendingConcerns();
    const notes = getDb().select().from(notifications).where(gt(notifications.id, n0)).all();
    expect(notes.map((n) => [n.personId, n.kind, n.params, n.link, n.createdAt])).toEqual([[personId("manager@example.com"), "concern.authorReplied", "{}", `/concerns/${id}`, today()]]);
  });

  it("an empty or too long reply is refused and writes nothing", () => {
    const { code } = anonymous();
    const before = messageCount();
    for (const body of ["", "   ", "x".repeat(TEXT_MAX + 1)]) expect(thrown(() => replyByReceipt(code, body, "10.0.0.6"))).toBeInstanceOf(FieldError);
    expect(messageCount()).toBe(before);
  });

  it("resolving makes it final: the code still reads it, but a reused code cannot reply or resolve again", () => {
    const { id, code } = anonymous({ answer: "Sorted." });
    const resolved = resolveByReceipt(code, "10.0.0.7");
    expect(resolved).toMatchObject({ status: "resolved", mayReply: false, mayResolve: false });
    expect(resolved.messages.at(-1)).toMatchObject({ kind: "resolve", fromAuthor: true });
    expect(getDb().select().from(concerns).where(eq(concerns.id, id)).get()).toMatchObject({ status: "resolved", waitingSince: null });
    const before = messageCount();
    expect(errorKey(() => replyByReceipt(code, "One more thing", "10.0.0.7"))).toBe("receipt.final");
    expect(errorKey(() => resolveByReceipt(code, "10.0.0.7"))).toBe("receipt.final");
    expect(messageCount()).toBe(before);
    expect(readByReceipt(code, "10.0.0.7").status).toBe("resolved");
    // A refused action on a final concern is not a wrong code: no failure counted.
    expect(getDb().select({ n: count() }).from(loginFailures).get()!.n).toBe(0);
  });

  it("a closed concern reads with its reason; forwarding reads as forwarded to <name>", () => {
    const { id, code } = anonymous({ status: "closed" });
    const db = getDb();
    db.update(concerns).set({ closeReason: "Handled in the team meeting." }).where(eq(concerns.id, id)).run();
    db.insert(concernMessages)
      .values({ id: crypto.randomUUID(), concernId: id, seq: 2, kind: "forward", fromAuthor: false, personId: personId("manager@example.com"), forwardedToId: personId("hr@example.com"), body: "", createdAt: new Date().toISOString() })
      .run();
    const thread = readByReceipt(code, "10.0.0.8");
    expect(thread).toMatchObject({ status: "closed", closeReason: "Handled in the team meeting.", mayReply: false });
    expect(thread.messages[1]).toMatchObject({ kind: "forward", authorName: "Marco Janssen", forwardedToName: "Helena Rossi" });
  });

  it("a named concern has no receipt: no code opens it", () => {
    insertConcern({ authorEmail: "employee@example.com", addresseeEmails: ["manager@example.com"] });
    const rows = getDb().select({ h: concerns.receiptHash }).from(concerns).where(eq(concerns.anonymous, false)).all();
    expect(rows.every((r) => r.h === null)).toBe(true);
  });
});
