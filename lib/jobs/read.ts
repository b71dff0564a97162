import "server-only";
import { getDb } from "@/db/client";
import { scheduledJobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { JOB_COUNT_KEYS, JOBS, type JobName } from "./jobs";

export type JobCountKey = (typeof JOB_COUNT_KEYS)[number];

export type ScheduledJobView = {
  name: JobName;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastStatus: "ok" | "error" | null;
  /** The last successful run's counts (only the known ones, non-zero). */
  counts: { key: JobCountKey; count: number }[];
  /** The last failed run's error message. */
  error: string | null;
  runs: number;
  /** A run holds the lease right now. */
  running: boolean;
};

const KNOWN = new Set<string>(JOB_COUNT_KEYS);

/** HR's page: every job with its last run and result. One query over the (tiny, fixed) jobs table. */
export function listScheduledJobs(actor: Actor, now = new Date()): ScheduledJobView[] {
  authorize(actor, "jobs.read", { type: "scheduled_job" });
  const rows = new Map(getDb().select().from(scheduledJobs).all().map((r) => [r.name, r]));
  const nowIso = now.toISOString();
  return JOBS.map((job) => {
    const r = rows.get(job.name);
    const status = r?.lastStatus === "ok" || r?.lastStatus === "error" ? r.lastStatus : null;
    return {
      name: job.name,
      lastStartedAt: r?.lastStartedAt ?? null,
      lastFinishedAt: r?.lastFinishedAt ?? null,
      lastStatus: status,
      counts: status === "ok" ? parseCounts(r?.lastResult ?? null) : [],
      error: status === "error" ? (r?.lastResult ?? null) : null,
      runs: r?.runs ?? 0,
      running: Boolean(r?.leaseUntil && r.leaseUntil > nowIso),
    };
  });
}

function parseCounts(result: string | null): { key: JobCountKey; count: number }[] {
  if (!result) return [];
  try {
    const parsed = JSON.parse(result) as Record<string, unknown>;
    return Object.entries(parsed).flatMap(([key, count]) =>
      KNOWN.has(key) && typeof count === "number" && count > 0 ? [{ key: key as JobCountKey, count }] : [],
    );
  } catch {
    return [];
  }
}
