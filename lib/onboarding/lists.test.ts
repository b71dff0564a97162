import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, getSqlite } from "@/db/client";
import { onboardings, people } from "@/db/schema";
import { OVERVIEW_PAGE_SIZE, SUPPORTED_PLANS_PAGE_SIZE, TASKS_PAGE_SIZE, myOnboardingTasks, onboardingOverview, plansISupport, supportedPlansPage } from "@/lib/onboarding/lists";
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

  it("the demo's HR admin has a week's work: the upcoming hire's HR items, open and not yet due", () => {
    const hr = actorFor("hr@example.com");
    const tasks = myOnboardingTasks(hr);
    expect(tasks.total).toBe(7);
    expect(tasks.rows.every((r) => r.hireName === "Lotte de Boer" && r.assignee === "hr" && !r.overdue)).toBe(true);
    const lotte = getDb().select({ startDate: people.startDate }).from(people).where(eq(people.email, "lotte.deboer@example.com")).get()!;
    expect(lotte.startDate > tasks.rows.at(-1)!.dueDate).toBe(true);
    expect(onboardingOverview(hr, {}).rows.map((r) => r.personName)).toContain("Lotte de Boer");
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

  it("the plans someone supports come a page at a time, newest start first", () => {
    const sup = actorFor("supervisor@example.com");
    const before = supportedPlansPage(sup).total;
    const hire = getDb().select({ id: people.id }).from(people).where(eq(people.email, "employee@example.com")).get()!.id;
    const extra = SUPPORTED_PLANS_PAGE_SIZE * 2 + 3;
    const now = new Date().toISOString();
    getDb()
      .insert(onboardings)
      .values(Array.from({ length: extra }, (_, i) => ({ personId: hire, kind: "new_hire" as const, startDate: `2030-01-${String(i + 1).padStart(2, "0")}`, managerId: sup.id, createdAt: now })))
      .run();
    const first = supportedPlansPage(sup);
    expect(first.total).toBe(before + extra);
    expect(first.rows).toHaveLength(SUPPORTED_PLANS_PAGE_SIZE);
    expect(first.rows[0].startDate).toBe(`2030-01-${String(extra).padStart(2, "0")}`);
    expect(plansISupport(sup)).toEqual(first.rows);
    const all = Array.from({ length: first.pageCount }, (_, k) => supportedPlansPage(sup, { page: k + 1 }).rows.map((r) => r.id)).flat();
    expect(new Set(all).size).toBe(first.total);
    expect(first.rows.every((r) => r.asManager && !r.asBuddy)).toBe(true);
  });
});
