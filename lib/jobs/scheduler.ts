import "server-only";
import { Cron } from "croner";
import { JOBS, type JobDefinition, type JobName } from "./jobs";
import { runJob, type JobOutcome } from "./run";

/*
 * The scheduler (issue 13, point 5): one croner Cron per job in the server process, started once by
 * `startScheduler()` from instrumentation.ts (Node.js runtime only; never during `next build` or in
 * tests). `protect` skips a tick while the previous one still runs; the lease in `scheduled_jobs`
 * (./run.ts) keeps processes apart. SCHEDULER=off runs a process without any job; WEBHOOK_WORKER=off
 * without the webhook sender; the daily backup runs only with BACKUP_DIR set.
 */

/** Runs one job for the period `now` falls in (once per period across processes). */
export function runScheduledJob(job: JobDefinition, now: Date = new Date()): Promise<JobOutcome> {
  return runJob(job.name, job.period(now), () => job.run(now), now, job.leaseMs);
}

/**
 * Runs every job due at `now`, one after another; a failing job is recorded and the others still
 * run. The tests drive the scheduler through this with an injected clock.
 */
export async function runDueJobs(now: Date = new Date(), only?: readonly JobName[]): Promise<Record<string, JobOutcome>> {
  const outcomes: Record<string, JobOutcome> = {};
  for (const job of JOBS) {
    if (only && !only.includes(job.name)) continue;
    outcomes[job.name] = await runScheduledJob(job, now);
  }
  return outcomes;
}

/** Which jobs a process runs, from its environment. */
export function enabledJobs(env: NodeJS.ProcessEnv = process.env): JobDefinition[] {
  if (env.SCHEDULER === "off") return [];
  return JOBS.filter((j) => !(j.name === "webhooks" && env.WEBHOOK_WORKER === "off") && !(j.name === "backup" && !env.BACKUP_DIR));
}

const g = globalThis as { __rolebookScheduler?: Cron[] };

/** Starts the scheduler once per server process. Returns the crons (for a clean stop in scripts). */
export function startScheduler(env: NodeJS.ProcessEnv = process.env): Cron[] {
  if (g.__rolebookScheduler) return g.__rolebookScheduler;
  g.__rolebookScheduler = enabledJobs(env).map(
    (job) =>
      new Cron(job.schedule, { name: `rolebook-${job.name}`, protect: true }, async () => {
        try {
          const outcome = await runScheduledJob(job);
          // Never a payload or an address: only what went wrong.
          if (outcome.ran && outcome.status === "error") console.error(`job ${job.name}:`, outcome.error);
        } catch (e) {
          console.error(`job ${job.name}:`, e instanceof Error ? e.message : String(e));
        }
      }),
  );
  return g.__rolebookScheduler;
}

/** Stops the scheduler's crons (tests and scripts). */
export function stopScheduler(): void {
  for (const cron of g.__rolebookScheduler ?? []) cron.stop();
  g.__rolebookScheduler = undefined;
}
