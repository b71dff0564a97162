import "server-only";
import path from "node:path";
import { databasePath } from "@/db/open";

/**
 * Where emails go. With `SMTP_URL` (smtp://user:pass@host:587, smtps://…:465) they are sent over
 * SMTP with nodemailer; without it they are written as .eml files to `outboxDir()` so a new user
 * sees what would go out (HR's "Sent emails" page). An invalid SMTP_URL is reported, never a crash.
 */

/** The .eml folder: EMAIL_OUTBOX_DIR, else `outbox/` beside the database (data/outbox by default). */
export function outboxDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.EMAIL_OUTBOX_DIR || path.join(path.dirname(databasePath()), "outbox"));
}

export type TransportStatus =
  | { mode: "file"; dir: string }
  | { mode: "smtp"; host: string; port: number; secure: boolean }
  | { mode: "invalid"; error: string };

/** What SMTP_URL configures, without connecting. Stub: the outbox part implements the SMTP parsing. */
export function emailTransportStatus(env: NodeJS.ProcessEnv = process.env): TransportStatus {
  if (!env.SMTP_URL) return { mode: "file", dir: outboxDir(env) };
  return { mode: "invalid", error: "not implemented yet" };
}
