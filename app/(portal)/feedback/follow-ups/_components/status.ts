import type { FollowupStatus } from "@/lib/feedback/vocabulary";

export function statusTone(status: FollowupStatus): "slate" | "green" | "amber" | "brand" {
  return status === "solved" ? "green" : status === "open" ? "amber" : "brand";
}
