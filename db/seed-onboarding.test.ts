import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobRoles, onboardingItems, onboardings } from "@/db/schema";
import { useSeededTestDb } from "@/lib/test/db";
import { SEED_TIMEOUT } from "@/lib/test/refusals";

/**
 * The onboarding demo seeded ten minutes before midnight in Amsterdam (the organisation's zone):
 * a visit (or an end-to-end run) just after midnight still finds the technician's two overdue items.
 */
const SEEDED_AT = new Date("2026-12-04T22:50:00Z"); // 23:50 on Friday 4 December in Amsterdam
const SEED_DAY = "2026-12-04";
const NEXT_DAY = "2026-12-05";

beforeAll(async () => {
  await useSeededTestDb(SEEDED_AT);
}, SEED_TIMEOUT);

const technicianItems = () =>
  getDb()
    .select({ item: onboardingItems })
    .from(onboardingItems)
    .innerJoin(onboardings, eq(onboardings.id, onboardingItems.onboardingId))
    .innerJoin(jobRoles, eq(jobRoles.id, onboardings.jobRoleId))
    .where(and(eq(jobRoles.slug, "technician"), eq(onboardings.status, "open")))
    .all()
    .map((r) => r.item);

describe("the technician's plan in the demo", () => {
  it("has an item due on the seed day (the case this file is about)", () => {
    expect(technicianItems().some((i) => i.dueDate === SEED_DAY)).toBe(true);
  });

  it("has two overdue items on the seed day and still two the day after (items due that day are done)", () => {
    const open = technicianItems().filter((i) => i.doneAt === null);
    expect(open.filter((i) => i.dueDate < SEED_DAY)).toHaveLength(2);
    expect(open.filter((i) => i.dueDate < NEXT_DAY)).toHaveLength(2);
    expect(technicianItems().filter((i) => i.dueDate === SEED_DAY).every((i) => i.doneAt !== null)).toBe(true);
  });

  it("keeps later items open", () => {
    expect(technicianItems().filter((i) => i.doneAt === null && i.dueDate > SEED_DAY).length).toBeGreaterThan(0);
  });
});
