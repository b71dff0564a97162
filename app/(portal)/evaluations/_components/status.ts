import type { EvaluationStatus } from "@/lib/evaluations/vocabulary";

/** The badge colour of a status: waiting on someone amber, done green, drafts neutral. */
export function statusTone(status: EvaluationStatus): "slate" | "green" | "red" | "amber" | "brand" {
  switch (status) {
    case "draft":
      return "slate";
    case "self_assessment":
    case "questioned":
    case "disagreed":
    case "escalated":
      return "amber";
    case "closed":
      return "green";
    default:
      return "brand";
  }
}
