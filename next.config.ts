import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pdfkit", "nodemailer", "mailparser"],
  // No next/image in the app: this turns /_next/image into a plain 404 (a URL to an image that does
  // not exist made the optimizer answer 500).
  images: { unoptimized: true },
  // Certificates and course images are uploaded through Server Actions: up to 10 MB (lib/files/store.ts checks the bytes) plus the form.
  // The same limit as scripts/body-limit.mjs MAX_BODY_BYTES (the server answers 413 above it; a unit test keeps them equal).
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // The Content Security Policy is set per request, with a nonce, by proxy.ts (lib/core/csp.ts).
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
        ],
      },
    ];
  },
};

export default createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // The messages are compiled at build time, so the browser gets no ICU parser (issue 15: ~12 KB of
  // client JS on every page) and formatting skips parsing on the server too.
  experimental: { messages: { path: "./i18n/messages", format: "json", locales: "infer", precompile: true } },
})(nextConfig);
