/**
 * Runs once when a server process starts. Starts the webhook worker (lib/feedback/webhook-worker.ts)
 * in the Node.js runtime only: never in the Edge runtime, during `next build`, or in tests. Set
 * WEBHOOK_WORKER=off to run a process without it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NODE_ENV === "test" || process.env.VITEST || process.env.WEBHOOK_WORKER === "off") return;
  const { startWebhookWorker } = await import("./lib/feedback/webhook-worker");
  startWebhookWorker();
}
