/**
 * Runs once when a server process starts. Starts the scheduler (lib/jobs/scheduler.ts: the email
 * outbox, digests, transfers, reminders, the daily jobs and the webhook sender) in the Node.js
 * runtime only: never in the Edge runtime, during `next build`, or in tests. SCHEDULER=off runs a
 * process without any job; WEBHOOK_WORKER=off without the webhook sender.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NODE_ENV === "test" || process.env.VITEST) return;
  // One line on where emails go; an invalid SMTP_URL is reported here (and on HR's email page), never a crash.
  const { reportEmailConfigAtStart } = await import("./lib/email/transport");
  reportEmailConfigAtStart();
  // A production server behind https that still has the demo's public passwords says so (issue 14).
  const { warnIfDemoInProduction } = await import("./lib/org/demo");
  void warnIfDemoInProduction();
  const { startScheduler } = await import("./lib/jobs/scheduler");
  startScheduler();
}
