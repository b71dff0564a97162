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
  // For a test that stops the app mid-send: recipients being held now, and when a message was last accepted.
  let held = 0;
  let lastAcceptedAt = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onRcptTo(_address, _session, callback) {
      held++;
      setTimeout(() => {
        held--;
        callback();
      }, delayMs);
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
          lastAcceptedAt = Date.now();
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
    /**
     * True while a recipient is held and the last message was accepted at least `settledMs` ago: the
     * sender has had time to record that message as sent, and the next one is not accepted yet. A
     * crash then loses no accepted message and leaves none to be sent twice.
     */
    holdingBetweenMessages(settledMs = 300) {
      return held > 0 && Date.now() - lastAcceptedAt >= settledMs;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type MailServer = Awaited<ReturnType<typeof startMailServer>>;
