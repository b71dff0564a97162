import type { AckState } from "@/lib/communication/vocabulary";

export type AckEvent = "understood" | "ask" | "reply" | "supersede";

/**
 * The answer state machine. A holder answers Understood or asks (Need clarification); the owner's
 * reply moves a question to "answered", after which the holder may mark it understood or ask again.
 * A newer material version supersedes only an item nobody asked about ("pending"): a question stays
 * open and answerable on its own version, whatever is published after, until its owner answers it
 * and the holder confirms. Returns null for a move that is not allowed.
 */
const TRANSITIONS: Record<AckState, Partial<Record<AckEvent, AckState>>> = {
  pending: { understood: "understood", ask: "clarification", supersede: "superseded" },
  clarification: { reply: "answered", ask: "clarification" },
  answered: { understood: "understood", ask: "clarification", reply: "answered" },
  understood: {},
  superseded: {},
};

export function nextAckState(state: AckState, event: AckEvent): AckState | null {
  return TRANSITIONS[state][event] ?? null;
}

export const OPEN_ACK_STATES: AckState[] = ["pending", "clarification", "answered"];

/** The states a newer version closes (derived from the machine: only "pending"). */
export const SUPERSEDABLE_ACK_STATES: AckState[] = (Object.keys(TRANSITIONS) as AckState[]).filter((s) => nextAckState(s, "supersede") !== null);

/** Whole days between two instants (UTC calendar days). */
export function daysBetween(fromIso: string, to: Date = new Date()): number {
  const a = Date.UTC(+fromIso.slice(0, 4), +fromIso.slice(5, 7) - 1, +fromIso.slice(8, 10));
  const b = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  return Math.max(0, Math.round((b - a) / 86_400_000));
}
