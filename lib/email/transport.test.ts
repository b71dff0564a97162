import { describe, expect, it, vi } from "vitest";
import { appUrlWarning, emailConfigLine, emailTransportStatus, fromAddress, messageIdFor, parseSmtpUrl, reportEmailConfigAtStart, sendEmail } from "./transport";

/** SMTP_URL is parsed and reported without connecting; an invalid one is an outcome, never a throw. */

const env = (SMTP_URL?: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...process.env, SMTP_URL, EMAIL_OUTBOX_DIR: "/tmp/rolebook-outbox-status", ...extra });

describe("emailTransportStatus", () => {
  it("writes files without SMTP_URL (or a blank one)", () => {
    expect(emailTransportStatus(env(undefined))).toEqual({ mode: "file", dir: "/tmp/rolebook-outbox-status" });
    expect(emailTransportStatus(env("  "))).toMatchObject({ mode: "file" });
  });

  it("reads host, port and TLS from smtp:// and smtps:// URLs, with the usual default ports", () => {
    expect(emailTransportStatus(env("smtp://user:pass@mail.example.com:2525"))).toEqual({ mode: "smtp", host: "mail.example.com", port: 2525, secure: false });
    expect(emailTransportStatus(env("smtp://mail.example.com"))).toEqual({ mode: "smtp", host: "mail.example.com", port: 587, secure: false });
    expect(emailTransportStatus(env("smtps://u:p@mail.example.com"))).toEqual({ mode: "smtp", host: "mail.example.com", port: 465, secure: true });
    expect(parseSmtpUrl("smtp://me%40example.com:p%3Ass@mail.example.com")).toMatchObject({ ok: true, config: { user: "me@example.com", pass: "p:ss" } });
  });

  it.each([
    ["not a url", /not a valid URL/],
    ["http://mail.example.com", /smtp:\/\/ or smtps:\/\//],
    ["mailto:someone@example.com", /smtp:\/\/ or smtps:\/\//],
    ["smtp://", /no host|not a valid URL/],
    ["smtp://mail.example.com:0", /port/],
    ["smtp://mail.example.com/path", /path/],
  ])("reports %s as invalid with a reason", (url, reason) => {
    const status = emailTransportStatus(env(url));
    expect(status.mode).toBe("invalid");
    expect(status.mode === "invalid" && status.error).toMatch(reason);
  });

  it("never repeats the password of an invalid URL", () => {
    const status = emailTransportStatus(env("ftp://user:s3cret-pass@mail.example.com"));
    expect(status.mode === "invalid" && status.error).not.toContain("s3cret");
    expect(emailConfigLine(env("ftp://user:s3cret-pass@mail.example.com"))).not.toContain("s3cret");
    expect(emailConfigLine(env("smtp://user:s3cret-pass@mail.example.com"))).not.toContain("s3cret");
  });
});

describe("reportEmailConfigAtStart", () => {
  it("warns once at start when SMTP_URL is set without APP_URL (links would point to localhost), and only then", () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      reportEmailConfigAtStart(env("smtp://mail.example.com", { APP_URL: "", PORT: "3100" }));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toMatch(/SMTP_URL is set but APP_URL is not/);
      expect(warn.mock.calls[0]![0]).toContain("http://localhost:3100");
      reportEmailConfigAtStart(env("smtp://mail.example.com", { APP_URL: "https://rolebook.example.com" }));
      reportEmailConfigAtStart(env(undefined, { APP_URL: "" }));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(appUrlWarning(env("smtp://mail.example.com", { APP_URL: "  " }))).not.toBeNull();
      expect(appUrlWarning(env("", { APP_URL: "" }))).toBeNull();
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
  });


  it("logs one line: the mode, or the error of an invalid SMTP_URL (no crash)", () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(reportEmailConfigAtStart(env(undefined)).mode).toBe("file");
      expect(reportEmailConfigAtStart(env("smtp://mail.example.com")).mode).toBe("smtp");
      expect(() => reportEmailConfigAtStart(env("smtp//broken"))).not.toThrow();
      expect(info).toHaveBeenCalledTimes(2);
      expect(info.mock.calls[0]![0]).toContain(".eml");
      expect(info.mock.calls[1]![0]).toContain("mail.example.com:587");
      expect(error).toHaveBeenCalledTimes(1);
      expect(error.mock.calls[0]![0]).toMatch(/SMTP_URL is invalid/);
    } finally {
      info.mockRestore();
      error.mockRestore();
    }
  });
});

describe("message identity", () => {
  it("builds the Message-ID from the row's key and APP_URL's host, and a default sender", () => {
    expect(messageIdFor("n12", { APP_URL: "https://rolebook.example.com/", NODE_ENV: "test" } as NodeJS.ProcessEnv)).toBe("<n12@rolebook.example.com>");
    expect(fromAddress({ APP_URL: "https://rolebook.example.com", NODE_ENV: "test" } as NodeJS.ProcessEnv)).toBe("Rolebook <no-reply@rolebook.example.com>");
    expect(fromAddress({ SMTP_FROM: "HR <hr@example.com>", NODE_ENV: "test" } as NodeJS.ProcessEnv)).toBe("HR <hr@example.com>");
  });

  it("refuses a message key that is not a safe file name (never writes outside the outbox)", async () => {
    const outcome = await sendEmail({ messageKey: "../evil", to: { name: "A", address: "a@example.com" }, subject: "s", text: "t", html: "<p>t</p>" }, env(undefined));
    expect(outcome).toMatchObject({ ok: false, permanent: false });
  });
});
