import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "@/db/client";
import { useSeededTestDb } from "@/lib/test/db";

// Migration 0004: plan items started before items carried their generator's key get it back from
// the template item of the plan's role with the same title.
const BACKFILL = fs.readFileSync(path.join(import.meta.dirname, "migrations", "0004_backfill_plan_item_keys.sql"), "utf8");

beforeAll(async () => {
  await useSeededTestDb();
});

describe("backfilling plan item keys", () => {
  it("gives old plan items their generator's key from the template, and leaves hand-made items alone", () => {
    const db = getSqlite();
    // Check-in and course items are newer than the backfill (older plans have none), so they have no template twin.
    const keyed = db.prepare("select id, gen_key as genKey from onboarding_items where gen_key is not null and gen_key not like 'checkin:%' and gen_key not like 'course:%'").all() as { id: number; genKey: string }[];
    expect(keyed.length).toBeGreaterThan(0);
    const handMade = db
      .prepare("insert into onboarding_items (onboarding_id, position, title, assignee, due_day, due_date) select id, 99, 'Meet the parts desk', 'hire', 3, start_date from onboardings limit 1 returning id")
      .get() as { id: number };
    // As a plan started before this release would look.
    db.prepare("update onboarding_items set gen_key = null").run();

    db.exec(BACKFILL);

    const after = new Map((db.prepare("select id, gen_key as genKey from onboarding_items").all() as { id: number; genKey: string | null }[]).map((r) => [r.id, r.genKey]));
    for (const k of keyed) expect(after.get(k.id), `item ${k.id}`).toBe(k.genKey);
    expect([...after.values()]).toContain("read-role");
    expect(after.get(handMade.id)).toBeNull();
  });
});
