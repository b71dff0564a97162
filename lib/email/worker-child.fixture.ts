/*
 * A separate "server process" for lib/email/worker-restart.test.ts: runs one sendDueEmails tick
 * against DATABASE_PATH with the clock at `CLOCK_MS` and prints the result as JSON.
 */
import { sendDueEmails } from "./worker";

const now = Number(process.env.CLOCK_MS);
sendDueEmails({ now: () => new Date(now) })
  .then((r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  })
  .catch((e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  });
