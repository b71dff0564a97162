import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { scheduledJobs } from "@/db/schema";
import { useSeededTestDb } from "@/lib/test/db";
import { runDueJobs } from "./scheduler";

/** A job that throws is recorded as an error and the scheduler runs the others (the digest job is made to fail here). */

vi.mock("@/lib/email/digest", () => ({
  queueDueDigests: () => {
    throw new Error("digest store unavailable");
  },
}));

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const row = (name: string) => getDb().select().from(scheduledJobs).where(eq(scheduledJobs.name, name)).get();

describe("a failing job", () => {
  it("is recorded with its error; the jobs after it still run; the next tick retries it", async () => {
    const now = new Date("2026-12-02T10:00:30Z");
    const outcomes = await runDueJobs(now, ["email", "digests", "transfers"]);
    expect(outcomes.digests).toEqual({ ran: true, status: "error", error: "digest store unavailable" });
    expect(outcomes.email).toMatchObject({ ran: true, status: "ok" });
    expect(outcomes.transfers).toMatchObject({ ran: true, status: "ok" });
    expect(row("digests")).toMatchObject({ lastStatus: "error", lastResult: "digest store unavailable", leaseUntil: null, runs: 1 });
    expect(row("transfers")).toMatchObject({ lastStatus: "ok", lastPeriod: "2026-12-02T10:00:00", runs: 1 });
    // Same minute, a second tick: transfers already ran for it; the failed digests job is tried again.
    const again = await runDueJobs(new Date("2026-12-02T10:00:45Z"), ["digests", "transfers"]);
    expect(again.transfers).toEqual({ ran: false });
    expect(again.digests).toMatchObject({ ran: true, status: "error" });
    expect(row("digests")?.runs).toBe(2);
  });
});
