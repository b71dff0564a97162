#!/usr/bin/env node
// The Rolebook HTTP server: Next's custom-server API (next({ dev, dir }), getRequestHandler) behind a
// plain node:http server that does two things before Next sees a request:
//   1. The client's socket address: any incoming `x-rolebook-peer` header is deleted and the header
//      is set to req.socket.remoteAddress (lib/auth/request-info.ts `clientAddress` reads it; it trusts
//      X-Forwarded-For only when that peer is one of TRUSTED_PROXIES).
//   2. The body limit (scripts/body-limit.mjs): a Content-Length over it, or a chunked body that grows
//      over it, is answered 413 with a short message (not Next's 500). Next never sees a partial body.
// `node scripts/server.mjs` serves the production build (as `next start`); `--dev` runs Next in
// development mode. PORT (default 3000); the instrumentation hook (the scheduler) runs as with `next start`.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { MAX_BODY_BYTES, TOO_LARGE_MESSAGE } from "./body-limit.mjs";

const dev = process.argv.includes("--dev");
// As `next start` / `next dev` do, before Next is loaded.
process.env.NODE_ENV = dev ? "development" : "production";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.PORT || 3000);
const PEER_HEADER = "x-rolebook-peer";

// Production: the configuration the build wrote (.next/required-server-files.json), as Next's own
// standalone server does, rather than evaluating next.config.ts again: that needs SWC to compile it
// and runs the next-intl plugin, which loads @swc/core; together some 55 MB of native code resident
// for the server's whole life (issue 15, point 6). The headers and redirects are in the build's
// routes manifest either way.
if (!dev && !process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) {
  try {
    const { config } = JSON.parse(fs.readFileSync(path.join(root, ".next", "required-server-files.json"), "utf8"));
    if (config) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  } catch {
    // No build yet: Next loads next.config.ts and says the build is missing.
  }
}
const { default: next } = await import("next");
const app = next({ dev, dir: root, hostname: "localhost", port, ...(dev ? { turbopack: true } : {}) });
const handle = app.getRequestHandler();
await app.prepare();

/** Replaces whatever the client sent as the peer header with the socket's address. */
function setPeer(req) {
  const peer = req.socket.remoteAddress ?? "";
  delete req.headers[PEER_HEADER];
  const raw = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== PEER_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  if (peer) {
    req.headers[PEER_HEADER] = peer;
    raw.push(PEER_HEADER, peer);
  }
  req.rawHeaders = raw;
}

const TOO_LARGE_HEADERS = {
  "content-type": "text/plain; charset=utf-8",
  "content-length": Buffer.byteLength(TOO_LARGE_MESSAGE),
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};
/** How much of an over-large body is read and thrown away (so the client sees the 413, not a reset) before the connection is cut. */
const DRAIN_BYTES = 4 * MAX_BODY_BYTES;

/** A declared Content-Length over the limit: 413 at once, Next never sees the request; the body is drained (up to a bound). */
function tooLarge(req, res) {
  res.writeHead(413, TOO_LARGE_HEADERS);
  res.end(TOO_LARGE_MESSAGE);
  let drained = 0;
  req.on("data", (chunk) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) req.socket.destroy();
  });
  req.resume();
}

/**
 * A body without Content-Length (chunked) is held back from Next until it has all arrived: within the
 * limit, Next then reads it whole; over it, the client gets 413, Next never gets a byte (whatever it
 * writes afterwards goes nowhere), the rest is drained and the connection closed at its end, which
 * aborts Next's request. Works on the parser's `push` into the request stream.
 */
function holdChunkedBody(req, res) {
  const push = req.push.bind(req);
  const held = [];
  let size = 0;
  let over = false;
  req.push = (chunk, encoding) => {
    if (over) {
      size += chunk?.length ?? 0;
      if (chunk === null || size > DRAIN_BYTES) setImmediate(() => req.socket.destroy());
      return true;
    }
    if (chunk === null) {
      for (const c of held) push(c);
      held.length = 0;
      return push(null);
    }
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      over = true;
      held.length = 0;
      if (res.headersSent) {
        // Next has already answered (a page that does not read the body): just stop the upload.
        setImmediate(() => req.socket.destroy());
      } else {
        res.writeHead(413, TOO_LARGE_HEADERS);
        res.end(TOO_LARGE_MESSAGE);
        mute(res);
      }
      return true;
    }
    held.push(encoding && typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk);
    return true;
  };
}

/** After the 413, whatever Next tries to write goes nowhere. */
function mute(res) {
  res.writeHead = () => res;
  res.setHeader = () => res;
  res.appendHeader = () => res;
  res.removeHeader = () => undefined;
  res.flushHeaders = () => undefined;
  res.write = () => true;
  res.end = (...args) => {
    const cb = args.find((a) => typeof a === "function");
    if (cb) setImmediate(cb);
    return res;
  };
}

function onRequest(req, res) {
  setPeer(req);
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) {
    tooLarge(req, res);
    return;
  }
  if (declared === undefined && req.headers["transfer-encoding"]) holdChunkedBody(req, res);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    }
  });
}

const server = http.createServer(onRequest);
// "Expect: 100-continue": an over-large body is refused before the client sends it.
server.on("checkContinue", (req, res) => {
  const declared = req.headers["content-length"];
  if (declared === undefined || Number(declared) <= MAX_BODY_BYTES) res.writeContinue();
  onRequest(req, res);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());

server.listen(port, () => {
  console.log(`rolebook: ready on http://localhost:${port}${dev ? " (development)" : ""}`);
});

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections?.();
    app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
