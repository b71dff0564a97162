// The largest request body the server accepts (scripts/server.mjs answers 413 above it). Next's own
// Server Action limit (next.config.ts experimental.serverActions.bodySizeLimit "11mb") is the same
// number: uploads (certificates, course images) may be 10 MB (UPLOAD_MAX_BYTES) plus the form around them.
export const MAX_BODY_BYTES = 11 * 1024 * 1024;

/** The 413 answer: short, plain and in English (it is written before any page or language is known). */
export const TOO_LARGE_MESSAGE =
  "413 Request too large: this server accepts request bodies of at most 11 MB (files up to 10 MB). Nothing was saved; go back and send less.\n";
