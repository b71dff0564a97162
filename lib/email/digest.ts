import "server-only";

/**
 * Makes the digest rows due at `now`: for each person whose digest time (organisation zone) has
 * passed today and who has rows waiting in status "digest", one digest row. Stub: the digest part
 * implements it. Returns how many digests were queued.
 */
export function queueDueDigests(now = new Date()): number {
  void now;
  return 0;
}
