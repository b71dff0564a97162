import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getSqlite } from "@/db/client";
import { notifications, people } from "@/db/schema";
import { count, eq } from "drizzle-orm";
import { listPeople } from "@/lib/people/directory";
import { navigationCounts } from "@/lib/core/navigation";
import { allUntilChange, databaseVersion, getUntilChange, versionedCache } from "@/lib/core/versioned-cache";
import { evaluationsDueCount } from "@/lib/evaluations/due";
import { liveNotificationState } from "@/lib/notifications/live";
import { markRead, notify } from "@/lib/notifications/notifications";
import { questionsToAnswerCount } from "@/lib/communication/questions";
import { openItemCount } from "@/lib/communication/answers";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

let file = "";
beforeAll(async () => {
  file = await useSeededTestDb();
});

describe("databaseVersion", () => {
  it("holds still while nothing is written and moves on a write of this connection or another", () => {
    const before = databaseVersion();
    getDb().select().from(notifications).limit(1).all();
    expect(databaseVersion()).toBe(before);
    const hr = actorFor("hr@example.com");
    notify(getDb(), [hr.id], "ack.reminder", {}, "/changes");
    const afterOwn = databaseVersion();
    expect(afterOwn).not.toBe(before);
    const other = new Database(file);
    try {
      other.prepare("UPDATE notifications SET read_at = NULL WHERE id = (SELECT max(id) FROM notifications)").run();
    } finally {
      other.close();
    }
    expect(databaseVersion()).not.toBe(afterOwn);
  });
});

describe("versionedCache", () => {
  it("answers the stored value until the database changes, then recomputes", () => {
    const cache = versionedCache<number>(10);
    let calls = 0;
    const compute = () => ++calls;
    expect(cache.get("a", compute)).toBe(1);
    expect(cache.get("a", compute)).toBe(1);
    expect(calls).toBe(1);
    notify(getDb(), [actorFor("hr@example.com").id], "ack.reminder", {}, "/changes");
    expect(cache.get("a", compute)).toBe(2);
    expect(cache.get("a", compute)).toBe(2);
  });

  it("keeps at most max keys, the least recently used leaving first", () => {
    const cache = versionedCache<string>(2);
    let calls = 0;
    const compute = (v: string) => () => (calls++, v);
    cache.get("a", compute("a"));
    cache.get("b", compute("b"));
    cache.get("a", compute("a")); // a is now the most recent
    cache.get("c", compute("c")); // b leaves
    expect(cache.size).toBe(2);
    calls = 0;
    cache.get("a", compute("a"));
    cache.get("c", compute("c"));
    expect(calls).toBe(0);
    cache.get("b", compute("b"));
    expect(calls).toBe(1);
  });

  it("neither reads nor stores inside a transaction (a rollback does not move the token)", () => {
    const cache = versionedCache<number>(10);
    const hr = actorFor("hr@example.com");
    const unread = () => liveNotificationState(hr).unread;
    const before = cache.get("unread", unread);
    try {
      getDb().transaction((tx) => {
        notify(tx, [hr.id], "ack.reminder", {}, "/changes");
        expect(cache.get("unread", unread)).toBe(before + 1);
        throw new Error("roll back");
      });
    } catch {
      // rolled back
    }
    expect(cache.get("unread", unread)).toBe(before);
  });
});

describe("reads until the database changes", () => {
  it("answer the stored rows for the same SQL and parameters, and read afresh after a write", () => {
    const db = getDb();
    const byName = (name: string) => db.select({ id: people.id }).from(people).where(eq(people.name, name));
    const first = allUntilChange(byName("Elif Yılmaz"));
    expect(first).toHaveLength(1);
    expect(allUntilChange(byName("Elif Yılmaz"))).toBe(first);
    // Other parameters, other rows.
    expect(allUntilChange(byName("Nobody Here"))).toEqual([]);
    const total = () => getUntilChange(db.select({ n: count() }).from(people))!.n;
    const before = total();
    const hr = actorFor("hr@example.com");
    const listed = listPeople(hr, { status: "all" }).total;
    expect(listed).toBe(before);
    db.insert(people).values({ name: "Cache Check", email: "cache.check@example.com", passwordHash: "x", startDate: "2025-01-01" }).run();
    expect(total()).toBe(before + 1);
    expect(listPeople(hr, { status: "all" }).total).toBe(listed + 1);
    expect(allUntilChange(byName("Elif Yılmaz"))).not.toBe(first);
  });
});

describe("navigationCounts", () => {
  it("are the counts of the lib functions, and follow a write at once", () => {
    const hr = actorFor("hr@example.com");
    const first = navigationCounts(hr);
    expect(first.unread).toBe(liveNotificationState(hr).unread);
    expect(first.questions).toBe(questionsToAnswerCount(hr));
    expect(first.openItems).toBe(openItemCount(hr));
    expect(first.evaluationsDue).toBe(evaluationsDueCount(hr));
    // Nothing written: the same answer, not recomputed.
    expect(navigationCounts(hr)).toBe(first);
    notify(getDb(), [hr.id], "ack.reminder", {}, "/changes");
    expect(navigationCounts(hr).unread).toBe(Math.min(first.unread + 1, 101));
    markRead(hr);
    expect(navigationCounts(hr).unread).toBe(0);
  });

  it("are per person and per day", () => {
    const employee = actorFor("employee@example.com");
    const manager = actorFor("manager@example.com");
    expect(navigationCounts(employee).evaluationsDue).toBe(evaluationsDueCount(employee));
    expect(navigationCounts(manager).evaluationsDue).toBe(evaluationsDueCount(manager));
    // A year on, everyone the manager evaluates is due.
    const later = "2099-01-01";
    expect(navigationCounts(manager, later).evaluationsDue).toBe(evaluationsDueCount(manager, later));
    expect(navigationCounts(manager, later).evaluationsDue).toBeGreaterThan(0);
    // A changed actor (a new role or team) reads afresh.
    const moved = { ...manager, teamId: null };
    expect(navigationCounts(moved)).not.toBe(navigationCounts(manager));
  });

  it("starts a new series for a reopened database (its counters start again)", () => {
    const before = databaseVersion();
    const old = getSqlite();
    (globalThis as { __rolebookDb?: unknown }).__rolebookDb = undefined;
    old.close();
    const after = databaseVersion();
    expect(after.split(":")[0]).not.toBe(before.split(":")[0]);
  });
});
