import "server-only";
import type { OutboxRow, Recipient, RenderedEmail } from "./types";

/** Renders an invitation row (payload: the one-time link's token). Owned by the invitation part. */
export function renderInvitation(row: OutboxRow, recipient: Recipient): RenderedEmail {
  void row;
  void recipient;
  throw new Error("renderInvitation: not implemented yet");
}
