import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { scheduledJobs } from "@/db/schema";

/**
 * Running one scheduled job for one period (issue 13, point 5). The lease lives in
 * `scheduled_jobs`: a run takes it with one atomic UPDATE … RETURNING that succeeds only when the
 * period has not run yet and no other run holds a live lease, so with several server processes on
 * one database (or two overlapping ticks) each job runs once per period. A run that crashes leaves
 * an expiring lease, and the period is recorded only after a successful run: the next tick tries
 * again. Everything a job does is itself safe to run twice.
 */

/** A lease outlives the slowest job (a batch of SMTP conversations) with room to record the result. */
export const JOB_LEASE_MS = 5 * 60_000;

export type JobOutcome = { ran: false } | { ran: true; status: "ok"; result: string } | { ran: true; status: "error"; error: string };

/** What a job's function returns: counts of what it did ({ sent: 3 }), stored as JSON and shown translated on HR's page. */
export type JobResult = Record<string, number> | void;

/**
 * Runs `fn` for `period` unless that period already ran or another run holds the lease. The
 * outcome (ok with the job's summary, or the error's message) is recorded either way; an error is
 * returned, never thrown, so the scheduler keeps going.
 */
export async function runJob(
  name: string,
  period: string,
  fn: () => JobResult | Promise<JobResult>,
  now: Date = new Date(),
  leaseMs: number = JOB_LEASE_MS,
): Promise<JobOutcome> {
  const db = getDb();
  const nowIso = now.toISOString();
  const owner = randomUUID();
  db.insert(scheduledJobs).values({ name, runs: 0 }).onConflictDoNothing().run();
  const taken = db
    .update(scheduledJobs)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), leaseOwner: owner, lastStartedAt: nowIso })
    .where(
      and(
        eq(scheduledJobs.name, name),
        or(isNull(scheduledJobs.lastPeriod), ne(scheduledJobs.lastPeriod, period)),
        or(isNull(scheduledJobs.leaseUntil), lt(scheduledJobs.leaseUntil, nowIso)),
      ),
    )
    .returning({ name: scheduledJobs.name })
    .get();
  if (!taken) return { ran: false };
  const ours = and(eq(scheduledJobs.name, name), eq(scheduledJobs.leaseOwner, owner));
  const finishedAt = () => new Date(Math.max(Date.now(), now.getTime())).toISOString();
  try {
    const value = await fn();
    const result = value ? JSON.stringify(value) : "{}";
    db.update(scheduledJobs)
      .set({ lastPeriod: period, lastStatus: "ok", lastResult: result, lastFinishedAt: finishedAt(), runs: sql`${scheduledJobs.runs} + 1`, leaseUntil: null, leaseOwner: null })
      .where(ours)
      .run();
    return { ran: true, status: "ok", result };
  } catch (e) {
    const error = (e instanceof Error ? e.message : String(e)).slice(0, 500) || "error";
    db.update(scheduledJobs)
      .set({ lastStatus: "error", lastResult: error, lastFinishedAt: finishedAt(), runs: sql`${scheduledJobs.runs} + 1`, leaseUntil: null, leaseOwner: null })
      .where(ours)
      .run();
    return { ran: true, status: "error", error };
  }
}
