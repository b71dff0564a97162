import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { databasePath } from "@/db/open";
import { appBaseUrl } from "./urls";

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

/** Timeouts of one SMTP conversation (connect, greeting, socket inactivity). */
export const SMTP_TIMEOUT_MS = 10_000;

type SmtpConfig = { host: string; port: number; secure: boolean; user?: string; pass?: string };

/**
 * Parses SMTP_URL: smtp:// (STARTTLS when the server offers it, port 587 by default) or smtps://
 * (TLS from the start, port 465 by default), a host, an optional port and user:password. The error
 * never repeats the URL (it may carry a password).
 */
export function parseSmtpUrl(value: string): { ok: true; config: SmtpConfig } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, error: "SMTP_URL is not a valid URL: write it like smtp://user:password@mail.example.com:587" };
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    return { ok: false, error: `SMTP_URL must start with smtp:// or smtps:// (not ${url.protocol}//)` };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!host) return { ok: false, error: "SMTP_URL has no host: write it like smtp://mail.example.com:587" };
  const secure = url.protocol === "smtps:";
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, error: "SMTP_URL has an invalid port (1–65535)" };
  if ((url.pathname && url.pathname !== "/") || url.search) return { ok: false, error: "SMTP_URL must not have a path or query: only user:password@host:port" };
  let user: string | undefined;
  let pass: string | undefined;
  try {
    user = url.username ? decodeURIComponent(url.username) : undefined;
    pass = url.password ? decodeURIComponent(url.password) : undefined;
  } catch {
    return { ok: false, error: "SMTP_URL has an invalid user name or password encoding (use %-encoding)" };
  }
  return { ok: true, config: { host, port, secure, user, pass } };
}

/** What SMTP_URL configures, without connecting. */
export function emailTransportStatus(env: NodeJS.ProcessEnv = process.env): TransportStatus {
  if (!env.SMTP_URL?.trim()) return { mode: "file", dir: outboxDir(env) };
  const parsed = parseSmtpUrl(env.SMTP_URL);
  if (!parsed.ok) return { mode: "invalid", error: parsed.error };
  return { mode: "smtp", host: parsed.config.host, port: parsed.config.port, secure: parsed.config.secure };
}

/** The one line a server process logs at start about where emails go (instrumentation.ts). */
export function emailConfigLine(env: NodeJS.ProcessEnv = process.env): string {
  const status = emailTransportStatus(env);
  if (status.mode === "file") return `[email] no SMTP_URL set: emails are written as .eml files to ${status.dir}`;
  if (status.mode === "smtp") return `[email] sending over SMTP via ${status.host}:${status.port}${status.secure ? " (TLS)" : ""}`;
  return `[email] SMTP_URL is invalid, no email is sent until it is fixed: ${status.error}`;
}

/**
 * The warning when emails go out for real (SMTP_URL is set) but APP_URL is not: every link in them
 * would point to http://localhost:<PORT>, which works on no recipient's machine. Null otherwise (the
 * .eml writer without SMTP_URL is a local preview, where localhost is right).
 */
export function appUrlWarning(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!env.SMTP_URL?.trim() || env.APP_URL?.trim()) return null;
  return `[email] SMTP_URL is set but APP_URL is not: links in emails point to ${appBaseUrl(env)}. Set APP_URL to the portal's public address (e.g. https://rolebook.example.com) and restart.`;
}

/**
 * Logs where emails go, once per process start. An invalid SMTP_URL is an error line, not a crash;
 * SMTP_URL without APP_URL adds a warning line.
 */
export function reportEmailConfigAtStart(env: NodeJS.ProcessEnv = process.env): TransportStatus {
  const status = emailTransportStatus(env);
  const line = emailConfigLine(env);
  if (status.mode === "invalid") console.error(line);
  else console.info(line);
  const warning = appUrlWarning(env);
  if (warning) console.warn(warning);
  return status;
}

/** The host of APP_URL: the right-hand side of every Message-ID and the default sender's domain. */
export function messageHost(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return new URL(appBaseUrl(env)).hostname || "localhost";
  } catch {
    return "localhost";
  }
}

/** `<messageKey@host>`: the idempotency key, the same on every attempt for one outbox row. */
export function messageIdFor(messageKey: string, env: NodeJS.ProcessEnv = process.env): string {
  return `<${messageKey}@${messageHost(env)}>`;
}

/** The sender: SMTP_FROM, else Rolebook <no-reply@host of APP_URL>. */
export function fromAddress(env: NodeJS.ProcessEnv = process.env): string {
  return env.SMTP_FROM?.trim() || `Rolebook <no-reply@${messageHost(env)}>`;
}

