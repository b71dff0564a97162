import "server-only";
import type { OutboxRow, Recipient, RenderedEmail } from "./types";

/** Renders a daily digest row (its notifications point to it by `digestId`). Owned by the digest part. */
export function renderDigest(row: OutboxRow, recipient: Recipient): RenderedEmail {
  void row;
  void recipient;
  throw new Error("renderDigest: not implemented yet");
}
