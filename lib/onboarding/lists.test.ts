import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "@/db/client";
import { OVERVIEW_PAGE_SIZE, TASKS_PAGE_SIZE, myOnboardingTasks, onboardingOverview } from "@/lib/onboarding/lists";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

beforeAll(async () => {
  await useSeededTestDb();
});

const plan = (query: string) =>
  getSqlite()
    .prepare(`explain query plan ${query}`)
    .all()
    .map((r) => (r as { detail: string }).detail)
    .join(" | ");

describe("onboarding lists at scale (issue 15)", () => {
  it("the per-plan progress counts and a plan's open items read one covering index, never the item rows", () => {
    const columns = getSqlite()
      .prepare("pragma index_info('onboarding_items_progress_idx')")
      .all()
      .map((c) => (c as { name: string }).name);
    expect(columns).toEqual(["onboarding_id", "done_at", "due_date", "assignee"]);
    expect(
      plan(`select onboarding_id, count(*), sum(case when done_at is not null then 1 else 0 end),
                   sum(case when done_at is null and due_date < '2026-01-01' then 1 else 0 end)
            from onboarding_items group by onboarding_id`),
    ).toContain("COVERING INDEX onboarding_items_progress_idx");
    expect(plan(`select count(*) from onboarding_items where onboarding_id = 1 and done_at is null and assignee = 'hr'`)).toContain(
      "COVERING INDEX onboarding_items_progress_idx",
    );
  });

  it("the overview and the tasks come a small page at a time", () => {
    const hr = actorFor("hr@example.com");
    const overview = onboardingOverview(hr, { status: "all" });
    expect(overview.pageSize).toBe(OVERVIEW_PAGE_SIZE);
    expect(overview.rows.length).toBe(Math.min(overview.total, OVERVIEW_PAGE_SIZE));
    expect(OVERVIEW_PAGE_SIZE).toBeLessThanOrEqual(10);
    const tasks = myOnboardingTasks(hr);
    expect(tasks.rows.length).toBe(Math.min(tasks.total, TASKS_PAGE_SIZE));
    expect(TASKS_PAGE_SIZE).toBeLessThanOrEqual(10);
  });
});