export type OutgoingEmail = {
  /** The outbox row's unique key: Message-ID local part and .eml file name. */
  messageKey: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  date?: Date;
};

export type SendOutcome =
  | { ok: true; response: string }
  /**
   * `permanent`: the server refused this recipient for good (a 5xx answer to RCPT TO): the address
   * bounces. Any other failure (connection, greeting, AUTH, MAIL FROM, DATA) is the server's or the
   * setup's problem, not the address's: the delivery waits and is retried.
   */
  | { ok: false; permanent: boolean; error: string };

const KEY = /^[A-Za-z0-9_-]{1,100}$/;

function mailOptions(email: OutgoingEmail, env: NodeJS.ProcessEnv) {
  return {
    from: fromAddress(env),
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: email.headers,
    messageId: messageIdFor(email.messageKey, env),
    date: email.date ?? new Date(),
  };
}

/** Builds the raw RFC 5322 message (what would go over SMTP) without sending it. */
export async function buildRawMessage(email: OutgoingEmail, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await stream.sendMail(mailOptions(email, env));
  return info.message as Buffer;
}

/**
 * Writes `<outboxDir>/<messageKey>.eml` atomically (a temporary file renamed over the final name):
 * sending one row twice overwrites its file, never adds a second one.
 */
async function writeEml(email: OutgoingEmail, env: NodeJS.ProcessEnv): Promise<SendOutcome> {
  const dir = outboxDir(env);
  const raw = await buildRawMessage(email, env);
  await fs.promises.mkdir(dir, { recursive: true });
  const final = path.join(dir, `${email.messageKey}.eml`);
  const tmp = path.join(dir, `.${email.messageKey}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  await fs.promises.writeFile(tmp, raw);
  await fs.promises.rename(tmp, final);
  return { ok: true, response: `written to ${path.basename(final)}` };
}

/** What nodemailer's SMTP connection puts on its errors (lib/smtp-connection `_formatError`). */
export type SmtpError = Error & { responseCode?: number; response?: string; code?: string; command?: string; rejected?: unknown[] };

/**
 * A permanent bounce is only a 5xx refusal at RCPT TO (the server says this mailbox does not exist
 * or will never take mail). A 5xx at the greeting, at AUTH (535: wrong password), at MAIL FROM (the
 * sender is not allowed) or at DATA says nothing about the address: blocking it would stop every
 * later email to a good address, so those are retried like a connection error.
 */
export function isPermanentRefusal(e: SmtpError): boolean {
  return e.command === "RCPT TO" && typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600;
}

/**
 * The server's answer (or what went wrong on the way), for lastError. An answer names the SMTP step
 * that drew it ("AUTH PLAIN: 535 …", "MAIL FROM: 553 …") so HR can tell a setup problem from an address.
 */
function describeError(e: SmtpError): string {
  if (e.response) return (e.command && e.command !== "API" && e.command !== "CONN" ? `${e.command}: ${e.response}` : e.response).slice(0, 500);
  if (e.code === "ETIMEDOUT") return `timeout: ${e.message}`.slice(0, 500);
  if (e.code) return `${e.code}: ${e.message}`.slice(0, 500);
  return (e.message || "send failed").slice(0, 500);
}

async function sendSmtp(email: OutgoingEmail, config: SmtpConfig, env: NodeJS.ProcessEnv): Promise<SendOutcome> {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.pass ?? "" } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
    name: messageHost(env),
  });
  try {
    const info = await transporter.sendMail(mailOptions(email, env));
    return { ok: true, response: String(info.response ?? "sent").slice(0, 500) };
  } catch (err) {
    const e = err as SmtpError;
    return { ok: false, permanent: isPermanentRefusal(e), error: describeError(e) };
  } finally {
    transporter.close();
  }
}

/**
 * Sends one email the configured way: SMTP, or the .eml writer without SMTP_URL. Never throws: an
 * invalid SMTP_URL or a failure is an outcome (the worker retries non-permanent ones).
 */
export async function sendEmail(email: OutgoingEmail, env: NodeJS.ProcessEnv = process.env): Promise<SendOutcome> {
  if (!KEY.test(email.messageKey)) return { ok: false, permanent: false, error: `invalid message key ${JSON.stringify(email.messageKey)}` };
  if (!env.SMTP_URL?.trim()) {
    try {
      return await writeEml(email, env);
    } catch (e) {
      return { ok: false, permanent: false, error: describeError(e as SmtpError) };
    }
  }
  const parsed = parseSmtpUrl(env.SMTP_URL);
  if (!parsed.ok) return { ok: false, permanent: false, error: parsed.error };
  return sendSmtp(email, parsed.config, env);
}
