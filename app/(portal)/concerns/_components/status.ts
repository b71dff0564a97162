import type { ConcernStatus } from "@/lib/confidence/vocabulary";

/** The badge colour of a concern's status. */
export function statusTone(status: ConcernStatus): "amber" | "brand" | "green" | "slate" {
  return status === "open" ? "amber" : status === "answered" ? "brand" : status === "resolved" ? "green" : "slate";
}
