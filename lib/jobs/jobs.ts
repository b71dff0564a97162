import "server-only";
import { getSqlite } from "@/db/client";
import { backupDatabase, backupSettings } from "@/lib/backup/backup";
import { applyDueTransfers } from "@/lib/communication/transfers";
import { remindWaitingConcerns } from "@/lib/concerns/reminders";
import { dateInZone, todayIso } from "@/lib/core/dates";
import { organisationTimeZone } from "@/lib/org/settings";
import { queueDueDigests } from "@/lib/email/digest";
import { sendDueEmails } from "@/lib/email/worker";
import { sendDueWebhooks } from "@/lib/feedback/webhooks";
import { notifyPendingConcerns } from "@/lib/concerns/deferred";
import { sendDuePulses } from "@/lib/pulse/send";
import { remindCapabilitiesExpiring, remindEvaluationsDue, remindOnboardingDueTomorrow } from "./daily";
import { remindOverdueFollowups, remindUnansweredAcks } from "./reminders";
import type { JobResult } from "./run";
import { pruneSessions } from "@/lib/auth/sessions";

/*
 * The scheduled jobs (issue 13, point 5). Each has a croner schedule (with seconds) for when the
 * scheduler ticks, and a period: the slot a tick belongs to. runJob (./run.ts) runs a job at most
 * once per period across every process on the database, so the schedule only says how soon a
 * period is noticed. Every job takes an injected clock.
 */

export const JOB_NAMES = ["email", "digests", "transfers", "reminders", "daily", "webhooks", "backup"] as const;
export type JobName = (typeof JOB_NAMES)[number];

export type JobDefinition = {
  name: JobName;
  /** croner pattern, six fields (seconds first). */
  schedule: string;
  /** The period `now` belongs to: the job runs once per period. */
  period: (now: Date) => string;
  run: (now: Date) => JobResult | Promise<JobResult>;
  /**
   * The job's lease (default JOB_LEASE_MS, 5 minutes). Senders whose rows carry their own leases
   * (email, webhooks) use a short one, so a process killed mid-run holds the job back for a minute,
   * not five.
   */
  leaseMs?: number;
};

/** The UTC slot of `ms` milliseconds that `now` falls in, as an ISO prefix ("2026-12-02T10:05:10"). */
export function slotOf(now: Date, ms: number): string {
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString().slice(0, 19);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The backup's day: the organisation's calendar day, turning over at 02:00 organisation time (the
 * day of the instant two hours earlier; on the two daylight-saving days a year that is 01:00 or 03:00).
 */
export function backupPeriod(now: Date, timeZone: string = organisationTimeZone()): string {
  return dateInZone(new Date(now.getTime() - 2 * HOUR), timeZone);
}

/** The daily backup (issue 14, point 10), only when BACKUP_DIR is set: the server's own connection copies the live database. */
async function runBackup(now: Date, env: NodeJS.ProcessEnv = process.env): Promise<JobResult> {
  if (!env.BACKUP_DIR) return {};
  const { dir, keep } = backupSettings(env);
  const { pruned } = await backupDatabase(getSqlite(), { dir, keep, now });
  return { backups: 1, pruned: pruned.length };
}

export const JOBS: readonly JobDefinition[] = [
  {
    name: "email",
    schedule: "*/10 * * * * *",
    leaseMs: MINUTE,
    period: (now) => slotOf(now, 10 * SECOND),
    run: async (now) => {
      const r = await sendDueEmails({ now: clockFrom(now) });
      return { sent: r.sent, retrying: r.retrying, failed: r.failed, bounced: r.bounced, skipped: r.skipped, toDigest: r.toDigest };
    },
  },
  { name: "digests", schedule: "5 * * * * *", period: (now) => slotOf(now, MINUTE), run: (now) => ({ digests: queueDueDigests(now) }) },
  // Transfers apply at the organisation's midnight: the first minute of the day applies them.
  { name: "transfers", schedule: "0 * * * * *", period: (now) => slotOf(now, MINUTE), run: (now) => ({ transfers: applyDueTransfers(now) }) },
  {
    // Every 15 minutes (the period); the tick every minute lets a process started mid-slot run it at once.
    name: "reminders",
    schedule: "20 * * * * *",
    period: (now) => slotOf(now, 15 * MINUTE),
    run: (now) => ({ ...remindUnansweredAcks(now), followups: remindOverdueFollowups(now), concerns: remindWaitingConcerns(now) }),
  },
  {
    // Once per organisation day; ticks every minute, so the day's run follows the organisation's
    // midnight closely, a failed run is retried and a process started mid-day still runs it.
    name: "daily",
    schedule: "40 * * * * *",
    period: (now) => todayIso(now),
    run: (now) => ({
      onboarding: remindOnboardingDueTomorrow(now),
      evaluations: remindEvaluationsDue(now),
      pulses: sendDuePulses(now),
      // Anonymous concerns' notifications wait for this run (lib/concerns/deferred.ts): they carry the day only.
      concernNotices: notifyPendingConcerns(),
      capabilities: remindCapabilitiesExpiring(now),
      sessionsPruned: pruneSessions(now.getTime()),
    }),
  },
  {
    name: "webhooks",
    schedule: "*/15 * * * * *",
    leaseMs: MINUTE,
    period: (now) => slotOf(now, 15 * SECOND),
    run: async (now) => {
      const r = await sendDueWebhooks({ now: clockFrom(now) });
      return { delivered: r.delivered, retrying: r.retrying, failed: r.failed };
    },
  },
  {
    // Once per organisation day from 02:00 (ticks every minute, so a process started later that day
    // still makes the day's backup). Enabled only with BACKUP_DIR (scheduler.ts enabledJobs).
    name: "backup",
    schedule: "50 * * * * *",
    leaseMs: 30 * MINUTE,
    period: (now) => backupPeriod(now),
    run: (now) => runBackup(now),
  },
];

/**
 * A clock for workers that take one: the injected instant in tests, moving forward with real time
 * from there (an SMTP conversation takes time, and backoff counts from its end).
 */
function clockFrom(now: Date): () => Date {
  const offset = now.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/** The counts a job's result may contain (HR's page shows each in words). */
export const JOB_COUNT_KEYS = [
  "sent",
  "retrying",
  "failed",
  "bounced",
  "skipped",
  "toDigest",
  "digests",
  "transfers",
  "changes",
  "questions",
  "followups",
  "concerns",
  "onboarding",
  "evaluations",
  "pulses",
  "concernNotices",
  "capabilities",
  "delivered",
  "sessionsPruned",
  "backups",
  "pruned",
] as const;
