import "server-only";
import { Cron } from "croner";
import { sendDueWebhooks } from "./webhooks";

/** Every 15 seconds. */
export const WEBHOOK_SCHEDULE = "*/15 * * * * *";

const g = globalThis as { __rolebookWebhookCron?: Cron };

/**
 * Starts the webhook worker once per server process (instrumentation.ts). `protect` skips a tick
 * while the previous one still runs; the lease in the table keeps other processes apart.
 */
export function startWebhookWorker(): void {
  if (g.__rolebookWebhookCron) return;
  g.__rolebookWebhookCron = new Cron(WEBHOOK_SCHEDULE, { name: "rolebook-webhooks", protect: true }, async () => {
    try {
      await sendDueWebhooks();
    } catch (e) {
      // Never the payload or a secret: only what went wrong.
      console.error("webhook worker:", e instanceof Error ? e.message : String(e));
    }
  });
}
