/** The communication area's vocabulary. Pure values: the schema, lib and the UI all take them from here. */
export const ACK_STATES = ["pending", "understood", "clarification", "answered", "superseded"] as const;
export type AckState = (typeof ACK_STATES)[number];
