import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { BADGE_CAP, badgeLabel, cappedCount } from "@/lib/core/capped-count";
import { liveNotificationState } from "@/lib/notifications/live";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

describe("capped badge counts", () => {
  it("counts exactly up to the cap and stops one past it", () => {
    const hr = actorFor("hr@example.com");
    const db = getDb();
    const mine = () => db.select({ one: sql`1` }).from(notifications).where(eq(notifications.personId, hr.id));
    const before = db.select({ n: sql<number>`count(*)` }).from(notifications).where(eq(notifications.personId, hr.id)).get()!.n;
    expect(cappedCount(mine())).toBe(before);
    const now = new Date().toISOString();
    db.insert(notifications)
      .values(Array.from({ length: BADGE_CAP + 20 }, () => ({ personId: hr.id, kind: "ack.reminder", params: "{}", link: "/changes", createdAt: now })))
      .run();
    expect(cappedCount(mine())).toBe(BADGE_CAP + 1);
    // the bell's unread count is one of them: capped, while the newest id still moves
    const live = liveNotificationState(hr);
    expect(live.unread).toBe(BADGE_CAP + 1);
    expect(live.latestId).toBe(db.select({ id: sql<number>`max(id)` }).from(notifications).get()!.id);
  });

  it("shows 99+ beyond 99", () => {
    expect(badgeLabel(0)).toBe("0");
    expect(badgeLabel(99)).toBe("99");
    expect(badgeLabel(100)).toBe("99+");
    expect(badgeLabel(BADGE_CAP + 1)).toBe("99+");
  });
});
