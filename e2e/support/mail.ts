import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message the test SMTP server accepted. */
export type Received = { to: string[]; subject: string; messageId: string; text: string; html: string; headers: Record<string, string> };

/**
 * A real SMTP server on a loopback port (smtp-server), reading each message with mailparser.
 * `delayMs` holds each recipient before it is accepted, so a test can stop the app mid-send.
 */
export async function startMailServer(options: { port?: number; delayMs?: number } = {}) {
  const received: Received[] = [];
  let delayMs = options.delayMs ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onRcptTo(_address, _session, callback) {
      setTimeout(() => callback(), delayMs);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const headers: Record<string, string> = {};
          // The raw header lines (mailparser folds List-* headers into one structured value).
          for (const { key, line } of mail.headerLines) headers[key] = line.slice(line.indexOf(":") + 1).replace(/\r?\n\s+/g, " ").trim();
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? "",
            messageId: mail.messageId ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            headers,
          });
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    setDelay(ms: number) {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type MailServer = Awaited<ReturnType<typeof startMailServer>>;
